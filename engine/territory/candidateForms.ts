/**
 * The organisational form of the networks a candidate's firms belong to: the classification of the
 * firm-to-firm networks (`engine/classify`, computed once for the whole network) looked up for each
 * candidate's firms. A firm outside any classified network (isolated, or in a pair) counts for none.
 */
import type { NetworkClassification } from "../classify/classify.ts";
import type { CandidateFirm, CandidateForm } from "./types.ts";

/** Each actor's network classification, from the classified networks and their members. */
export function networkFormIndex(
  networks: ReadonlyArray<{ members: readonly string[]; classification: NetworkClassification }>,
): Map<string, NetworkClassification> {
  const index = new Map<string, NetworkClassification>();
  for (const { members, classification } of networks) for (const id of members) index.set(id, classification);
  return index;
}

export function candidateForms(
  firms: readonly CandidateFirm[],
  formOf: ReadonlyMap<string, NetworkClassification>,
): CandidateForm[] {
  const counts = new Map<NetworkClassification, number>();
  for (const firm of firms) {
    const network = formOf.get(firm.id);
    if (network) counts.set(network, (counts.get(network) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || b.size - a.size || (a.id < b.id ? -1 : 1))
    .map(([network, count]) => ({
      network: network.id,
      size: network.size,
      firms: count,
      label: network.label,
      score: network.score,
      pivot: network.pivots[0] ? { id: network.pivots[0].id, name: network.pivots[0].name } : null,
    }));
}
