/**
 * Key indicators of one snapshot, measured on the actors that have at least one link in it (actors
 * without ties would swamp components and density as the network grows over time):
 * - `actorsWithTies`, `links` (every link of the multigraph);
 * - `density`: distinct linked pairs / (n (n − 1) / 2), directions ignored (null for n < 2);
 * - `components` and `largestComponentShare` (largest component size / n);
 * - `averageClustering`: networkx's `average_clustering` on the simple undirected graph (nodes with
 *   fewer than two neighbours count 0);
 * - `marketShare`: market links / links of known category (null when none).
 * Density, components and clustering come from `engine/analyse/structure`.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { linkView } from "../../model/views.ts";
import { averageClustering } from "../structure/clustering.ts";
import { connectedComponents } from "../structure/components.ts";
import { density } from "../structure/density.ts";

export interface NetworkIndicators {
  actorsWithTies: number;
  links: number;
  density: number | null;
  components: number;
  largestComponentShare: number | null;
  averageClustering: number | null;
  marketShare: number | null;
}

export function networkIndicators(snapshot: NetworkGraph): NetworkIndicators {
  const tied = linkView(snapshot, () => true, { dropIsolates: true });
  let market = 0;
  let nonMarket = 0;
  tied.forEachEdge((_key, link) => {
    if (link.category === "market") market++;
    else if (link.category === "non_market") nonMarket++;
  });
  const n = tied.order;
  const components = connectedComponents(tied);
  return {
    actorsWithTies: n,
    links: tied.size,
    density: density(tied, { directed: false }),
    components: components.count,
    largestComponentShare: n === 0 ? null : components.sizes[0] / n,
    averageClustering: averageClustering(tied, { directed: false }),
    marketShare: market + nonMarket === 0 ? null : market / (market + nonMarket),
  };
}
