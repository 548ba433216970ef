/**
 * The controlled vocabularies of maillage: actor kinds, network-organisation subtypes, link kinds and
 * their category, orientation, formality. Every reader maps user tokens through `canonicalToken`, so
 * French synonyms, accents, case, hyphens and spaces are accepted in one place.
 */

export const ACTOR_KINDS = [
  "firm",
  "association",
  "chamber",
  "public_body",
  "research",
  "training",
  "network_org",
  "person",
  "unspecified",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Subtypes of a network organisation (kind `network_org`). */
export const NETWORK_SUBTYPES = [
  "club",
  "zone_association",
  "grappe",
  "spl",
  "cluster",
  "pole",
  "virtual",
  "cooperative",
  "gie",
] as const;
export type NetworkSubtype = (typeof NETWORK_SUBTYPES)[number];

export const MARKET_KINDS = [
  "supply",
  "subcontracting",
  "client",
  "co_production",
  "joint_purchasing",
  "equity",
  "credit",
  "business",
  "shared_employer",
  "joint_export",
] as const;
export const NON_MARKET_KINDS = [
  "membership",
  "information",
  "advice",
  "mentoring",
  "friendship",
  "kinship",
  "co_location",
] as const;
export const UNKNOWN_CATEGORY_KINDS = ["other", "unspecified"] as const;
export const LINK_KINDS = [...MARKET_KINDS, ...NON_MARKET_KINDS, ...UNKNOWN_CATEGORY_KINDS] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export type LinkCategory = "market" | "non_market" | "unknown";
export const ORIENTATIONS = ["vertical", "horizontal", "intersectoral"] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const FORMALITIES = ["formal", "informal"] as const;
export type Formality = (typeof FORMALITIES)[number];

const MARKET = new Set<string>(MARKET_KINDS);
const NON_MARKET = new Set<string>(NON_MARKET_KINDS);

/** Category of a link kind: market (buy–sell), non-market, or unknown for `other`/`unspecified`. */
export function linkCategory(kind: LinkKind): LinkCategory {
  if (MARKET.has(kind)) return "market";
  if (NON_MARKET.has(kind)) return "non_market";
  return "unknown";
}

/**
 * Kinds whose links are directed unless the file says otherwise, with the meaning of the arrow:
 * supply and subcontracting point from the supplier / subcontractor to its customer (the pivot
 * receives them); client points from the client to its supplier; equity and credit from the holder /
 * lender to the firm held / borrower; membership from the member to the organisation; mentoring and
 * advice from the mentor / adviser to the one helped. Every other kind is undirected by default.
 */
export const DIRECTED_BY_DEFAULT: ReadonlySet<LinkKind> = new Set<LinkKind>([
  "supply",
  "subcontracting",
  "client",
  "equity",
  "credit",
  "membership",
  "mentoring",
  "advice",
]);

/** Kinds that join two stages of one value chain, hence vertical whatever the activities. */
export const VALUE_CHAIN_KINDS: ReadonlySet<LinkKind> = new Set<LinkKind>([
  "supply",
  "subcontracting",
  "client",
]);

/** Actor kinds a firm can be a member of. */
export const MEMBERSHIP_TARGET_KINDS: ReadonlySet<ActorKind> = new Set<ActorKind>([
  "association",
  "chamber",
  "network_org",
]);

/** Lower-case, strip accents, turn spaces and hyphens (and apostrophes) into underscores. */
export function canonicalToken(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s\-'’]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

/** French and English synonyms, already in `canonicalToken` form, mapped to the canonical token. */
export const ACTOR_KIND_SYNONYMS: Readonly<Record<string, ActorKind>> = {
  entreprise: "firm",
  firme: "firm",
  company: "firm",
  societe: "firm",
  business: "firm",
  etablissement: "firm",
  professional_association: "association",
  association_professionnelle: "association",
  ap: "association",
  federation: "association",
  syndicat: "association",
  chambre: "chamber",
  cci: "chamber",
  cma: "chamber",
  chamber_of_commerce: "chamber",
  chambre_de_commerce: "chamber",
  public: "public_body",
  organisme_public: "public_body",
  collectivite: "public_body",
  administration: "public_body",
  government: "public_body",
  recherche: "research",
  laboratoire: "research",
  labo: "research",
  lab: "research",
  university: "research",
  universite: "research",
  centre_technique: "research",
  formation: "training",
  ecole: "training",
  school: "training",
  organisme_de_formation: "training",
  reseau: "network_org",
  network: "network_org",
  network_organisation: "network_org",
  network_organization: "network_org",
  organisation_reseau: "network_org",
  personne: "person",
  individu: "person",
  contact: "person",
  inconnu: "unspecified",
  unknown: "unspecified",
};

export const SUBTYPE_SYNONYMS: Readonly<Record<string, NetworkSubtype>> = {
  club_d_entreprises: "club",
  club_entreprises: "club",
  business_club: "club",
  association_de_zone: "zone_association",
  association_zone: "zone_association",
  zone: "zone_association",
  industrial_zone_association: "zone_association",
  grappe_d_entreprises: "grappe",
  systeme_productif_local: "spl",
  local_productive_system: "spl",
  pole_de_competitivite: "pole",
  competitiveness_cluster: "pole",
  reseau_virtuel: "virtual",
  virtual_network: "virtual",
  cooperative: "cooperative",
  cooperative_d_entreprises: "cooperative",
  groupement_d_interet_economique: "gie",
};

export const LINK_KIND_SYNONYMS: Readonly<Record<string, LinkKind>> = {
  fourniture: "supply",
  approvisionnement: "supply",
  supplier: "supply",
  fournisseur: "supply",
  sous_traitance: "subcontracting",
  soustraitance: "subcontracting",
  subcontract: "subcontracting",
  customer: "client",
  coproduction: "co_production",
  co_traitance: "co_production",
  cotraitance: "co_production",
  achat_groupe: "joint_purchasing",
  achats_groupes: "joint_purchasing",
  groupement_d_achat: "joint_purchasing",
  participation: "equity",
  capital: "equity",
  shareholding: "equity",
  pret: "credit",
  loan: "credit",
  affaires: "business",
  commerce: "business",
  trade: "business",
  groupement_d_employeurs: "shared_employer",
  employeur_partage: "shared_employer",
  export_groupe: "joint_export",
  export_commun: "joint_export",
  adhesion: "membership",
  adherent: "membership",
  member: "membership",
  membre: "membership",
  echange_d_information: "information",
  info: "information",
  conseil: "advice",
  parrainage: "mentoring",
  tutorat: "mentoring",
  mentorat: "mentoring",
  sponsorship: "mentoring",
  amitie: "friendship",
  friend: "friendship",
  parente: "kinship",
  famille: "kinship",
  family: "kinship",
  marriage: "kinship",
  mariage: "kinship",
  colocalisation: "co_location",
  co_localisation: "co_location",
  voisinage: "co_location",
  autre: "other",
  non_specifie: "unspecified",
  inconnu: "unspecified",
};

export const ORIENTATION_SYNONYMS: Readonly<Record<string, Orientation>> = {
  verticale: "vertical",
  vertical: "vertical",
  horizontale: "horizontal",
  horizontal: "horizontal",
  intersectorielle: "intersectoral",
  intersectoriel: "intersectoral",
  intersectoral: "intersectoral",
  cross_sector: "intersectoral",
  transversal: "intersectoral",
  transversale: "intersectoral",
};

export const FORMALITY_SYNONYMS: Readonly<Record<string, Formality>> = {
  formel: "formal",
  formelle: "formal",
  contractuel: "formal",
  contractual: "formal",
  informel: "informal",
  informelle: "informal",
};

function lookup<T extends string>(
  raw: string,
  canonical: readonly T[],
  synonyms: Readonly<Record<string, T>>,
): T | undefined {
  const token = canonicalToken(raw);
  if ((canonical as readonly string[]).includes(token)) return token as T;
  return synonyms[token];
}

/** Canonical actor kind of a user token, or undefined when the token is in no list. */
export const parseActorKind = (raw: string): ActorKind | undefined =>
  lookup(raw, ACTOR_KINDS, ACTOR_KIND_SYNONYMS);
export const parseSubtype = (raw: string): NetworkSubtype | undefined =>
  lookup(raw, NETWORK_SUBTYPES, SUBTYPE_SYNONYMS);
export const parseLinkKind = (raw: string): LinkKind | undefined =>
  lookup(raw, LINK_KINDS, LINK_KIND_SYNONYMS);
export const parseOrientation = (raw: string): Orientation | undefined =>
  lookup(raw, ORIENTATIONS, ORIENTATION_SYNONYMS);
export const parseFormality = (raw: string): Formality | undefined =>
  lookup(raw, FORMALITIES, FORMALITY_SYNONYMS);
