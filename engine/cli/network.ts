/**
 * Getting the network a command works on, from any source (a built-in dataset, a store, files), with
 * the reading summary and quarantine when it was read from files.
 */
import type { NetworkRead } from "../io/assemble.ts";
import { readNetwork } from "../io/readNetwork.ts";
import type { NetworkGraph } from "../model/graph.ts";
import { withStore } from "../store/connection.ts";
import { loadNetwork } from "../store/loadNetwork.ts";
import { progressBar } from "./progress.ts";
import type { Source } from "./source.ts";

export interface LoadedNetwork {
  graph: NetworkGraph;
  /** Present when the network was read from files (dataset or explicit files). */
  read: NetworkRead | null;
}

export async function readFilesWithProgress(
  nodes: string | undefined,
  edges: string,
  columns?: Record<string, string>,
): Promise<NetworkRead> {
  const bar = progressBar();
  try {
    return await readNetwork(
      { nodes, edges },
      { columns, onProgress: (done, total, stage) => bar.update(done, total, stage) },
    );
  } finally {
    bar.stop();
  }
}

export async function loadSourceNetwork(
  source: Source,
  columns?: Record<string, string>,
): Promise<LoadedNetwork> {
  if (source.type === "db") {
    const graph = await withStore(source.path, (store) => loadNetwork(store), { readOnly: true });
    return { graph, read: null };
  }
  const files =
    source.type === "dataset"
      ? { nodes: source.dataset.files.actors, edges: source.dataset.files.links }
      : source;
  const read = await readFilesWithProgress(files.nodes, files.edges, columns);
  return { graph: read.graph, read };
}
