/**
 * Copies the real data of the `rouen` dataset from the shared data folder into this folder, so that
 * the project runs from its own clone (users do not have the shared folder). Run from the repository
 * root:
 *
 *   npx tsx datasets/rouen/extractRealData.ts [SHARED_DATA_DIR]
 *
 * SHARED_DATA_DIR defaults to `../shared/data`. What is copied (README.md, "Real data"):
 * - the URSSAF commune x APE table of the Rouen employment zone, byte for byte;
 * - the 2018 commune centroids of département 76 (all of it, not only the zone, so that successive
 *   aggregation near the zone edge sees the neighbours), lines kept as they are;
 * - the adjacency pairs with at least one end in département 76 (the other end may lie in 27, 60 or
 *   80: a 76 commune's neighbour across the border is kept), lines kept as they are;
 * - the simplified commune boundaries of département 76, byte for byte.
 * It is kept here as the record of how the files were derived; the generator does not call it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));

export const REAL_FILES = {
  establishments: {
    from: "urssaf-rouen/urssaf_commune_ape_2006_2022_rouen_subset.csv",
    to: "establishments/urssaf_commune_ape_2006_2022_rouen.csv",
  },
  centroids: { from: "geo/communes_2018_centroids.csv", to: "geo/communes_76_centroids.csv" },
  adjacency: { from: "geo/communes_2018_adjacency.csv", to: "geo/communes_76_adjacency.csv" },
  boundaries: {
    from: "geo/communes-geojson-2018/communes-76-seine-maritime.geojson",
    to: "geo/communes-76-seine-maritime.geojson",
  },
} as const;

export const DEPARTEMENT = "76";

/** Keep the header and the lines a predicate accepts, byte for byte (line ends included). */
function filterLines(text: string, keep: (fields: string[]) => boolean): string {
  const lines = text.split(/(?<=\n)/);
  const out = [lines[0]];
  for (const line of lines.slice(1)) {
    const bare = line.replace(/\r?\n$/, "");
    if (bare === "") continue;
    if (keep(bare.split(","))) out.push(line);
  }
  return out.join("");
}

export function extractRealData(sharedData: string, target: string = HERE): void {
  const src = (p: string) => join(sharedData, p);
  const dst = (p: string) => {
    const path = join(target, p);
    mkdirSync(join(path, ".."), { recursive: true });
    return path;
  };
  copyFileSync(src(REAL_FILES.establishments.from), dst(REAL_FILES.establishments.to));
  copyFileSync(src(REAL_FILES.boundaries.from), dst(REAL_FILES.boundaries.to));

  const centroids = readFileSync(src(REAL_FILES.centroids.from), "utf8");
  // code_insee,nom,dep,lon,lat,area_deg2: the département is the third column
  writeFileSync(
    dst(REAL_FILES.centroids.to),
    filterLines(centroids, (f) => f[2] === DEPARTEMENT),
  );

  const adjacency = readFileSync(src(REAL_FILES.adjacency.from), "utf8");
  // code_a,code_b,shared_vertices: keep a pair when either commune is in the département
  const inDep = (code: string) => code.startsWith(DEPARTEMENT);
  writeFileSync(
    dst(REAL_FILES.adjacency.to),
    filterLines(adjacency, (f) => inDep(f[0]) || inDep(f[1])),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const shared = resolve(process.argv[2] ?? "../shared/data");
  extractRealData(shared);
  process.stderr.write(`copied the real data of datasets/rouen from ${shared}\n`);
}
