/**
 * The planted réseau de firmes: road-haulage SMEs (49.41A) of five contiguous communes of the Seine's
 * left bank, where the activity is strongly over-represented (README.md gives the location quotient).
 * Its signature (DOMAIN.md §3) is built in on purpose:
 * - horizontal ties between firms of the same activity, mostly non-market and informal
 *   (information, friendship, advice) plus co-production and a joint-purchasing group;
 * - dense, clustered ties inside each commune (neighbours know one another), closed triads;
 * - several comparable leaders, one per commune, tied to one another and reaching across communes,
 *   each with about the same degree, so there is no single hub; the largest firm by headcount is
 *   never a leader (leaders are recognised by their ties, not their size).
 */

import type { Formality, LinkKind } from "../../../engine/model/vocabulary.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, pick, randomInt, sample, shuffle } from "../../../engine/random/sampling.ts";
import { DISTRICT, LAST_START_YEAR, SOURCE_REF } from "./config.ts";
import { type Adjacency, isContiguous } from "./geo.ts";
import { syntheticSiret } from "./ids.ts";
import { inventFirmName, type NameBook } from "./names.ts";
import type { EstablishmentPool } from "./pool.ts";
import { dateInYear, type FirmRow, type LinkRow, link } from "./records.ts";
import { drawFounded, drawHeadcount } from "./traits.ts";
import { cellKey, type EstablishmentCell, establishmentsIn } from "./urssaf.ts";

export interface DistrictInput {
  rng: Rng;
  pool: EstablishmentPool;
  adjacency: Adjacency;
  names: NameBook;
  ratios: Map<string, number>;
}

export interface DistrictNetwork {
  communes: string[];
  naf: string;
  firms: FirmRow[];
  leaders: string[];
  /** The firms of the joint-purchasing group. */
  purchasingGroup: string[];
  /** The largest firm by headcount (not a leader). */
  largest: string;
  /** Establishment location quotient of the activity in the communes, reference year. */
  locationQuotient: number;
  /** Real establishments of the activity in the communes, reference year. */
  establishments: number;
  links: LinkRow[];
}

/** Probability of a tie between two non-leader firms of the same commune. */
const P_SAME_COMMUNE = 0.45;
/** Probability that a leader is tied to a firm of its own commune. */
const P_LEADER_LOCAL = 0.9;
/** Probability of a tie between two non-leaders of different communes. */
const P_ACROSS = 0.03;
/** Probability that a firm closes one open triad between two of its non-leader neighbours. */
const P_CLOSURE = 0.35;
/** How far above the best-connected other firm each leader's degree is brought. */
const LEADER_MARGIN: readonly [number, number] = [3, 5];
const PURCHASING_GROUP_SIZE = 7;

/** Establishment location quotient (DOMAIN.md §9) of one activity in a set of areas. */
export function locationQuotient(pool: EstablishmentPool, naf: string, communes: readonly string[]) {
  const { table, year } = pool;
  const inArea = new Set(communes);
  let eij = 0;
  let ei = 0;
  let ej = 0;
  let e = 0;
  for (const c of table.cells) {
    const v = establishmentsIn(table, c, year);
    e += v;
    if (c.naf === naf) ej += v;
    if (inArea.has(c.commune)) {
      ei += v;
      if (c.naf === naf) eij += v;
    }
  }
  return { lq: eij / ei / (ej / e), establishments: eij };
}

