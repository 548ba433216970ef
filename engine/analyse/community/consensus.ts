/**
 * Consensus clustering (Lancichinetti & Fortunato 2012), sparse on the graph's links:
 * 1. D(u, v) = share of the partitions that put u and v together, for every linked pair;
 * 2. if every D is 0 or 1 the partitions agree on every link: stop;
 * 3. drop the pairs with D < threshold, run Louvain `runs` times (seeded) on the graph weighted by D,
 *    and go back to 1 with these partitions.
 * The consensus is the connected components of the pairs with D = 1. If `maxIterations` pass
 * without agreement, it is the last round's partition with the highest mean NMI to the others
 * (`converged: false`). Restricting D to linked pairs (instead of all n² pairs) keeps it linear in
 * the links; a pair never linked cannot pull two nodes together anyway.
 */
import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import { coAssignment } from "./coAssignment.ts";
import { louvain } from "./louvain.ts";
import { modularity } from "./modularity.ts";
import { normalizedMutualInformation } from "./nmi.ts";
import { canonicalPartition, communityCount, type Labelling, type Partition } from "./partition.ts";
import type { WeightOption } from "./weights.ts";

export interface ConsensusOptions {
  /** Pairs together in fewer than this share of partitions are dropped. Default 0.5. */
  threshold?: number;
  /** Louvain runs per round. Default: as many as the partitions given. */
  runs?: number;
  /** Seed of the rounds' Louvain runs. Default 0. */
  seed?: string | number;
  /** Resolution of the rounds' Louvain runs. Default 1. */
  resolution?: number;
  /** Rounds before giving up. Default 20. */
  maxIterations?: number;
  /** Weight attribute of the original graph for the reported modularity. Default `"weight"`. */
  weight?: WeightOption;
}

export interface ConsensusResult {
  communities: Partition;
  count: number;
  /** Modularity of the consensus on the original graph (resolution 1 unless given). */
  modularity: number | null;
  /** Rounds of Louvain on D that were run (0: the given partitions already agreed). */
  iterations: number;
  converged: boolean;
  threshold: number;
}

export function consensusPartition(
  graph: Graph,
  partitions: readonly Labelling[],
  options: ConsensusOptions = {},
): ConsensusResult {
  if (partitions.length === 0) throw new RangeError("consensusPartition needs at least one partition");
  const threshold = options.threshold ?? 0.5;
  const runs = options.runs ?? partitions.length;
  const maxIterations = options.maxIterations ?? 20;
  const seed = options.seed ?? 0;
  const order = graph.nodes();
  const finish = (labels: Labelling, iterations: number, converged: boolean): ConsensusResult => {
    const communities = canonicalPartition(order, labels);
    return {
      communities,
      count: communityCount(communities),
      modularity: modularity(graph, communities, { weight: options.weight, resolution: options.resolution }),
      iterations,
      converged,
      threshold,
    };
  };
  let current: readonly Labelling[] = partitions;
  for (let iteration = 0; ; iteration++) {
    const shares = coAssignment(graph, current);
    if (shares.every((p) => p.share === 0 || p.share === 1)) {
      const agreed = new Graph({ type: "undirected" });
      for (const node of order) agreed.addNode(node);
      for (const p of shares) if (p.share === 1) agreed.mergeEdge(p.source, p.target);
      const labels: Partition = {};
      connectedComponents(agreed).forEach((component, c) => {
        for (const node of component) labels[node] = c;
      });
      return finish(labels, iteration, true);
    }
    if (iteration === maxIterations) {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      current.forEach((p, i) => {
        let score = 0;
        for (const q of current) if (q !== p) score += normalizedMutualInformation(p, q);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      });
      return finish(current[best], iteration, false);
    }
    const weighted = new Graph({ type: "undirected" });
    for (const node of order) weighted.addNode(node);
    for (const p of shares)
      if (p.share >= threshold) weighted.mergeEdge(p.source, p.target, { weight: p.share });
    const next: Partition[] = [];
    for (let r = 0; r < runs; r++) {
      next.push(
        louvain(weighted, { seed: `${seed}/consensus/${iteration}/${r}`, resolution: options.resolution })
          .communities,
      );
    }
    current = next;
  }
}
