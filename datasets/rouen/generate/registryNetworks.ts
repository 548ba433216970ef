/**
 * The registry of business networks of the `rouen` dataset ("network of networks", DOMAIN.md §8): what
 * the chamber records about each network of the zone — type, territory (INSEE commune codes and EPCI
 * SIREN codes), activities (NAF codes at any level, dotted; empty = every activity), animator, founding
 * and end dates. Members are not listed here: they are the `membership` links of links.csv.
 *
 * The five organisations of associations.ts keep their ids and members; their territory and
 * activities follow how they were built (the chamber and the club recruit every activity, the zone
 * association every firm of its five communes, the grappe the district's hauliers, the sector
 * association the car-parts suppliers). Six networks are new, each an actor appended to actors.csv
 * (kind network_org, subtype = type) with members drawn among background firms only, so that the
 * planted firme-réseau and district keep their whole-network measures.
 *
 * The chamber's activity list is that of its ressortissants (trade, industry and services); liberal
 * professions (69, 75), public administration but social security (84), education (85), health and
 * social work (86–88), membership organisations (94), farming (01–03) and households (97–99) are left
 * out: they belong to other chambers or to none. The health cluster takes health, social security
 * and health insurance, which is what leaves the accounting offices north of Rouen (69.20Z) without a
 * network (`registryGaps.ts`).
 */

import type { NetworkSubtype } from "../../../engine/model/vocabulary.ts";
import type { NetworkType } from "../../../engine/networks/types.ts";

/** Métropole Rouen Normandie (EPCI SIREN). */
export const METROPOLE = "200023414";
/** The EPCIs of the Rouen employment zone in département 76 (SIREN), from the URSSAF table's EPCI column. */
export const ZONE_EPCIS = [
  "200023414", // Métropole Rouen Normandie
  "200068534", // CC Terroir de Caux
  "200069730", // CC des 4 Rivières
  "200069847", // CC Plateau de Caux-Doudeville-Yerville
  "200070068", // CC Bray-Eawy
  "200070449", // CC Inter-Caux-Vexin
  "247600620", // CC Yvetot Normandie
  "247600646", // CC Caux-Austreberthe
] as const;
/** CC Caux-Austreberthe (Barentin, Pavilly…). */
export const CAUX_AUSTREBERTHE = "247600646";

/** Divisions of the chamber's ressortissants (see the file comment for what is left out). */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, "0"));
export const CHAMBER_DIVISIONS = [
  ...range(5, 9),
  ...range(10, 33),
  ...range(35, 39),
  ...range(41, 43),
  ...range(45, 47),
  ...range(49, 53),
  ...range(55, 56),
  ...range(58, 66),
  "68",
  ...range(70, 74),
  ...range(77, 82),
  ...range(90, 93),
  ...range(95, 96),
];

export interface RegistrySpec {
  key: string;
  id: string;
  name: string;
  type: NetworkType;
  /** Commune and EPCI codes as the registry writes them. */
  territory: readonly string[];
  /** Dotted NAF codes at any level; empty = every activity. */
  activities: readonly string[];
  animator: string;
  /**
   * ISO date in the organisation's founding year (actors.csv); for an organisation of associations.ts,
   * its first member's joining date when earlier (registry.ts). Null = not recorded.
   */
  founded: string | null;
  ended: string | null;
}

/** A new network: its registry entry plus what its actor row and its memberships need. */
export interface NewNetworkSpec extends RegistrySpec {
  subtype: NetworkSubtype;
  founded: string;
  /** The organisation's own NAF and seat. */
  naf: string;
  commune: string;
  /** Meetings a member attends per year (frequency of the membership link). */
  meetings: readonly [number, number];
  /** Members drawn, and the share of them who have left by the end of the data. */
  size: number;
  leaving: number;
  /** Which background firms may join: those of the territory's communes with one of these NAF prefixes (empty = any). */
  nafPrefixes: readonly string[];
}

/** The five organisations of associations.ts (ids kept; the chamber's founding is not recorded). */
export const EXISTING_NETWORKS: readonly RegistrySpec[] = [
  {
    key: "chamber",
    id: "org-cci-rouen-metropole",
    name: "CCI Rouen Métropole",
    type: "chamber",
    territory: ZONE_EPCIS,
    activities: CHAMBER_DIVISIONS,
    animator: "Pôle Réseaux d'entreprises, CCI (synthetic)",
    founded: null,
    ended: null,
  },
  {
    key: "club",
    id: "org-club-entreprendre-seine",
    name: "Club Entreprendre en Seine (synthetic)",
    type: "club",
    territory: [METROPOLE],
    activities: [],
    animator: "Martine Vaudrel (synthetic)",
    founded: "1996-03-14",
    ended: null,
  },
  {
    key: "zone_association",
    id: "org-zone-rive-gauche",
    name: "Association des entreprises de la zone portuaire rive gauche (synthetic)",
    type: "zone_association",
    territory: ["76319", "76322", "76497", "76498", "76575"],
    activities: [],
    animator: "Bureau de l'association, présidence tournante (synthetic)",
    founded: "1989-05-22",
    ended: null,
  },
  {
    key: "grappe",
    id: "org-grappe-transport-seine-sud",
    name: "Grappe Transport et Logistique Seine Sud (synthetic)",
    type: "grappe",
    territory: ["76319", "76322", "76497", "76498", "76575"],
    activities: ["49.4", "52.1", "52.2"],
    animator: "Julien Harcourt-Lemaire (synthetic)",
    founded: "2011-03-24",
    ended: null,
  },
  {
    key: "sector_association",
    id: "org-equipementiers-auto-normands",
    name: "Association des équipementiers automobiles normands (synthetic)",
    type: "association",
    territory: ZONE_EPCIS,
    activities: ["22", "24", "25", "27", "28", "29", "33"],
    animator: "Délégation générale de l'association (synthetic)",
    founded: "2001-01-09",
    ended: null,
  },
];