export function generateDistrict(input: DistrictInput): DistrictNetwork {
  const { rng, pool, adjacency, names, ratios } = input;
  const { table, year } = pool;
  const communes = [...DISTRICT.communes];
  if (!isContiguous(communes, adjacency)) throw new Error("district communes are not contiguous");
  const cells = communes
    .map((c) => table.byKey.get(cellKey(c, DISTRICT.naf)))
    .filter((c): c is EstablishmentCell => c !== undefined);

  const target = randomInt(rng, DISTRICT.size[0], DISTRICT.size[1]);
  const firms: FirmRow[] = [];
  for (let i = 0; i < target; i++) {
    const cell = pool.draw(rng, cells);
    if (!cell) break;
    firms.push({
      id: syntheticSiret("district", i),
      name: names.unique(() => inventFirmName(rng, cell.naf)),
      kind: "firm",
      subtype: null,
      naf: cell.naf,
      commune: cell.commune,
      headcount: drawHeadcount(rng, table, cell, year, ratios, { lean: 2, min: 10, max: 249 }),
      founded: drawFounded(rng, table, cell, year),
      public_label: null,
      role: "district",
      cell: cell.key,
    });
  }

  // One leader per commune with at least four firms, never the largest firm.
  const largest = firms.reduce((a, b) => ((b.headcount ?? 0) > (a.headcount ?? 0) ? b : a));
  const groups = communes.map((c) => firms.filter((f) => f.commune === c));
  const leaders: FirmRow[] = [];
  for (const g of groups) {
    const eligible = g.filter((f) => f.id !== largest.id);
    if (g.length >= 4 && eligible.length > 0) leaders.push(pick(rng, eligible));
  }
  const isLeader = new Set(leaders.map((l) => l.id));
  const communeOf = new Map(firms.map((f) => [f.id, f.commune]));

  // Ties as unordered pairs; adjacency kept to close triads and count degrees.
  const ties = new Map<string, [FirmRow, FirmRow]>();
  const nbrs = new Map<string, Set<string>>(firms.map((f) => [f.id, new Set<string>()]));
  const byId = new Map(firms.map((f) => [f.id, f]));
  const tie = (a: FirmRow, b: FirmRow) => {
    if (a.id === b.id) return;
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (ties.has(key)) return;
    ties.set(key, a.id < b.id ? [a, b] : [b, a]);
    nbrs.get(a.id)?.add(b.id);
    nbrs.get(b.id)?.add(a.id);
  };

  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const leaderPair = isLeader.has(g[i].id) || isLeader.has(g[j].id);
        if (bernoulli(rng, leaderPair ? P_LEADER_LOCAL : P_SAME_COMMUNE)) tie(g[i], g[j]);
      }
    }
  }
  for (let i = 0; i < leaders.length; i++)
    for (let j = i + 1; j < leaders.length; j++) tie(leaders[i], leaders[j]);
  const others = firms.filter((f) => !isLeader.has(f.id));
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) {
      if (communeOf.get(others[i].id) !== communeOf.get(others[j].id) && bernoulli(rng, P_ACROSS)) {
        tie(others[i], others[j]);
      }
    }
  }
  for (const f of firms) {
    if (!bernoulli(rng, P_CLOSURE)) continue;
    const ns = [...(nbrs.get(f.id) ?? [])].filter((n) => !isLeader.has(n));
    const open: Array<[string, string]> = [];
    for (let i = 0; i < ns.length; i++) {
      for (let j = i + 1; j < ns.length; j++) if (!nbrs.get(ns[i])?.has(ns[j])) open.push([ns[i], ns[j]]);
    }
    if (open.length > 0) {
      const [a, b] = pick(rng, open);
      tie(byId.get(a) as FirmRow, byId.get(b) as FirmRow);
    }
  }
  // The joint-purchasing group: the leader of the largest commune group and six firms of that group,
  // all tied to one another (a small clique).
  const biggest = groups.reduce((a, b) => (b.length > a.length ? b : a));
  const biggestLeader = leaders.find((l) => l.commune === biggest[0]?.commune);
  const groupMembers = biggestLeader
    ? [
        biggestLeader,
        ...sample(
          rng,
          biggest.filter((f) => f.id !== biggestLeader.id),
          PURCHASING_GROUP_SIZE - 1,
        ),
      ]
    : [];
  for (let i = 0; i < groupMembers.length; i++) {
    for (let j = i + 1; j < groupMembers.length; j++) tie(groupMembers[i], groupMembers[j]);
  }
  const groupStart = dateInYear(rng, randomInt(rng, 2012, 2018));

  // Leaders reach out to the least connected firms of other communes until each stands a few ties
  // above every other firm: comparable leaders, no single hub. A firm already near the top is skipped
  // so that the leaders' reach does not lift it to their level.
  const degree = (id: string) => nbrs.get(id)?.size ?? 0;
  const top = Math.max(0, ...others.map((f) => degree(f.id)));
  for (const l of leaders) {
    const want = top + randomInt(rng, LEADER_MARGIN[0], LEADER_MARGIN[1]);
    const far = shuffle(
      rng,
      others.filter((f) => f.commune !== l.commune),
    ).sort((a, b) => degree(a.id) - degree(b.id));
    for (const f of far) {
      if (degree(l.id) >= want) break;
      if (degree(f.id) >= top - 1 || nbrs.get(l.id)?.has(f.id)) continue;
      tie(l, f);
    }
  }
  const inGroup = new Set(groupMembers.map((f) => f.id));

  const links: LinkRow[] = [];
  const add = (
    kind: LinkKind,
    a: FirmRow,
    b: FirmRow,
    formality: Formality,
    weight: number,
    frequency: number,
    lo: number,
  ) =>
    links.push(
      link({
        source: a.id,
        target: b.id,
        kind,
        weight,
        formality,
        frequency,
        start: dateInYear(rng, randomInt(rng, lo, Math.max(lo, LAST_START_YEAR))),
        end: null,
        source_ref: SOURCE_REF.district,
      }),
    );

  for (const [a, b] of ties.values()) {
    const lo = Math.max(1990, (a.founded ?? 0) + 1, (b.founded ?? 0) + 1);
    // A pair of the purchasing group already has its joint_purchasing link (below).
    let any = inGroup.has(a.id) && inGroup.has(b.id);
    if (bernoulli(rng, 0.75)) {
      add("information", a, b, "informal", randomInt(rng, 1, 3), randomInt(rng, 12, 52), lo);
      any = true;
    }
    if (bernoulli(rng, 0.3)) {
      add("friendship", a, b, "informal", randomInt(rng, 1, 2), randomInt(rng, 6, 24), lo);
      any = true;
    }
    if (bernoulli(rng, 0.35)) {
      const formality: Formality = bernoulli(rng, 0.4) ? "formal" : "informal";
      add("co_production", a, b, formality, randomInt(rng, 2, 6), randomInt(rng, 6, 30), lo);
      any = true;
    }
    if (bernoulli(rng, 0.2)) {
      // Advice flows from the leader, or else from the older firm, to the other.
      const aFirst = isLeader.has(a.id) || (!isLeader.has(b.id) && (a.founded ?? 0) <= (b.founded ?? 0));
      const [from, to] = aFirst ? [a, b] : [b, a];
      add("advice", from, to, "informal", 1, randomInt(rng, 4, 12), lo);
      any = true;
    }
    if (!any) add("information", a, b, "informal", 1, randomInt(rng, 6, 24), lo);
  }
  for (let i = 0; i < groupMembers.length; i++) {
    for (let j = i + 1; j < groupMembers.length; j++) {
      const [a, b] =
        groupMembers[i].id < groupMembers[j].id
          ? [groupMembers[i], groupMembers[j]]
          : [groupMembers[j], groupMembers[i]];
      // A member founded after the group was set up joins it on its first 1 January.
      const joined = `${Math.max((a.founded ?? 0) + 1, (b.founded ?? 0) + 1)}-01-01`;
      links.push(
        link({
          source: a.id,
          target: b.id,
          kind: "joint_purchasing",
          weight: 3,
          formality: "formal",
          frequency: 12,
          start: joined > groupStart ? joined : groupStart,
          end: null,
          source_ref: SOURCE_REF.district,
        }),
      );
    }
  }

  const { lq, establishments } = locationQuotient(pool, DISTRICT.naf, communes);
  return {
    communes,
    naf: DISTRICT.naf,
    firms,
    leaders: leaders.map((l) => l.id),
    purchasingGroup: [...inGroup].sort(),
    largest: largest.id,
    locationQuotient: lq,
    establishments,
    links,
  };
}
