/**
 * Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of mediation"), for any
 * grouping of the actors (NAF division, commune, association, community…).
 *
 * A broker b mediates an *open two-path* a → b → c: three distinct actors, links a → b and b → c,
 * and no direct link a → c (the convention of R's sna `brokerage`; a link c → a does not close the
 * path). Each open two-path is one brokerage act of b, classified by the groups g(·):
 *
 *     coordinator      g(a) = g(b) = g(c)   all three in one group
 *     itinerant        g(a) = g(c) ≠ g(b)   the broker is an outsider mediating within one group
 *                                            (also called consultant)
 *     representative   g(a) = g(b) ≠ g(c)   the broker is in the SENDING group and passes the flow to
 *                                            a target outside it
 *     gatekeeper       g(b) = g(c) ≠ g(a)   the broker is in the RECEIVING group and lets in a flow
 *                                            from a source outside it
 *     liaison          g(a), g(b), g(c) all different
 *
 * Some packages swapped the gatekeeper and representative labels across versions; the definitions
 * above (UCINET's, and DOMAIN.md §9) are the ones used here and tested on a hand-drawn example.
 *
 * Expected counts under random assignment of group labels (DOMAIN.md §9): b's group is fixed; the
 * labels of a and c are drawn without replacement from the other N − 1 actors' labels (group sizes
 * n_k, with n_{g(b)} − 1 left in b's group, s). With M = N − 1 and the path count P_b of b:
 *   coordinator    P_b · s(s − 1) / (M(M − 1))
 *   itinerant      P_b · Σ_{k ≠ g(b)} n_k(n_k − 1) / (M(M − 1))
 *   representative P_b · s(M − s) / (M(M − 1))   (a in b's group, c outside)
 *   gatekeeper     P_b · (M − s)s / (M(M − 1))   (a outside, c in b's group)
 *   liaison        P_b · ((M − s)² − Σ_{k ≠ g(b)} n_k²) / (M(M − 1))
 * Ratio = observed / expected, null when the expected count is 0 (no two-path, or a pattern the
 * group sizes make impossible, e.g. coordinator in a group of one).
 *
 * Input: directions are read (`adjacency.ts` with `directed: true`): a directed link is one arc, an
 * undirected link counts both ways, parallel links collapse, self-loops are dropped. An actor with no
 * group (null, undefined or '') takes no part: two-paths through or to it are not counted, it is not
 * in the group sizes N and n_k, and its row is null; `ungrouped` lists them.
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export const BROKERAGE_ROLES = [
  "coordinator",
  "itinerant",
  "representative",
  "gatekeeper",
  "liaison",
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type RoleCounts = Record<BrokerageRole, number> & { total: number };
export type RoleRatios = Record<BrokerageRole | "total", number | null>;

export interface BrokerRow {
  group: string;
  /** Open two-paths through the broker (= observed.total = expected.total). */
  openTwoPaths: number;
  observed: RoleCounts;
  expected: RoleCounts;
  ratio: RoleRatios;
}

export interface Brokerage {
  /** Per actor; null for an actor without a group. */
  nodes: Record<string, BrokerRow | null>;
  /** Sums over all brokers. */
  totals: { observed: RoleCounts; expected: RoleCounts; ratio: RoleRatios };
  /** Group → number of grouped actors in it. */
  groupSizes: Record<string, number>;
  /** Actors without a group, in graph order. */
  ungrouped: string[];
}

export interface BrokerageOptions {
  /** The grouping: a node attribute name, or a function of the node returning its group. */
  group: string | ((id: string, attributes: Record<string, unknown>) => unknown);
}

/** The role of the two-path a → b → c given the three groups. */
export function brokerageRole(ga: string, gb: string, gc: string): BrokerageRole {
  if (ga === gb) return gb === gc ? "coordinator" : "representative";
  if (gb === gc) return "gatekeeper";
  return ga === gc ? "itinerant" : "liaison";
}

const zeroCounts = (): RoleCounts => ({
  coordinator: 0,
  itinerant: 0,
  representative: 0,
  gatekeeper: 0,
  liaison: 0,
  total: 0,
});

function ratios(observed: RoleCounts, expected: RoleCounts): RoleRatios {
  const r = {} as RoleRatios;
  for (const role of [...BROKERAGE_ROLES, "total"] as const)
    r[role] = expected[role] > 0 ? observed[role] / expected[role] : null;
  return r;
}

