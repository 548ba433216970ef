/**
 * The registry of business networks of the `rouen` dataset, put together: the registry rows
 * (networks/registry.csv), the new networks' actors and memberships (appended to actors.csv and
 * links.csv), their actions (networks/actions.csv) and the `registry` section of truth.json. It runs
 * after the organisations of associations.ts and reads only what they and the firms made, from four
 * streams of its own (`/registry-redundant`, `/registry`, `/registry-overlaps`, `/registry-actions`).
 *
 * Checks that stop the generator: the redundant pair's membership Jaccard at AS_OF is ≥ 0.4 and no
 * other live pair has related activities, territory Jaccard ≥ 0.5 and membership Jaccard ≥ 0.3
 * (engine/networks/redundantNetworks.ts's defaults); the coverage gaps of registryGaps.ts hold.
 */
import { relatedActivities } from "../../../engine/networks/activities.ts";
import { NETWORK_FIELDS } from "../../../engine/networks/registryColumns.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import type { Associations } from "./associations.ts";
import { AS_OF, SOURCE_REF } from "./config.ts";
import { toCsv } from "./csv.ts";
import { type ActorRow, byKey, type FirmRow, type LinkRow, monthsBefore } from "./records.ts";
import { ACTION_COLUMNS, generateRegistryActions, JOINT_ACTIONS } from "./registryActions.ts";
import { checkGaps } from "./registryGaps.ts";
import { generateRegistryMembers, membersAt, PLANTED_JOINS, territoryCommunes } from "./registryMembers.ts";
import { EXISTING_NETWORKS, NEW_NETWORKS, REDUNDANT_PAIR, type RegistrySpec } from "./registryNetworks.ts";
import type { EstablishmentTable } from "./urssaf.ts";

/** The columns of registry.csv: the networks file's fields but the seat and label (kept on the actors). */
export const REGISTRY_COLUMNS = NETWORK_FIELDS.filter((f) => f !== "commune" && f !== "public_label");

/** Minimum membership Jaccard of the planted redundant pair; the engine's default threshold is 0.3. */
export const REDUNDANT_MIN_JACCARD = 0.4;
const DETECT_TERRITORY = 0.5;
const DETECT_MEMBERS = 0.3;

export interface RegistryInput {
  stream: (name: string) => Rng;
  background: readonly FirmRow[];
  associations: Associations;
  /** Every actor so far (firms and organisations), by id. */
  actors: ReadonlyMap<string, ActorRow>;
  table: EstablishmentTable;
  year: number;
  /** Actors a contact of the contact book works at. */
  contactOrganisations: readonly string[];
}

export interface Registry {
  actors: ActorRow[];
  links: LinkRow[];
  registryCsv: string;
  actionsCsv: string;
  truth: Record<string, unknown>;
}

const round = (x: number) => Number(x.toFixed(4));
const jaccard = (a: readonly string[], b: readonly string[]) => {
  const sb = new Set(b);
  const shared = a.filter((x) => sb.has(x));
  const union = new Set([...a, ...b]).size;
  return { shared, jaccard: union === 0 ? 0 : shared.length / union };
};
const liveAt = (n: RegistrySpec, date: string) =>
  (n.founded === null || n.founded <= date) && (n.ended === null || n.ended >= date);

