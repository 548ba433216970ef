/**
 * The built-in datasets: where each one's files are, relative to this folder, and what they hold.
 * Each folder has a README with provenance and licence. Paths are absolute at run time, so the
 * datasets work from any working directory.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export interface DatasetFiles {
  actors: string;
  links: string;
  /** Establishment table (URSSAF commune x APE) for the territorial diagnostic. */
  establishments?: string;
  /** Commune centroids, adjacency and boundaries. */
  geo?: { centroids: string; adjacency: string; boundaries: string };
  /** An animator's contact book and interaction log. */
  contacts?: { contacts: string; interactions: string };
  /** A registry of the business networks of the territory and their actions (members are links). */
  registry?: { networks: string; actions: string; members?: string };
  /** Planted truth of the synthetic parts. */
  truth?: string;
}

export interface Dataset {
  name: string;
  title: string;
  /** What is real and what is synthetic, in one line. */
  nature: string;
  folder: string;
  files: DatasetFiles;
}

const at = (name: string, ...parts: string[]) => join(here, name, ...parts);

export const DATASETS: readonly Dataset[] = [
  {
    name: "rouen",
    title: "Rouen employment zone: URSSAF establishments 2006–2022 and a synthetic inter-firm network",
    nature:
      "real establishment counts and geography; synthetic firms, links, memberships and contacts (seeded)",
    folder: at("rouen"),
    files: {
      actors: at("rouen", "actors.csv"),
      links: at("rouen", "links.csv"),
      establishments: at("rouen", "establishments", "urssaf_commune_ape_2006_2022_rouen.csv"),
      geo: {
        centroids: at("rouen", "geo", "communes_76_centroids.csv"),
        adjacency: at("rouen", "geo", "communes_76_adjacency.csv"),
        boundaries: at("rouen", "geo", "communes-76-seine-maritime.geojson"),
      },
      contacts: {
        contacts: at("rouen", "contacts", "contacts.csv"),
        interactions: at("rouen", "contacts", "interactions.csv"),
      },
      registry: {
        networks: at("rouen", "networks", "registry.csv"),
        actions: at("rouen", "networks", "actions.csv"),
      },
      truth: at("rouen", "truth.json"),
    },
  },
  {
    name: "florentine",
    title: "Padgett's Florentine families: credit (market) and marriage (non-market) ties",
    nature: "real (historical data by J. Padgett)",
    folder: at("florentine"),
    files: { actors: at("florentine", "actors.csv"), links: at("florentine", "links.csv") },
  },
  {
    name: "norway-h2020",
    title: "Norwegian organisations in Horizon 2020 projects: organisations x projects",
    nature: "real (Research Council of Norway open data)",
    folder: at("norway-h2020"),
    files: { actors: at("norway-h2020", "actors.csv"), links: at("norway-h2020", "links.csv") },
  },
];

export const DATASET_NAMES = DATASETS.map((d) => d.name);

export function findDataset(name: string): Dataset | undefined {
  return DATASETS.find((d) => d.name === name);
}

/** Whether every file of the dataset is present (a partial clone or a failed generation shows here). */
export function datasetComplete(dataset: Dataset): boolean {
  const { files } = dataset;
  const paths = [files.actors, files.links, files.establishments, files.truth].filter(
    (p): p is string => !!p,
  );
  return paths.every((p) => existsSync(p));
}
