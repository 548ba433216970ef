/**
 * Stability of Louvain communities over seeds: run Louvain `runs` times (seeds `${seed}/run/${i}`) and
 * report how much the runs agree: the share of runs that put each linked pair together (sparse
 * co-assignment), the share of pairs always together among the pairs ever together (linked pairs, and
 * all node pairs), the mean NMI and VI between runs, and a consensus partition
 * (`consensusPartition`). A stable structure has shares near 0 or 1, NMI near 1 and VI near 0.
 */
import type Graph from "graphology";
import { coAssignment, type LinkedPairShare, meanPairwiseAgreement, pairAgreement } from "./coAssignment.ts";
import { type ConsensusResult, consensusPartition } from "./consensus.ts";
import { type LouvainOptions, louvain } from "./louvain.ts";
import type { Partition } from "./partition.ts";

export interface StabilityOptions extends Omit<LouvainOptions, "attribute"> {
  /** Number of Louvain runs. Default 10. */
  runs?: number;
  /** Consensus threshold (see `consensusPartition`). Default 0.5. */
  threshold?: number;
}

export interface StabilityResult {
  runs: Array<{ seed: string; modularity: number | null; count: number; communities: Partition }>;
  /** Per linked pair, the share of runs with both ends together. */
  linkedPairs: LinkedPairShare[];
  /** Among linked pairs together in at least one run, the share together in all; null if none. */
  linkedPairsAlwaysTogether: number | null;
  /** Among all node pairs together in at least one run, the share together in all; null if none. */
  pairsAlwaysTogether: number | null;
  /** Mean NMI over pairs of runs (null with one run). */
  meanNmi: number | null;
  /** Mean variation of information over pairs of runs (null with one run). */
  meanVi: number | null;
  consensus: ConsensusResult;
}

export function communityStability(graph: Graph, options: StabilityOptions = {}): StabilityResult {
  const count = options.runs ?? 10;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`runs must be a positive integer (got ${count})`);
  const seed = options.seed ?? 0;
  const runs = Array.from({ length: count }, (_, i) => {
    const runSeed = `${seed}/run/${i}`;
    const r = louvain(graph, { ...options, seed: runSeed });
    return { seed: runSeed, modularity: r.modularity, count: r.count, communities: r.communities };
  });
  const partitions = runs.map((r) => r.communities);
  const linkedPairs = coAssignment(graph, partitions);
  const ever = linkedPairs.filter((p) => p.share > 0).length;
  const always = linkedPairs.filter((p) => p.share === 1).length;
  const { nmi, vi } = meanPairwiseAgreement(partitions);
  return {
    runs,
    linkedPairs,
    linkedPairsAlwaysTogether: ever === 0 ? null : always / ever,
    pairsAlwaysTogether: pairAgreement(graph.nodes(), partitions).share,
    meanNmi: nmi,
    meanVi: vi,
    consensus: consensusPartition(graph, partitions, {
      threshold: options.threshold,
      seed: `${seed}/consensus`,
      resolution: options.resolution,
      weight: options.weight,
    }),
  };
}
