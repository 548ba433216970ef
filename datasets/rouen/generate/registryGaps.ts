/**
 * The two coverage gaps planted in the registry, on the real URSSAF table:
 *
 * 1. **An uncovered concentration**: candidate `69.20Z@76108` of the territorial diagnostic
 *    (`npx maillage diagnose`, defaults: sub-class level, 2022, LQ ≥ 1.5; rank 10 by jobs): accounting
 *    offices in Bois-Guillaume, Isneauville, Mont-Saint-Aignan and Rouen, 99 establishments, 1,367
 *    jobs, establishment LQ 1.73. No network of the registry lists an activity related to 69.20Z (a
 *    liberal profession: outside the chamber's list), so none covers it; the nine candidates ranked
 *    above it are each covered by a network of their activity whose territory meets their communes
 *    (TOP_CANDIDATES, copied from the same run), so it is the first uncovered candidate.
 * 2. **A commune gap**: health and social work (division 86) in Bois-Guillaume (76108), 72
 *    establishments in 2022, establishment LQ 3.36 against the whole table: the health cluster serves
 *    the Métropole, which includes the commune, but none of its members is located there.
 *
 * "A network of an activity" is one whose activity list holds a related code (the same, a coarser or
 * a finer one, `engine/networks/activities.ts`); an empty list (every activity) covers nothing in
 * particular. The generator checks both plants against the registry and the memberships and stops if
 * they do not hold.
 */
import { codesRelated } from "../../../engine/networks/activities.ts";
import { AS_OF } from "./config.ts";
import type { ActorRow, LinkRow } from "./records.ts";
import { activeAt, territoryCommunes } from "./registryMembers.ts";
import type { RegistrySpec } from "./registryNetworks.ts";
import { type EstablishmentTable, establishmentsIn } from "./urssaf.ts";

export interface CandidateRef {
  id: string;
  rank: number;
  activity: string;
  communes: readonly string[];
}

/** The diagnostic's candidates ranked 1–9 (ids, activities, communes as it printed them). */
export const TOP_CANDIDATES: readonly CandidateRef[] = [
  {
    id: "78.20Z@76005",
    rank: 1,
    activity: "78.20Z",
    communes: ["76005", "76497", "76540", "76575", "76681"],
  },
  { id: "65.12Z@76451", rank: 2, activity: "65.12Z", communes: ["76451", "76498", "76540"] },
  { id: "86.10Z@76108", rank: 3, activity: "86.10Z", communes: ["76108", "76540"] },
  {
    id: "56.10A@76103",
    rank: 4,
    activity: "56.10A",
    communes: ["76103", "76108", "76377", "76517", "76540"],
  },
  {
    id: "49.41A@76069",
    rank: 5,
    activity: "49.41A",
    communes: [
      "76069",
      "76157",
      "76319",
      "76322",
      "76391",
      "76410",
      "76446",
      "76484",
      "76497",
      "76498",
      "76575",
    ],
  },
  {
    id: "64.19Z@76103",
    rank: 6,
    activity: "64.19Z",
    communes: ["76103", "76108", "76212", "76216", "76410", "76429", "76451", "76540"],
  },
  { id: "68.20A@76322", rank: 7, activity: "68.20A", communes: ["76322", "76451", "76540"] },
  { id: "84.30A@76540", rank: 8, activity: "84.30A", communes: ["76540"] },
  { id: "49.10Z@76540", rank: 9, activity: "49.10Z", communes: ["76540", "76575", "76681"] },
];

export const UNCOVERED_CANDIDATE = {
  id: "69.20Z@76108",
  rank: 10,
  activity: "69.20Z",
  label: "Activités comptables",
  communes: ["76108", "76377", "76451", "76540"],
  establishments: 99,
  jobs: 1367,
} as const;

/** The commune gap: a division, a commune, and the network whose territory holds it without a member there. */
export const COMMUNE_GAP = { commune: "76108", division: "86", network: "org-cluster-sante-seine" } as const;
export const GAP_MIN_ESTABLISHMENTS = 10;
export const GAP_MIN_LQ = 1.5;

