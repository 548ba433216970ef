/**
 * Members of the networks the registry adds (registryNetworks.ts): `membership` links member →
 * network, directed and formal, with start and sometimes end dates, as associations.ts writes them.
 * Members are background firms only, of the network's territory and activities, never members of the
 * club or the zone association of associations.ts and never the organisation of a contact of the
 * contact book (`reserved`): the planted firme-réseau and district keep their whole-network measures,
 * the member reviews and introduction chains computed on the earlier structures stay as they were,
 * and the only members two new networks share are the planted ones. Three streams, each drawn
 * whatever the others drew:
 * - `/registry-redundant`: the redundant pair — the industry club (2009) and the mechanics SPL
 *   (2016) on the same activities and territory, the SPL recruiting mostly the club's members, so that
 *   their membership Jaccard at AS_OF is ≥ 0.4 (the generator stops if not);
 * - `/registry`: the other new networks, each from the firms no earlier network took;
 * - `/registry-overlaps`: planted overlaps — active members of the Caux-Austreberthe club joining the
 *   virtual network, active virtual-network members joining the health cluster.
 * A network that has ended (the export club) ends every membership by its end date.
 */
import { epciTable } from "../../../engine/networks/territoryCodes.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt, sample } from "../../../engine/random/sampling.ts";
import { AS_OF, SOURCE_REF } from "./config.ts";
import { dateBetween, dayOf, type FirmRow, isoOf, type LinkRow, link } from "./records.ts";
import { NEW_NETWORKS, type NewNetworkSpec, REDUNDANT_PAIR } from "./registryNetworks.ts";

/** Latest membership start and end: a new member joins, a member leaves, before these dates. */
const LAST_START = "2024-06-30";
const LAST_END = "2024-10-31";
/** Shortest membership of a member who left, in days. */
const MIN_STAY = 180;

/** Planted overlaps of `/registry-overlaps`: `count` active members of `from` join `to`. */
export const PLANTED_JOINS = [
  { from: "org-club-caux-austreberthe", to: "org-rouen-seine-numerique", count: 4 },
  { from: "org-rouen-seine-numerique", to: "org-cluster-sante-seine", count: 3 },
] as const;
/** Active industry-club members who also join the SPL (the redundant pair's shared core). */
export const REDUNDANT_SHARED = 8;

export interface RegistryMembersInput {
  redundantRng: Rng;
  membersRng: Rng;
  overlapsRng: Rng;
  background: readonly FirmRow[];
  /** Firms that never join a new network. */
  reserved: ReadonlySet<string>;
  /** Members of this network are never located in this commune (the planted commune gap). */
  gap: { network: string; commune: string };
}

export interface RegistryMembers {
  links: LinkRow[];
}

/** Communes of a territory as written (EPCI SIREN codes expanded from @etalab/decoupage-administratif). */
export function territoryCommunes(territory: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of territory) {
    if (/^\d{9}$/.test(code)) {
      const members = epciTable().communes(code);
      if (!members) throw new Error(`registry: ${code} is no EPCI of @etalab/decoupage-administratif`);
      for (const c of members) out.add(c);
    } else out.add(code);
  }
  return out;
}

/** The latest of ISO dates (string order is date order). */
const maxIso = (...dates: string[]) => [...dates].sort()[dates.length - 1];

/** Active at `date`: started on or before it, not ended on or before it. */
export const activeAt = (l: LinkRow, date: string) =>
  (l.start ?? "") <= date && (l.end === null || l.end > date);

/**
 * One membership of `firm` in `spec`, starting no earlier than the network's founding, the year after
 * the firm's, and `notBefore`; `leaves` ends it before the end of the data (or the network's end).
 * Undefined when no start date fits. Four draws at most.
 */