const network = (spec: Omit<NewNetworkSpec, "subtype">): NewNetworkSpec => ({
  ...spec,
  subtype: spec.type as NetworkSubtype,
});

/** The redundant pair (`registryMembers.ts`): same activities, same territory, many shared members. */
export const REDUNDANT_PAIR = ["industry_club", "meca_spl"] as const;

export const NEW_NETWORKS: readonly NewNetworkSpec[] = [
  network({
    key: "industry_club",
    id: "org-club-industrie-metropole",
    name: "Club Industrie Métropole (synthetic)",
    type: "club",
    territory: [METROPOLE],
    activities: ["22", "25", "28", "33"],
    animator: "Sébastien Quillard (synthetic)",
    founded: "2009-05-14",
    ended: null,
    naf: "94.99Z",
    commune: "76540",
    meetings: [4, 8],
    size: 14,
    leaving: 0.15,
    nafPrefixes: ["22", "25", "28", "33"],
  }),
  network({
    key: "meca_spl",
    id: "org-spl-meca-seine",
    name: "SPL Mécanique et Maintenance Seine (synthetic)",
    type: "spl",
    territory: [METROPOLE],
    activities: ["22", "25", "28", "33"],
    animator: "Claire Beaudouin-Roussel (synthetic)",
    founded: "2016-02-03",
    ended: null,
    naf: "94.99Z",
    commune: "76575",
    meetings: [3, 6],
    size: 4,
    leaving: 0.1,
    nafPrefixes: ["22", "25", "28", "33"],
  }),
  network({
    key: "health_cluster",
    id: "org-cluster-sante-seine",
    name: "Cluster Santé et Protection sociale Seine (synthetic)",
    type: "cluster",
    territory: [METROPOLE],
    activities: ["21", "26.6", "32.5", "65.12", "72.1", "84.30", "86"],
    animator: "Nadia Ferrand-Aubry (synthetic)",
    founded: "2014-06-05",
    ended: null,
    naf: "94.99Z",
    commune: "76540",
    meetings: [3, 6],
    size: 24,
    leaving: 0.12,
    nafPrefixes: ["21", "26.6", "32.5", "65.12", "72.1", "84.30", "86"],
  }),
  network({
    key: "virtual",
    id: "org-rouen-seine-numerique",
    name: "Rouen Seine Numérique, réseau en ligne (synthetic)",
    type: "virtual",
    territory: [METROPOLE],
    activities: ["58.2", "62", "63", "73.1", "74.1"],
    animator: "Plateforme animée par Thomas Lécuyer (synthetic)",
    founded: "2018-01-15",
    ended: null,
    naf: "63.12Z",
    commune: "76540",
    meetings: [2, 6],
    size: 22,
    leaving: 0.1,
    nafPrefixes: ["58.2", "62", "63", "73.1", "74.1"],
  }),
  network({
    key: "restaurants_gie",
    id: "org-gie-tables-rouen",
    name: "GIE Les Tables de Rouen (synthetic)",
    type: "gie",
    // the communes of the diagnostic's restaurant concentration (candidate 56.10A@76103)
    territory: ["76103", "76108", "76377", "76517", "76540"],
    activities: ["56.1", "56.3"],
    animator: "Hélène Marchetti (synthetic)",
    founded: "2017-09-12",
    ended: null,
    naf: "94.99Z",
    commune: "76540",
    meetings: [3, 6],
    size: 16,
    leaving: 0.12,
    nafPrefixes: ["56.1", "56.3"],
  }),
  network({
    key: "caux_club",
    id: "org-club-caux-austreberthe",
    name: "Club d'entreprises Caux-Austreberthe (synthetic)",
    type: "club",
    territory: [CAUX_AUSTREBERTHE],
    activities: [],
    animator: "Olivier Dumesnil (synthetic)",
    founded: "2012-09-20",
    ended: null,
    naf: "94.99Z",
    commune: "76057",
    meetings: [4, 9],
    size: 20,
    leaving: 0.15,
    nafPrefixes: [],
  }),
  network({
    key: "export_club",
    id: "org-club-export-seine",
    name: "Club Export Vallée de Seine (synthetic)",
    type: "club",
    territory: [METROPOLE],
    activities: ["46"],
    animator: "Patrick Vernier (synthetic)",
    founded: "2010-02-11",
    ended: "2019-12-12",
    naf: "94.99Z",
    commune: "76540",
    meetings: [3, 6],
    size: 14,
    leaving: 0.2,
    nafPrefixes: ["46"],
  }),
];
