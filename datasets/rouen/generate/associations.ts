/**
 * The organisations firms belong to, and their memberships (links of kind `membership`, member →
 * organisation, directed, formal, with start and sometimes end dates: CONVENTIONS.md allows no other
 * membership concept). They are the only place where the two planted groups meet:
 * - the chamber (CCI Rouen Métropole): a share of firms of every group, larger firms more often;
 * - a business club: mostly background firms, plus the pivot, a few tier-1s and every district
 *   leader (leaders are joiners: they sit in several networks at once);
 * - an industrial-zone association covering the district's communes: firms located there only;
 * - a grappe joined by most district firms (all leaders), recognised by the Région (`public_label`);
 * - a professional association of the car-parts sector: the pivot, most tier-1s, a few tier-2s.
 * The Région is an actor too (a public body) with no links: it recognises the grappe, which the
 * actors file records as the grappe's public label.
 */

import type { ActorKind, NetworkSubtype } from "../../../engine/model/vocabulary.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt } from "../../../engine/random/sampling.ts";
import { AS_OF, SOURCE_REF } from "./config.ts";
import { type ActorRow, dateInYear, type FirmRow, type LinkRow, link } from "./records.ts";

export interface OrganisationSpec {
  key: "chamber" | "club" | "zone_association" | "grappe" | "sector_association" | "public_body";
  id: string;
  name: string;
  kind: ActorKind;
  subtype: NetworkSubtype | null;
  naf: string | null;
  commune: string | null;
  founded: number | null;
  public_label: string | null;
  /** Meetings a member attends per year (frequency of the membership link). */
  meetings: readonly [number, number];
  /** Earliest membership start year (records before it were not kept). */
  since: number;
}

export const REGION_LABEL = "Grappe d'entreprises reconnue par la Région Normandie (synthetic label)";

export const ORGANISATIONS: readonly OrganisationSpec[] = [
  {
    key: "chamber",
    id: "org-cci-rouen-metropole",
    name: "CCI Rouen Métropole",
    kind: "chamber",
    subtype: null,
    naf: "94.11Z",
    commune: "76540",
    founded: null,
    public_label: null,
    meetings: [1, 6],
    since: 1995,
  },
  {
    key: "club",
    id: "org-club-entreprendre-seine",
    name: "Club Entreprendre en Seine (synthetic)",
    kind: "network_org",
    subtype: "club",
    naf: "94.99Z",
    commune: "76540",
    founded: 1996,
    public_label: null,
    meetings: [6, 11],
    since: 1996,
  },
  {
    key: "zone_association",
    id: "org-zone-rive-gauche",
    name: "Association des entreprises de la zone portuaire rive gauche (synthetic)",
    kind: "network_org",
    subtype: "zone_association",
    naf: "94.11Z",
    commune: "76322",
    founded: 1989,
    public_label: null,
    meetings: [2, 5],
    since: 1989,
  },
  {
    key: "grappe",
    id: "org-grappe-transport-seine-sud",
    name: "Grappe Transport et Logistique Seine Sud (synthetic)",
    kind: "network_org",
    subtype: "grappe",
    naf: "94.99Z",
    commune: "76575",
    founded: 2011,
    public_label: REGION_LABEL,
    meetings: [4, 12],
    since: 2011,
  },
  {
    key: "sector_association",
    id: "org-equipementiers-auto-normands",
    name: "Association des équipementiers automobiles normands (synthetic)",
    kind: "association",
    subtype: null,
    naf: "94.11Z",
    commune: "76540",
    founded: 2001,
    public_label: null,
    meetings: [3, 6],
    since: 2001,
  },
  {
    key: "public_body",
    id: "pub-region-normandie",
    name: "Région Normandie",
    kind: "public_body",
    subtype: null,
    naf: null,
    commune: null,
    founded: null,
    public_label: null,
    meetings: [0, 0],
    since: 0,
  },
];

export interface OrganisationMembers {
  id: string;
  /** Members without an end date (active at the end of the data). */
  members: string[];
  /** Members whose membership has ended. */
  former: string[];
}

export interface AssociationsInput {
  rng: Rng;
  pivot: FirmRow;
  tier1: readonly FirmRow[];
  tier2: readonly FirmRow[];
  district: readonly FirmRow[];
  districtLeaders: readonly string[];
  districtCommunes: readonly string[];
  background: readonly FirmRow[];
}