/** Pattern probabilities for a broker of a group of size `size` among `n` grouped actors. */
export function brokerageProbabilities(
  size: number,
  groupSizes: Iterable<[string, number]>,
  group: string,
  n: number,
): Record<BrokerageRole, number> {
  const m = n - 1;
  if (m < 2) return { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };
  const s = size - 1;
  const pairs = m * (m - 1);
  let sameOther = 0; // Σ n_k(n_k − 1) over the other groups
  let squares = 0; // Σ n_k² over the other groups
  for (const [k, nk] of groupSizes) {
    if (k === group) continue;
    sameOther += nk * (nk - 1);
    squares += nk * nk;
  }
  const outside = m - s;
  return {
    coordinator: (s * (s - 1)) / pairs,
    itinerant: sameOther / pairs,
    representative: (s * outside) / pairs,
    gatekeeper: (outside * s) / pairs,
    liaison: (outside * outside - squares) / pairs,
  };
}

export function brokerage(graph: AnyGraph, options: BrokerageOptions): Brokerage {
  const read =
    typeof options.group === "string"
      ? (
          (name: string) => (_id: string, a: Record<string, unknown>) =>
            a[name]
        )(options.group)
      : options.group;
  const adj = buildAdjacency(graph, { directed: true });
  const groups = adj.ids.map((id) => {
    const value = read(id, graph.getNodeAttributes(id));
    return value === null || value === undefined || value === "" ? null : String(value);
  });
  const sizes = new Map<string, number>();
  let grouped = 0;
  for (const g of groups) {
    if (g === null) continue;
    sizes.set(g, (sizes.get(g) ?? 0) + 1);
    grouped++;
  }
  const probabilities = new Map<string, Record<BrokerageRole, number>>();
  for (const [g, size] of sizes) probabilities.set(g, brokerageProbabilities(size, sizes, g, grouped));

  const nodes: Record<string, BrokerRow | null> = {};
  const totalObserved = zeroCounts();
  const totalExpected = zeroCounts();
  adj.ids.forEach((id, b) => {
    const gb = groups[b];
    if (gb === null) {
      nodes[id] = null;
      return;
    }
    const observed = zeroCounts();
    for (const a of adj.in[b].keys()) {
      const ga = groups[a];
      if (ga === null) continue;
      for (const c of adj.out[b].keys()) {
        const gc = groups[c];
        if (c === a || gc === null || adj.out[a].has(c)) continue;
        observed[brokerageRole(ga, gb, gc)]++;
        observed.total++;
      }
    }
    const p = probabilities.get(gb) as Record<BrokerageRole, number>;
    const expected = zeroCounts();
    for (const role of BROKERAGE_ROLES) {
      expected[role] = observed.total * p[role];
      totalObserved[role] += observed[role];
      totalExpected[role] += expected[role];
    }
    expected.total = observed.total;
    totalObserved.total += observed.total;
    totalExpected.total += observed.total;
    nodes[id] = {
      group: gb,
      openTwoPaths: observed.total,
      observed,
      expected,
      ratio: ratios(observed, expected),
    };
  });
  return {
    nodes,
    totals: { observed: totalObserved, expected: totalExpected, ratio: ratios(totalObserved, totalExpected) },
    groupSizes: Object.fromEntries([...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ungrouped: adj.ids.filter((_, u) => groups[u] === null),
  };
}

/**
 * Writes node attributes `brokerageCoordinator`, `brokerageItinerant`, `brokerageRepresentative`,
 * `brokerageGatekeeper`, `brokerageLiaison` (observed counts) and `brokerage` (their total); null
 * for an actor without a group.
 */
brokerage.assign = (graph: AnyGraph, options: BrokerageOptions): void => {
  const { nodes } = brokerage(graph, options);
  graph.forEachNode((id) => {
    const row = nodes[id];
    graph.mergeNodeAttributes(id, {
      brokerageCoordinator: row?.observed.coordinator ?? null,
      brokerageItinerant: row?.observed.itinerant ?? null,
      brokerageRepresentative: row?.observed.representative ?? null,
      brokerageGatekeeper: row?.observed.gatekeeper ?? null,
      brokerageLiaison: row?.observed.liaison ?? null,
      brokerage: row?.observed.total ?? null,
    });
  });
};
