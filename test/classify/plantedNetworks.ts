/**
 * Seeded generator of planted organisational forms, for checking `engine/classify`. The parameters
 * come from the signatures of DOMAIN §3, fixed before the classifier was run and not adjusted to it:
 * - `firme-reseau`: a star-of-stars supply chain around one pivot (mid-cap or large: 250–4,999 or
 *   5,000–20,000 employees). 6–14 tier-1 suppliers; each has 1–4 tier-2 suppliers, each tier-2 0–2
 *   tier-3 suppliers; a tier-2 also supplies a second tier-1 with probability 0.2 (tiered chains share
 *   suppliers); the pivot mentors a few tier-1 (formal). Supply/subcontracting links point supplier →
 *   customer, formal, vertical by kind. Suppliers are micro firms or SMEs of various trades spread over
 *   the whole territory.
 * - `reseau-de-firmes`: 15–40 SMEs and micro firms of one trade (NAF division 49) in 3–5 contiguous
 *   communes. Within a commune a pair is tied with probability 0.25, across communes 0.05; 3–5
 *   leaders (one per commune at most) are tied to each other and to half the firms of their commune.
 *   Kinds: informal non-market (information 40 %, friendship 20 %, advice 10 %), co-production 20 %
 *   (informal), joint purchasing 10 % (formal). No firm above 249 employees.
 * - `mixed`: a réseau de firmes as above plus one mid-cap customer in the same communes to which
 *   30–60 % of the SMEs are formal suppliers (the district partly captured by a pivot).
 * Noise: each link, with probability `noise`, gets one end (chosen at random) moved to a uniformly
 * chosen other actor of the same network (its attributes unchanged; no self-loop, no repeated pair check).
 * The territory is a 10 × 6 grid of communes with rook contiguity (`adjacency`).
 */
import { buildNetwork, type NetworkGraph } from "../../engine/model/graph.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import { type Actor, blankActor, blankLink, type Link, linkKey } from "../../engine/model/types.ts";
import type { LinkKind } from "../../engine/model/vocabulary.ts";
import {
  bernoulli,
  createRng,
  pick,
  type Rng,
  randomInt,
  sample,
  weightedPick,
} from "../../engine/random/index.ts";

export type PlantedForm = "firme-reseau" | "reseau-de-firmes" | "mixed";

export interface PlantedNetwork {
  form: PlantedForm;
  graph: NetworkGraph;
  /** The planted pivot, null for a réseau de firmes. */
  pivot: string | null;
  /** The planted leaders of a réseau de firmes. */
  leaders: string[];
}

const COLUMNS = 10;
const ROWS = 6;
export const COMMUNES: string[] = Array.from(
  { length: COLUMNS * ROWS },
  (_, i) => `76${String(100 + i).padStart(3, "0")}`,
);
export const ADJACENCY: Array<{ a: string; b: string }> = [];
for (let r = 0; r < ROWS; r++)
  for (let c = 0; c < COLUMNS; c++) {
    const here = COMMUNES[r * COLUMNS + c];
    if (c + 1 < COLUMNS) ADJACENCY.push({ a: here, b: COMMUNES[r * COLUMNS + c + 1] });
    if (r + 1 < ROWS) ADJACENCY.push({ a: here, b: COMMUNES[(r + 1) * COLUMNS + c] });
  }

const SUPPLIER_NAF = ["22.29A", "24.10Z", "25.62A", "25.61Z", "28.41Z", "33.12Z", "27.12Z", "26.11Z"];
const DISTRICT_NAF = ["49.41A", "49.41B", "49.42Z"];

class Builder {
  actors: Actor[] = [];
  links: Link[] = [];
  private next = 0;
  constructor(readonly rng: Rng) {}

  firm(naf: string, commune: string, headcount: number): string {
    const id = `f${String(this.next++).padStart(4, "0")}`;
    const actor = blankActor(id, "firm");
    actor.naf = naf;
    actor.commune = commune;
    actor.headcount = headcount;
    actor.size_class = sizeClassOf(headcount);
    this.actors.push(actor);
    return id;
  }

  smallHeadcount(): number {
    return bernoulli(this.rng, 0.4) ? randomInt(this.rng, 1, 9) : randomInt(this.rng, 10, 249);
  }

  link(source: string, target: string, kind: LinkKind, formality: "formal" | "informal"): void {
    this.links.push(blankLink(source, target, kind, { formality, source_ref: "planted" }));
  }
}

function supplyChain(b: Builder): { pivot: string } {
  const rng = b.rng;
  const big = bernoulli(rng, 0.5) ? randomInt(rng, 250, 4999) : randomInt(rng, 5000, 20000);
  const pivot = b.firm("29.10Z", pick(rng, COMMUNES), big);
  const supplier = () => b.firm(pick(rng, SUPPLIER_NAF), pick(rng, COMMUNES), b.smallHeadcount());
  const kind = (): LinkKind => (bernoulli(rng, 0.6) ? "supply" : "subcontracting");
  const tier1 = Array.from({ length: randomInt(rng, 6, 14) }, supplier);
  for (const t1 of tier1) b.link(t1, pivot, kind(), "formal");
  for (const t1 of sample(rng, tier1, randomInt(rng, 1, 3))) b.link(pivot, t1, "mentoring", "formal");
  for (const t1 of tier1) {
    for (let i = randomInt(rng, 1, 4); i > 0; i--) {
      const t2 = supplier();
      b.link(t2, t1, kind(), "formal");
      if (bernoulli(rng, 0.2)) {
        const other = pick(rng, tier1);
        if (other !== t1) b.link(t2, other, kind(), "formal");
      }
      for (let j = randomInt(rng, 0, 2); j > 0; j--) b.link(supplier(), t2, kind(), "formal");
    }
  }
  return { pivot };
}