function membership(
  rng: Rng,
  spec: NewNetworkSpec,
  firm: FirmRow,
  leaves: boolean,
  notBefore = "",
): LinkRow | undefined {
  const lastStart = spec.ended ? isoOf(dayOf(spec.ended) - 2 * MIN_STAY) : LAST_START;
  const from = maxIso(spec.founded, `${(firm.founded ?? 0) + 1}-01-01`, notBefore);
  if (from > lastStart) return undefined;
  const start = dateBetween(rng, from, lastStart);
  const lastEnd = spec.ended ?? LAST_END;
  let end: string | null = spec.ended;
  if (leaves && dayOf(start) + MIN_STAY < dayOf(lastEnd)) {
    end = isoOf(randomInt(rng, dayOf(start) + MIN_STAY, dayOf(lastEnd)));
  }
  return link({
    source: firm.id,
    target: spec.id,
    kind: "membership",
    weight: 1,
    formality: "formal",
    frequency: randomInt(rng, spec.meetings[0], spec.meetings[1]),
    start,
    end,
    source_ref: SOURCE_REF.registry,
  });
}

const specOf = (key: string) => NEW_NETWORKS.find((n) => n.key === key) as NewNetworkSpec;
const specById = (id: string) => NEW_NETWORKS.find((n) => n.id === id) as NewNetworkSpec;

export function generateRegistryMembers(input: RegistryMembersInput): RegistryMembers {
  const { background, reserved, gap } = input;
  const links: LinkRow[] = [];
  const taken = new Set<string>();
  const pool = (spec: NewNetworkSpec) => {
    const communes = territoryCommunes(spec.territory);
    return background.filter(
      (f) =>
        communes.has(f.commune as string) &&
        (spec.nafPrefixes.length === 0 || spec.nafPrefixes.some((p) => (f.naf as string).startsWith(p))) &&
        !reserved.has(f.id) &&
        !taken.has(f.id) &&
        !(spec.id === gap.network && f.commune === gap.commune),
    );
  };
  /** Enrol up to `spec.size` firms of the pool; returns the links made. */
  const enrol = (rng: Rng, spec: NewNetworkSpec, candidates: readonly FirmRow[]): LinkRow[] => {
    const made: LinkRow[] = [];
    for (const f of sample(rng, candidates, Math.min(spec.size, candidates.length))) {
      const l = membership(rng, spec, f, bernoulli(rng, spec.leaving));
      if (!l) continue;
      made.push(l);
      taken.add(f.id);
    }
    links.push(...made);
    return made;
  };

  // The redundant pair: the club first, then the SPL with a core of the club's active members.
  {
    const rng = input.redundantRng;
    const [clubKey, splKey] = REDUNDANT_PAIR;
    const club = specOf(clubKey);
    const spl = specOf(splKey);
    const clubLinks = enrol(rng, club, pool(club));
    const byId = new Map(background.map((f) => [f.id, f]));
    const core = sample(
      rng,
      clubLinks.filter((l) => l.end === null).map((l) => l.source),
      REDUNDANT_SHARED,
    );
    for (const id of core) {
      const l = membership(rng, spl, byId.get(id) as FirmRow, false);
      if (l) links.push(l);
    }
    enrol(rng, spl, pool(spl));
  }

  // The other new networks, in registry order.
  for (const spec of NEW_NETWORKS) {
    if ((REDUNDANT_PAIR as readonly string[]).includes(spec.key)) continue;
    enrol(input.membersRng, spec, pool(spec));
  }

  // Planted overlaps: active members of one network join another (after its founding, for good).
  {
    const rng = input.overlapsRng;
    const byId = new Map(background.map((f) => [f.id, f]));
    for (const join of PLANTED_JOINS) {
      const to = specById(join.to);
      const already = new Set(links.filter((l) => l.target === to.id).map((l) => l.source));
      const from = links.filter((l) => l.target === join.from && l.end === null).map((l) => l.source);
      const eligible = from.filter((id) => {
        const f = byId.get(id);
        return f && !already.has(id) && !(to.id === gap.network && f.commune === gap.commune);
      });
      for (const id of sample(rng, eligible, join.count)) {
        const sourceStart = links.find((l) => l.source === id && l.target === join.from)?.start ?? "";
        const l = membership(rng, to, byId.get(id) as FirmRow, false, sourceStart);
        if (!l) throw new Error(`registry: ${id} cannot join ${to.id} (no start date fits)`);
        links.push(l);
      }
    }
  }
  return { links };
}

/** Members of a network active at `date`, from membership links (sorted). */
export function membersAt(links: readonly LinkRow[], network: string, date: string = AS_OF): string[] {
  return links
    .filter((l) => l.kind === "membership" && l.target === network && activeAt(l, date))
    .map((l) => l.source)
    .sort();
}