/** The live networks (at AS_OF) of `activity` whose territory meets `communes`, by id. */
export function coveringNetworks(
  networks: readonly RegistrySpec[],
  activity: string,
  communes: readonly string[],
): string[] {
  return networks
    .filter((n) => (n.founded === null || n.founded <= AS_OF) && (n.ended === null || n.ended >= AS_OF))
    .filter((n) => n.activities.some((a) => codesRelated(a, activity)))
    .filter((n) => {
      const t = territoryCommunes(n.territory);
      return communes.some((c) => t.has(c));
    })
    .map((n) => n.id);
}

export interface GapCheck {
  uncovered: typeof UNCOVERED_CANDIDATE & { covering: string[] };
  top: Array<CandidateRef & { covering: string[] }>;
  communeGap: {
    commune: string;
    division: string;
    establishments: number;
    communeEstablishments: number;
    divisionEstablishments: number;
    totalEstablishments: number;
    location_quotient: number;
    networks_of_division: string[];
    members_there: string[];
  };
}

/** Check the planted gaps against the registry, the memberships and the table; throws when one fails. */
export function checkGaps(
  networks: readonly RegistrySpec[],
  memberships: readonly LinkRow[],
  actors: ReadonlyMap<string, ActorRow>,
  table: EstablishmentTable,
  year: number,
): GapCheck {
  const top = TOP_CANDIDATES.map((c) => ({
    ...c,
    covering: coveringNetworks(networks, c.activity, c.communes),
  }));
  for (const c of top)
    if (c.covering.length === 0) throw new Error(`registry: candidate ${c.id} is uncovered`);
  const covering = coveringNetworks(networks, UNCOVERED_CANDIDATE.activity, UNCOVERED_CANDIDATE.communes);
  if (covering.length > 0) throw new Error(`registry: ${UNCOVERED_CANDIDATE.id} is covered by ${covering}`);

  let eij = 0;
  let ei = 0;
  let ej = 0;
  let e = 0;
  for (const cell of table.cells) {
    const n = establishmentsIn(table, cell, year);
    e += n;
    const inDivision = cell.naf.slice(0, 2) === COMMUNE_GAP.division;
    if (inDivision) ej += n;
    if (cell.commune === COMMUNE_GAP.commune) {
      ei += n;
      if (inDivision) eij += n;
    }
  }
  const lq = eij / ei / (ej / e);
  if (eij < GAP_MIN_ESTABLISHMENTS || lq < GAP_MIN_LQ) throw new Error(`registry: commune gap too small`);
  const ofDivision = networks
    .filter((n) => (n.founded === null || n.founded <= AS_OF) && (n.ended === null || n.ended >= AS_OF))
    .filter((n) => n.activities.some((a) => codesRelated(a, COMMUNE_GAP.division)))
    .map((n) => n.id);
  if (!ofDivision.includes(COMMUNE_GAP.network))
    throw new Error("registry: the gap's network is not of the division");
  const there = memberships
    .filter((l) => ofDivision.includes(l.target) && activeAt(l, AS_OF))
    .filter((l) => actors.get(l.source)?.commune === COMMUNE_GAP.commune)
    .map((l) => l.source);
  if (there.length > 0)
    throw new Error(
      `registry: members of division ${COMMUNE_GAP.division} networks in the gap commune: ${there}`,
    );
  return {
    uncovered: { ...UNCOVERED_CANDIDATE, covering },
    top,
    communeGap: {
      commune: COMMUNE_GAP.commune,
      division: COMMUNE_GAP.division,
      establishments: eij,
      communeEstablishments: ei,
      divisionEstablishments: ej,
      totalEstablishments: e,
      location_quotient: Number(lq.toFixed(3)),
      networks_of_division: ofDivision,
      members_there: there,
    },
  };
}