function district(b: Builder): { firms: string[]; leaders: string[]; communes: string[] } {
  const rng = b.rng;
  // 3–5 contiguous communes: grow a patch from a random cell through rook neighbours
  const patch = [pick(rng, COMMUNES)];
  const want = randomInt(rng, 3, 5);
  while (patch.length < want) {
    const around = ADJACENCY.filter(({ a, b: c }) => patch.includes(a) !== patch.includes(c)).map(
      ({ a, b: c }) => (patch.includes(a) ? c : a),
    );
    patch.push(pick(rng, around));
  }
  const n = randomInt(rng, 15, 40);
  const firms = Array.from({ length: n }, () =>
    b.firm(pick(rng, DISTRICT_NAF), pick(rng, patch), b.smallHeadcount()),
  );
  const communeOf = new Map(b.actors.map((a) => [a.id, a.commune as string]));
  const kinds: LinkKind[] = ["information", "friendship", "advice", "co_production", "joint_purchasing"];
  const shares = [0.4, 0.2, 0.1, 0.2, 0.1];
  const tie = (u: string, v: string) => {
    const kind = weightedPick(rng, kinds, shares);
    b.link(u, v, kind, kind === "joint_purchasing" ? "formal" : "informal");
  };
  const tied = new Set<string>();
  const pair = (u: string, v: string) => (u < v ? `${u}|${v}` : `${v}|${u}`);
  const tieOnce = (u: string, v: string) => {
    if (u === v || tied.has(pair(u, v))) return;
    tied.add(pair(u, v));
    tie(u, v);
  };
  const byCommune = new Map<string, string[]>();
  for (const f of firms)
    byCommune.set(communeOf.get(f) as string, [...(byCommune.get(communeOf.get(f) as string) ?? []), f]);
  const leaders = [...byCommune.values()]
    .filter((list) => list.length >= 2)
    .map((list) => pick(rng, list))
    .slice(0, randomInt(rng, 3, 5));
  for (const l of leaders) for (const m of leaders) if (l < m) tieOnce(l, m);
  for (const l of leaders) {
    const local = (byCommune.get(communeOf.get(l) as string) ?? []).filter((f) => f !== l);
    for (const f of sample(rng, local, Math.ceil(local.length / 2))) tieOnce(l, f);
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const same = communeOf.get(firms[i]) === communeOf.get(firms[j]);
      if (bernoulli(rng, same ? 0.25 : 0.05)) tieOnce(firms[i], firms[j]);
    }
  return { firms, leaders, communes: patch };
}

/**
 * Rewire the links from index `fromLink` on, among the actors from index `fromActor` on. A move that
 * would repeat an existing link is drawn again (at most 20 times, then the link stays).
 */
function rewire(b: Builder, noise: number, fromActor = 0, fromLink = 0): void {
  const ids = b.actors.slice(fromActor).map((a) => a.id);
  const keys = new Set(b.links.map((l) => linkKey(l)));
  for (const link of b.links.slice(fromLink)) {
    if (!bernoulli(b.rng, noise)) continue;
    const moveSource = bernoulli(b.rng, 0.5);
    const keep = moveSource ? link.target : link.source;
    for (let attempt = 0; attempt < 20; attempt++) {
      const other = pick(b.rng, ids);
      if (other === keep) continue;
      const moved = moveSource ? { ...link, source: other } : { ...link, target: other };
      if (keys.has(linkKey(moved))) continue;
      keys.delete(linkKey(link));
      keys.add(linkKey(moved));
      link.source = moved.source;
      link.target = moved.target;
      break;
    }
  }
}

/** One planted network of the given form, from a seed; `noise` in [0, 1] is the share of links rewired. */
export function plantedNetwork(form: PlantedForm, seed: string, noise = 0): PlantedNetwork {
  const b = new Builder(createRng(seed));
  let pivot: string | null = null;
  let leaders: string[] = [];
  if (form === "firme-reseau") pivot = supplyChain(b).pivot;
  else {
    const d = district(b);
    leaders = d.leaders;
    if (form === "mixed") {
      pivot = b.firm("29.10Z", pick(b.rng, d.communes), randomInt(b.rng, 250, 4999));
      const share = 0.3 + 0.3 * b.rng();
      for (const f of sample(b.rng, d.firms, Math.max(1, Math.round(share * d.firms.length))))
        b.link(f, pivot, bernoulli(b.rng, 0.6) ? "supply" : "subcontracting", "formal");
    }
  }
  rewire(b, noise);
  return { form, graph: buildNetwork(b.actors, b.links), pivot, leaders };
}

export interface PlantedTerritory {
  graph: NetworkGraph;
  /** The pivot of the supply chain and the firms of the district. */
  pivot: string;
  district: string[];
}

/**
 * A territory holding both forms side by side, as the rouen dataset does: one supply chain and one
 * district, each rewired within itself, so that the default scope (components) must find and label both.
 */
export function plantedTerritory(seed: string, noise = 0): PlantedTerritory {
  const b = new Builder(createRng(seed));
  const { pivot } = supplyChain(b);
  rewire(b, noise);
  const [actors, links] = [b.actors.length, b.links.length];
  const { firms } = district(b);
  rewire(b, noise, actors, links);
  return { graph: buildNetwork(b.actors, b.links), pivot, district: firms };
}
