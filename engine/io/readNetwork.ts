/**
 * One reader for every network input: an actors file and a links file (CSV in any French or English
 * dialect, or Parquet), a links file alone (a plain edge list), or one graph file (graphology JSON,
 * GEXF, GraphML). All go through the same row checks and report the same summary and quarantine.
 */
import { assembleNetwork, type NetworkRead, type ProgressCallback } from "./assemble.ts";
import { csvActorSource, csvLinkSource, type TableReadOptions } from "./csvSource.ts";
import { InputError } from "./errors.ts";
import { graphFormatOf, graphRowSources, parseGraphFile } from "./graphFormats.ts";
import { parquetActorSource, parquetLinkSource } from "./tables.ts";

export interface NetworkFiles {
  /** Actors file (CSV or Parquet); optional when the links file is enough. */
  nodes?: string;
  /** Links file (CSV or Parquet), or a whole graph file (.json, .gexf, .graphml). */
  edges: string;
}

export interface NetworkReadOptions extends TableReadOptions {
  onProgress?: ProgressCallback;
}

const isParquet = (file: string) => file.toLowerCase().endsWith(".parquet");

export async function readNetwork(
  files: NetworkFiles,
  options: NetworkReadOptions = {},
): Promise<NetworkRead> {
  if (graphFormatOf(files.edges)) {
    if (files.nodes) {
      throw new InputError(
        `${files.edges} holds a whole graph (nodes and edges); do not give an actors file with it (${files.nodes}).`,
      );
    }
    const sources = graphRowSources(files.edges, parseGraphFile(files.edges));
    return assembleNetwork({ ...sources, onProgress: options.onProgress });
  }
  const actors = files.nodes
    ? isParquet(files.nodes)
      ? await parquetActorSource(files.nodes, options.columns)
      : csvActorSource(files.nodes, options)
    : undefined;
  const links = isParquet(files.edges)
    ? await parquetLinkSource(files.edges, options.columns)
    : csvLinkSource(files.edges, options);
  return assembleNetwork({ actors, links, onProgress: options.onProgress });
}