export interface Associations {
  actors: ActorRow[];
  links: LinkRow[];
  byKey: Record<OrganisationSpec["key"], OrganisationMembers>;
}

const LAST_END_YEAR = Number(AS_OF.slice(0, 4));

export function generateAssociations(input: AssociationsInput): Associations {
  const { rng, pivot, tier1, tier2, district, districtLeaders, districtCommunes, background } = input;
  const actors: ActorRow[] = ORGANISATIONS.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    subtype: o.subtype,
    naf: o.naf,
    commune: o.commune,
    headcount: null,
    founded: o.founded,
    public_label: o.public_label,
  }));
  const links: LinkRow[] = [];
  const byKey = {} as Associations["byKey"];
  const leaders = new Set(districtLeaders);
  const inDistrictCommunes = new Set(districtCommunes);

  /**
   * Add the memberships of one organisation. `share(firm)` is the probability a firm is a member;
   * `endShare` the probability an (unprotected) membership has ended; `keep` members never leave.
   */
  const enrol = (
    spec: OrganisationSpec,
    candidates: readonly FirmRow[],
    share: (f: FirmRow) => number,
    endShare: number,
    keep: (f: FirmRow) => boolean = () => false,
  ) => {
    const entry: OrganisationMembers = { id: spec.id, members: [], former: [] };
    for (const f of candidates) {
      if (!bernoulli(rng, share(f))) continue;
      const lo = Math.max(spec.since, (f.founded ?? 0) + 1);
      const startYear = randomInt(rng, lo, Math.max(lo, LAST_END_YEAR - 1));
      const start = dateInYear(rng, startYear);
      let end: string | null = null;
      if (!keep(f) && bernoulli(rng, endShare) && startYear < LAST_END_YEAR - 1) {
        const e = dateInYear(rng, randomInt(rng, startYear + 1, LAST_END_YEAR - 1));
        end = e > start ? e : null;
      }
      links.push(
        link({
          source: f.id,
          target: spec.id,
          kind: "membership",
          weight: 1,
          formality: "formal",
          frequency: randomInt(rng, spec.meetings[0], spec.meetings[1]),
          start,
          end,
          source_ref: SOURCE_REF.associations,
        }),
      );
      (end === null ? entry.members : entry.former).push(f.id);
    }
    byKey[spec.key] = entry;
  };
  const spec = (key: OrganisationSpec["key"]) => ORGANISATIONS.find((o) => o.key === key) as OrganisationSpec;
  const bySize = (f: FirmRow, base: number) => Math.min(0.9, base * (1 + Math.log10(1 + (f.headcount ?? 0))));
  const everyone = [pivot, ...tier1, ...tier2, ...district, ...background];

  enrol(
    spec("chamber"),
    everyone,
    (f) =>
      f.role === "pivot"
        ? 1
        : f.role === "tier1"
          ? 0.6
          : f.role === "tier2"
            ? 0.25
            : f.role === "district"
              ? leaders.has(f.id)
                ? 1
                : 0.5
              : bySize(f, 0.05),
    0.1,
    (f) => f.role === "pivot" || leaders.has(f.id),
  );
  enrol(
    spec("club"),
    everyone,
    (f) =>
      f.role === "pivot"
        ? 1
        : f.role === "tier1"
          ? 0.12
          : f.role === "district"
            ? leaders.has(f.id)
              ? 1
              : 0
            : f.role === "background"
              ? bySize(f, 0.012)
              : 0,
    0.12,
    (f) => f.role === "pivot" || leaders.has(f.id),
  );
  enrol(
    spec("zone_association"),
    everyone.filter((f) => inDistrictCommunes.has(f.commune as string)),
    (f) => (f.role === "district" ? (leaders.has(f.id) ? 1 : 0.8) : 0.35),
    0.1,
    (f) => leaders.has(f.id),
  );
  enrol(
    spec("grappe"),
    district,
    (f) => (leaders.has(f.id) ? 1 : 0.85),
    0.05,
    (f) => leaders.has(f.id),
  );
  enrol(
    spec("sector_association"),
    [pivot, ...tier1, ...tier2],
    (f) => (f.role === "pivot" ? 1 : f.role === "tier1" ? 0.7 : 0.15),
    0.08,
    (f) => f.role === "pivot",
  );
  byKey.public_body = { id: spec("public_body").id, members: [], former: [] };
  return { actors, links, byKey };
}
