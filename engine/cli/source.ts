/**
 * Where a command takes its network from, the same way for every command: `--dataset NAME`, `--db FILE`
 * or explicit files (`--nodes/--edges`); with none of them, the built-in `rouen` dataset, said on stderr.
 */
import { DATASET_NAMES, type Dataset, findDataset } from "../../datasets/index.ts";
import { note, UsageError } from "./output.ts";

export interface SourceOptions {
  dataset?: string;
  db?: string;
  nodes?: string;
  edges?: string;
}

export type Source =
  | { type: "dataset"; dataset: Dataset }
  | { type: "db"; path: string }
  | { type: "files"; nodes?: string; edges: string };

export const DEFAULT_DATASET = "rouen";

export function datasetByName(name: string): Dataset {
  const dataset = findDataset(name);
  if (!dataset) throw new UsageError(`unknown dataset "${name}" (built-in: ${DATASET_NAMES.join(", ")}).`);
  return dataset;
}

export function resolveSource(options: SourceOptions): Source {
  const given = [
    options.dataset && "--dataset",
    options.db && "--db",
    (options.nodes || options.edges) && "--nodes/--edges",
  ].filter(Boolean);
  if (given.length > 1) throw new UsageError(`give one source, not ${given.join(" and ")}.`);
  if (options.dataset) return { type: "dataset", dataset: datasetByName(options.dataset) };
  if (options.db) return { type: "db", path: options.db };
  if (options.nodes && !options.edges) throw new UsageError("--nodes needs --edges (the links file).");
  if (options.edges) return { type: "files", nodes: options.nodes, edges: options.edges };
  note(
    `(no source given: using the built-in "${DEFAULT_DATASET}" dataset; see --dataset, --db, --nodes/--edges)`,
  );
  return { type: "dataset", dataset: datasetByName(DEFAULT_DATASET) };
}

export function describeSource(source: Source): string {
  if (source.type === "dataset") return `dataset ${source.dataset.name}`;
  if (source.type === "db") return `store ${source.path}`;
  return source.nodes ? `${source.nodes} + ${source.edges}` : source.edges;
}
