/**
 * Members tied by shared organisations, as a network to classify: for a members × organisations input
 * (e.g. organisations × H2020 projects) the collaboration network is the one-mode projection
 * (`membershipProjection`, weight = shared organisations). The result keeps every actor and the
 * membership links (so the typology still sees who belongs to what) and adds one undirected link of
 * kind `other` per projected pair, weight = number of shared organisations, formality unknown; other
 * links of the input are dropped (the projection is the structure classified).
 */
import { membershipProjection } from "../model/bipartite.ts";
import { addLink, emptyNetwork, type NetworkGraph } from "../model/graph.ts";

export function projectionNetwork(graph: NetworkGraph): NetworkGraph {
  const out = emptyNetwork();
  graph.forEachNode((id, a) => {
    out.addNode(id, { ...a });
  });
  graph.forEachEdge((key, a, s, t) => {
    if (a.kind !== "membership") return;
    if (a.directed) out.addDirectedEdgeWithKey(key, s, t, { ...a });
    else out.addUndirectedEdgeWithKey(key, s, t, { ...a });
  });
  const projected = membershipProjection(graph, { weighting: "shared" });
  projected.forEachEdge((_, e, s, t) => {
    addLink(out, {
      source: s,
      target: t,
      kind: "other",
      category: "unknown",
      orientation: null,
      formality: null,
      weight: e.shared,
      frequency: null,
      start: null,
      end: null,
      directed: false,
      source_ref: "projection:membership",
    });
  });
  return out;
}
