/**
 * Pivot firms: the actors a firme-réseau is organised around (DOMAIN §3: "a pivot firm organises the
 * complementarity of specialised units"; its signature: ties and vertical market ties converge on it,
 * it lies between the others, its removal fragments the network, suppliers point to it, it is larger
 * than the others, its links are formal).
 *
 * Evidence per actor:
 * - `tieShare`: its distinct partners over the network's edges once parallel links are collapsed
 *   (a star's centre: 1); `verticalTieShare`: vertical market links touching it over the network's
 *   vertical market links (null without any);
 * - `betweenness`: normalised betweenness (`analyse/centrality`), directed paths with `directed`;
 * - `removal`: `removalImpact` (share of connected pairs disconnected, largest component left, pieces);
 * - `suppliersInbound`: among its supply/subcontracting/client links, the share where it is the
 *   customer (null without any);
 * - `sizeClass`, and `largerThan`: the share of the other actors with a known headcount that are
 *   smaller (null when unknown);
 * - `formalShare`: formal links over its links of known formality (null when none is known);
 * - `supplyReach`: the share of the other actors whose supply links lead to it through chains of
 *   suppliers (`supplyReach.ts`; null without supply links).
 * Ranking score: the mean, over the measures the network allows, of every item of evidence that grows
 * with "pivot-ness" — tieShare, verticalTieShare, betweenness, pairsDisconnected, suppliersInbound,
 * largerThan, formalShare, supplyReach — each divided by its largest value among the actors (so the
 * strongest actor on every count scores 1); a measure null for everyone is left out, null for one
 * actor counts 0. Structure alone cannot always tell a pivot from a tier-1 supplier that has many
 * suppliers of its own, least of all once the pivot has lost direct links: the direction of supply,
 * followed down the tiers, and the size are what DOMAIN §3 adds. Removal impact and supply reach are
 * computed for the `candidates` best actors on the other measures (default 10), the others get 0 for
 * them. Ties broken by id.
 */

import { analysisGraph } from "../analyse/analysisGraph.ts";
import { betweennessCentrality } from "../analyse/centrality/betweenness.ts";
import type { NetworkGraph } from "../model/graph.ts";
import type { SizeClass } from "../model/sizeClass.ts";
import { actorLinkCounts, linkCounts, ratio } from "./linkShares.ts";
import { type RemovalImpact, removalImpact } from "./removal.ts";
import { supplierLists, supplyReach } from "./supplyReach.ts";

export interface PivotEvidence {
  tieShare: number | null;
  verticalTieShare: number | null;
  betweenness: number;
  removal: RemovalImpact | null;
  suppliersInbound: number | null;
  sizeClass: SizeClass | null;
  largerThan: number | null;
  formalShare: number | null;
  supplyReach: number | null;
}

export interface Pivot {
  id: string;
  name: string | null;
  score: number;
  evidence: PivotEvidence;
}

export interface PivotOptions {
  /** Read directed links as directed for betweenness (default false). */
  directed?: boolean;
  /** How many leading actors get the removal test (default 10). */
  candidates?: number;
  /** How many pivots to return (default all). */
  limit?: number;
}

export function pivotFirms(network: NetworkGraph, options: PivotOptions = {}): Pivot[] {
  const simple = analysisGraph(network);
  const paths = options.directed ? analysisGraph(network, { directed: true }) : simple;
  const between = network.order > 0 ? betweennessCentrality(paths) : {};
  const edges = simple.size;
  const vertical = linkCounts(network).vertical;
  const headcounts: number[] = [];
  network.forEachNode((_, a) => {
    if (a.headcount !== null) headcounts.push(a.headcount);
  });
  const rows = network.mapNodes((id, a): Pivot => {
    const own = actorLinkCounts(network, id);
    const largerThan =
      a.headcount === null || headcounts.length < 2
        ? null
        : headcounts.filter((h) => h < (a.headcount as number)).length / (headcounts.length - 1);
    return {
      id,
      name: a.name,
      score: 0,
      evidence: {
        tieShare: ratio(simple.degree(id), edges),
        verticalTieShare: ratio(own.vertical, vertical),
        betweenness: between[id] ?? 0,
        removal: null,
        suppliersInbound: ratio(own.supplyInbound, own.supplyLinks),
        sizeClass: a.size_class,
        largerThan,
        formalShare: ratio(own.formal, own.formal + own.informal),
        supplyReach: null,
      },
    };
  });
  const parts: Array<(p: Pivot) => number | null> = [
    (p) => p.evidence.tieShare,
    (p) => p.evidence.verticalTieShare,
    (p) => p.evidence.betweenness,
    (p) => p.evidence.suppliersInbound,
    (p) => p.evidence.largerThan,
    (p) => p.evidence.formalShare,
  ];
  const scoreWith = (fns: Array<(p: Pivot) => number | null>) => {
    const maxima = fns.map((f) => Math.max(0, ...rows.map((p) => f(p) ?? 0)));
    for (const p of rows) {
      let sum = 0;
      let count = 0;
      fns.forEach((f, i) => {
        if (maxima[i] > 0) {
          sum += (f(p) ?? 0) / maxima[i];
          count++;
        }
      });
      p.score = count > 0 ? sum / count : 0;
    }
    rows.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  };
  scoreWith(parts);
  const suppliers = supplierLists(network);
  for (const p of rows.slice(0, options.candidates ?? 10)) {
    p.evidence.removal = removalImpact(simple, p.id);
    p.evidence.supplyReach = supplyReach(network, suppliers, p.id);
  }
  scoreWith([...parts, (p) => p.evidence.removal?.pairsDisconnected ?? null, (p) => p.evidence.supplyReach]);
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}