export function generateRegistry(input: RegistryInput): Registry {
  const { associations, actors } = input;
  const { club, zone_association: zone } = associations.byKey;
  const members = generateRegistryMembers({
    redundantRng: input.stream("registry-redundant"),
    membersRng: input.stream("registry"),
    overlapsRng: input.stream("registry-overlaps"),
    background: input.background,
    reserved: new Set([
      ...club.members,
      ...club.former,
      ...zone.members,
      ...zone.former,
      ...input.contactOrganisations,
    ]),
    gap: { network: "org-cluster-sante-seine", commune: "76108" },
  });
  const links = members.links.sort(byKey((l) => `${l.source}|${l.target}|${l.kind}|${l.start ?? ""}`));
  const allMemberships = [...associations.links, ...links].filter((l) => l.kind === "membership");

  // Registry rows. An organisation of associations.ts is founded on its registry date or on its first
  // member's joining date if that came earlier (another seed draws other dates).
  const firstStart = (id: string) =>
    allMemberships
      .filter((l) => l.target === id)
      .map((l) => l.start as string)
      .sort()[0];
  const networks: RegistrySpec[] = [
    ...EXISTING_NETWORKS.map((n) => {
      const first = firstStart(n.id);
      return {
        ...n,
        founded: n.founded !== null && first !== undefined && first < n.founded ? first : n.founded,
      };
    }),
    ...NEW_NETWORKS,
  ];
  for (const n of networks.slice(0, EXISTING_NETWORKS.length)) {
    const year = actors.get(n.id)?.founded;
    if (n.founded !== null && year != null && Number(n.founded.slice(0, 4)) !== year) {
      throw new Error(`registry: ${n.id} founded ${n.founded}, actors.csv says ${year}`);
    }
  }
  const newActors = NEW_NETWORKS.map(
    (n): ActorRow => ({
      id: n.id,
      name: n.name,
      kind: "network_org",
      subtype: n.subtype,
      naf: n.naf,
      commune: n.commune,
      headcount: null,
      founded: Number(n.founded.slice(0, 4)),
      public_label: null,
    }),
  ).sort(byKey((a) => a.id));
  const everyone = new Map<string, ActorRow>([...actors, ...newActors.map((a) => [a.id, a] as const)]);

  // Redundancy: the planted pair, and no other.
  const memberSets = new Map(networks.map((n) => [n.id, membersAt(allMemberships, n.id, AS_OF)]));
  const communesOf = new Map(networks.map((n) => [n.id, [...territoryCommunes(n.territory)]]));
  const [aKey, bKey] = REDUNDANT_PAIR;
  const pairIds = [aKey, bKey].map((k) => NEW_NETWORKS.find((n) => n.key === k)?.id as string);
  const pair = jaccard(memberSets.get(pairIds[0]) ?? [], memberSets.get(pairIds[1]) ?? []);
  if (pair.jaccard < REDUNDANT_MIN_JACCARD)
    throw new Error(`registry: redundant pair Jaccard ${pair.jaccard}`);
  const live = networks.filter((n) => liveAt(n, AS_OF));
  const pairs: Array<{ a: string; b: string; territory: number; members: number; related: boolean }> = [];
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i];
      const b = live[j];
      pairs.push({
        a: a.id,
        b: b.id,
        related: relatedActivities(a.activities, b.activities).length > 0,
        territory: jaccard(communesOf.get(a.id) ?? [], communesOf.get(b.id) ?? []).jaccard,
        members: jaccard(memberSets.get(a.id) ?? [], memberSets.get(b.id) ?? []).jaccard,
      });
    }
  const detected = pairs.filter(
    (p) => p.related && p.territory >= DETECT_TERRITORY && p.members >= DETECT_MEMBERS,
  );
  if (detected.length !== 1 || detected[0].a !== pairIds[0] || detected[0].b !== pairIds[1]) {
    throw new Error(`registry: redundant pairs found ${JSON.stringify(detected)}`);
  }
  const runnerUp = pairs
    .filter(
      (p) => p.related && p.territory >= DETECT_TERRITORY && !(p.a === pairIds[0] && p.b === pairIds[1]),
    )
    .sort((x, y) => y.members - x.members)[0];

  const gaps = checkGaps(networks, allMemberships, everyone, input.table, input.year);

  const names = new Map([...everyone.values()].map((a) => [a.id, a.name]));
  const actions = generateRegistryActions({
    rng: input.stream("registry-actions"),
    networks,
    memberships: allMemberships,
    names,
  });

  // Silent members of the club: active at AS_OF, no participation in the last 12 months.
  const windowFrom = monthsBefore(AS_OF, 12);
  const silentOf = (network: string) => {
    const seen = new Set<string>();
    for (const a of actions.rows) {
      const nets = String(a.network).split("|");
      const date = String(a.date);
      if (!nets.includes(network) || date <= windowFrom || date > AS_OF) continue;
      for (const p of String(a.participants ?? "").split("|")) if (p) seen.add(p);
    }
    return (memberSets.get(network) ?? []).filter((m) => !seen.has(m));
  };
  const CLUB = "org-club-entreprendre-seine";
  const plantedOverlaps = [
    { a: pairIds[0], b: pairIds[1], planted: "the redundant pair's shared core" },
    ...PLANTED_JOINS.map((j) => ({
      a: j.from,
      b: j.to,
      planted: `${j.count} active members of ${j.from} joined ${j.to}`,
    })),
  ].map((o) => {
    const m = jaccard(memberSets.get(o.a) ?? [], memberSets.get(o.b) ?? []);
    return {
      a: o.a,
      b: o.b,
      shared_members: m.shared.sort(),
      members_a: (memberSets.get(o.a) ?? []).length,
      members_b: (memberSets.get(o.b) ?? []).length,
      jaccard: round(m.jaccard),
      planted: o.planted,
    };
  });
  const byKind: Record<string, number> = {};
  for (const a of actions.rows) byKind[String(a.kind)] = (byKind[String(a.kind)] ?? 0) + 1;
  const pairSpec = NEW_NETWORKS.find((n) => n.id === pairIds[0]) as RegistrySpec;

  const truth = {
    files: { networks: "networks/registry.csv", actions: "networks/actions.csv" },
    as_of: AS_OF,
    networks: networks.map((n) => n.id),
    existing: EXISTING_NETWORKS.map((n) => n.id),
    added: NEW_NETWORKS.map((n) => n.id),
    ended: networks.filter((n) => n.ended !== null).map((n) => n.id),
    memberships: links.length,
    source_ref: SOURCE_REF.registry,
    members_at_as_of: Object.fromEntries(networks.map((n) => [n.id, (memberSets.get(n.id) ?? []).length])),
    rule: "members of a registered network are its membership links (member -> network actor); active at a date = start <= date and (no end or end > date); new networks recruit background firms only, never members of the club or the zone association nor a contact's organisation",
    overlaps: plantedOverlaps,
    redundant: {
      pair: pairIds,
      activities: pairSpec.activities,
      territory: pairSpec.territory,
      shared_members: pair.shared.sort(),
      member_jaccard: round(pair.jaccard),
      territory_jaccard: 1,
      detection: { min_territory_jaccard: DETECT_TERRITORY, min_member_jaccard: DETECT_MEMBERS },
      next_highest_member_jaccard_among_overlapping_pairs: runnerUp
        ? {
            a: runnerUp.a,
            b: runnerUp.b,
            member_jaccard: round(runnerUp.members),
            territory_jaccard: round(runnerUp.territory),
          }
        : null,
      rule: "the only live pair with related activities (empty list = every activity), territory Jaccard >= 0.5 and membership Jaccard at as_of >= 0.3",
    },
    uncovered_candidate: {
      id: gaps.uncovered.id,
      rank: gaps.uncovered.rank,
      activity: gaps.uncovered.activity,
      label: gaps.uncovered.label,
      communes: gaps.uncovered.communes,
      establishments: gaps.uncovered.establishments,
      jobs: gaps.uncovered.jobs,
      diagnostic:
        "npx maillage diagnose (defaults: level subclass, year 2022, min LQ 1.5), candidates ranked by jobs",
      rule: "no network existing at as_of lists an activity related to it (same, coarser or finer NAF code) with a territory meeting its communes; the candidates ranked above it are all covered",
    },
    covered_top_candidates: gaps.top.map((c) => ({
      id: c.id,
      rank: c.rank,
      activity: c.activity,
      communes: c.communes,
      covering: c.covering,
    })),
    commune_gap: {
      ...gaps.communeGap,
      year: input.year,
      network_whose_territory_holds_it: "org-cluster-sante-seine",
      rule: "establishments of the division in the commune >= 10 and establishment LQ (e_ij/e_i)/(E_j/E) >= 1.5 against the whole table, and no member at as_of of a network of the division located in the commune",
    },
    actions: {
      count: actions.rows.length,
      by_kind: Object.fromEntries(Object.entries(byKind).sort()),
      first: actions.rows[0]?.date,
      last: actions.rows[actions.rows.length - 1]?.date,
      joint: JOINT_ACTIONS.map((j) => ({ date: j.date, networks: j.networks, kind: j.kind })),
      carriers: actions.carriers,
      never_attend: actions.never,
      carriers_rule:
        "planted carriers attend 90 % of the actions of their network held while they are members; members who never attend attend none; others attend at the network's base rate (0.06 to 0.45)",
      silent_last_12_months: {
        network: CLUB,
        window: { after: windowFrom, until: AS_OF },
        members: silentOf(CLUB),
        rule: "members at as_of with no participation in an action of the network dated in (as_of - 12 months, as_of]",
      },
    },
  };

  const registryRows = networks.map((n) => ({
    id: n.id,
    name: n.name,
    type: n.type,
    territory: n.territory.join("|"),
    activities: n.activities.join("|"),
    animator: n.animator,
    founded: n.founded,
    ended: n.ended,
  }));
  return {
    actors: newActors,
    links,
    registryCsv: toCsv(REGISTRY_COLUMNS, registryRows),
    actionsCsv: toCsv(ACTION_COLUMNS, actions.rows),
    truth,
  };
}
