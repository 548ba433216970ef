/**
 * Builds the synthetic part of the `rouen` dataset from the real files: reads the URSSAF table and
 * the adjacency, draws every planted structure from its own stream (`${seed}/<structure>`), and
 * returns the text of each generated file. Pure: no clock, no file system, no locale, so a seed
 * gives byte-identical files; `generate.ts` writes them.
 *
 * Order of the draws (each later step may read what earlier ones made, never the reverse):
 * pivot cell reserved → background firms (`/firms`) → firme-réseau (`/pivot`) → district
 * (`/district`) → background ties (`/background`) → organisations and memberships
 * (`/associations`) → contact book (`/contacts`) → registry of networks, their members and actions
 * (`/registry-redundant`, `/registry`, `/registry-overlaps`, `/registry-actions`). The registry's
 * actors and links are appended after the others, so the earlier rows stay as they were.
 */
import { ACTOR_FIELDS } from "../../../engine/io/columns.ts";
import { sizeClassOf } from "../../../engine/model/sizeClass.ts";
import { createRng } from "../../../engine/random/prng.ts";
import { generateAssociations, ORGANISATIONS } from "./associations.ts";
import { generateBackgroundLinks } from "./backgroundLinks.ts";
import { DEFAULT_SEED, ESTABLISHMENTS_PER_FIRM, REFERENCE_YEAR, SOURCE_REF } from "./config.ts";
import { MARGIN_DAYS, RULES_TEXT, SEGMENTS, windowsOf } from "./contactRules.ts";
import { CONTACT_COLUMNS, generateContacts, INTERACTION_COLUMNS } from "./contacts.ts";
import { toCsv } from "./csv.ts";
import { generateDistrict } from "./district.ts";
import { generateBackgroundFirms } from "./firms.ts";
import { readAdjacency } from "./geo.ts";
import { NameBook } from "./names.ts";
import { generatePivotNetwork, reservePivotCell } from "./pivot.ts";
import { EstablishmentPool } from "./pool.ts";
import { type ActorRow, byKey, type FirmRow, LINK_COLUMNS, type LinkRow } from "./records.ts";
import { generateRegistry } from "./registry.ts";
import { activityRatios } from "./traits.ts";
import { establishmentsIn, readEstablishments } from "./urssaf.ts";

/** Generated files, relative to the dataset folder. */
export const GENERATED_FILES = {
  actors: "actors.csv",
  links: "links.csv",
  contacts: "contacts/contacts.csv",
  interactions: "contacts/interactions.csv",
  truth: "truth.json",
  registry: "networks/registry.csv",
  actions: "networks/actions.csv",
} as const;

export interface RealInputs {
  /** Text of the URSSAF commune x APE table. */
  establishments: string;
  /** Text of the commune adjacency file. */
  adjacency: string;
}

export type GeneratedFiles = Record<(typeof GENERATED_FILES)[keyof typeof GENERATED_FILES], string>;

/** Pearson correlation of two equal-length series. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties given their mean rank (1-based). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman rank correlation: Pearson on mean ranks. */
export const spearman = (xs: readonly number[], ys: readonly number[]) => pearson(ranks(xs), ranks(ys));

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const sortLinks = (links: LinkRow[]) =>
  links.sort(byKey((l) => `${l.source}|${l.target}|${l.kind}|${l.start ?? ""}`));
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const stripRole = ({ role: _role, cell: _cell, ...actor }: FirmRow): ActorRow => actor;

export function generateRouenDataset(inputs: RealInputs, seed: string = DEFAULT_SEED): GeneratedFiles {
  const table = readEstablishments(inputs.establishments);
  const adjacency = readAdjacency(inputs.adjacency);
  const year = REFERENCE_YEAR;
  const pool = new EstablishmentPool(table, year);
  const ratios = activityRatios(table, year);
  const names = new NameBook();
  const stream = (name: string) => createRng(`${seed}/${name}`);

  const pivotCell = reservePivotCell(pool);
  const background = generateBackgroundFirms({
    rng: stream("firms"),
    pool,
    names,
    ratios,
    establishmentsPerFirm: ESTABLISHMENTS_PER_FIRM,
  });
  const pivot = generatePivotNetwork({ rng: stream("pivot"), pool, pivotCell, names, ratios });
  const district = generateDistrict({ rng: stream("district"), pool, adjacency, names, ratios });
  const backgroundLinks = generateBackgroundLinks({
    rng: stream("background"),
    firms: background,
    adjacency,
  });
  const firms: FirmRow[] = [pivot.pivot, ...pivot.tier1, ...pivot.tier2, ...district.firms, ...background];
  const associations = generateAssociations({
    rng: stream("associations"),
    pivot: pivot.pivot,
    tier1: pivot.tier1,
    tier2: pivot.tier2,
    district: district.firms,
    districtLeaders: district.leaders,
    districtCommunes: district.communes,
    background,
  });

  const firmById = new Map(firms.map((f) => [f.id, f]));
  const { club, grappe, zone_association: zone } = associations.byKey;
  const memberIds = new Set([...club.members, ...grappe.members, ...zone.members]);
  const anyMember = new Set(associations.links.filter((l) => l.kind === "membership").map((l) => l.source));
  const SERVICE_DIVISIONS = new Set(["18", "56", "58", "62", "63", "70", "73", "74", "81", "82"]);
  const owner = associations.actors.find((a) => a.kind === "chamber") as ActorRow;
  const book = generateContacts({
    rng: stream("contacts"),
    owner,
    pivot: pivot.pivot,
    districtLeaders: district.leaders,
    memberFirms: [...memberIds].sort().map((id) => firmById.get(id) as FirmRow),
    nonMembers: background.filter((f) => !anyMember.has(f.id)),
    serviceFirms: background.filter((f) => SERVICE_DIVISIONS.has((f.naf as string).slice(0, 2))),
    allFirms: background,
  });

  // Files.
  const baseActors: ActorRow[] = [...firms.map(stripRole), ...associations.actors].sort(byKey((a) => a.id));
  const registry = generateRegistry({
    stream,
    background,
    associations,
    actors: new Map(baseActors.map((a) => [a.id, a])),
    table,
    year,
    contactOrganisations: book.contacts
      .map((c) => c.organisation_id)
      .filter((id): id is string => id !== null),
  });
  const actors: ActorRow[] = [...baseActors, ...registry.actors];
  const links: LinkRow[] = [
    ...sortLinks(pivot.links),
    ...sortLinks(district.links),
    ...sortLinks(backgroundLinks),
    ...sortLinks(associations.links),
    ...registry.links,
  ];

  // Firm counts against the real establishments, per commune.
  const realByCommune = new Map<string, number>();
  for (const cell of table.cells) {
    realByCommune.set(
      cell.commune,
      (realByCommune.get(cell.commune) ?? 0) + establishmentsIn(table, cell, year),
    );
  }
  const firmsByCommune = new Map<string, number>();
  for (const f of firms)
    firmsByCommune.set(f.commune as string, (firmsByCommune.get(f.commune as string) ?? 0) + 1);
  const communes = [...realByCommune.keys()].filter((c) => (realByCommune.get(c) ?? 0) > 0).sort();
  const firmSeries = communes.map((c) => firmsByCommune.get(c) ?? 0);
  const realSeries = communes.map((c) => realByCommune.get(c) ?? 0);
  const totalEstablishments = [...realByCommune.values()].reduce((a, b) => a + b, 0);

  const orgSection = (key: (typeof ORGANISATIONS)[number]["key"]) => {
    const spec = ORGANISATIONS.find((o) => o.key === key) as (typeof ORGANISATIONS)[number];
    const m = associations.byKey[key];
    return {
      id: spec.id,
      name: spec.name,
      kind: spec.kind,
      subtype: spec.subtype,
      members: [...m.members].sort(),
      former_members: [...m.former].sort(),
    };
  };
  const windows = windowsOf(book.asOf);
  const segmentCounts = Object.fromEntries(
    SEGMENTS.map((s) => [s, Object.values(book.segments).filter((v) => v === s).length]),
  );

  const truth = {
    dataset: "rouen",
    seed,
    generator: "datasets/rouen/generate.ts",
    streams: [
      "firms",
      "pivot",
      "district",
      "background",
      "associations",
      "contacts",
      "registry-redundant",
      "registry",
      "registry-overlaps",
      "registry-actions",
    ].map((s) => `${seed}/${s}`),
    reference_year: year,
    firms: {
      total: firms.length,
      background: background.length,
      planted: firms.length - background.length,
      establishments_per_background_firm: ESTABLISHMENTS_PER_FIRM,
      real_establishments: totalEstablishments,
      commune_correlation: {
        measure:
          "correlation, over the communes with establishments in the reference year, of synthetic firms per commune and real establishments per commune (Pearson is dominated by Rouen itself; Spearman is the rank version)",
        communes: communes.length,
        pearson: round(pearson(firmSeries, realSeries), 4),
        spearman: round(spearman(firmSeries, realSeries), 4),
      },
      rule: "each synthetic firm uses up one real establishment of its (commune, NAF) cell, so no cell has more synthetic firms than real establishments",
    },
    pivot: {
      id: pivot.pivot.id,
      name: pivot.pivot.name,
      commune: pivot.pivot.commune,
      naf: pivot.pivot.naf,
      jobs: pivot.jobs,
      headcount: pivot.pivot.headcount,
      size_class: sizeClassOf(pivot.pivot.headcount),
      tier1: ids(pivot.tier1),
      tier2: ids(pivot.tier2),
      mentored: [...pivot.mentored].sort(),
      tier2_customers: Object.fromEntries([...pivot.customers.entries()]),
      source_ref: SOURCE_REF.pivot,
      expected: [
        "the pivot, tier1 and tier2 firms form exactly one connected component of the firm-to-firm view",
        "the pivot has the highest degree and betweenness of that component; removing it separates the tier-1 firms",
        "every link is formal and directed: supply/subcontracting supplier -> customer, mentoring pivot -> tier-1 SME",
      ],
    },
    district: {
      communes: district.communes,
      naf: district.naf,
      location_quotient: round(district.locationQuotient, 3),
      real_establishments: district.establishments,
      firms: ids(district.firms),
      leaders: district.leaders,
      largest_firm: district.largest,
      purchasing_group: district.purchasingGroup,
      source_ref: SOURCE_REF.district,
      expected: [
        "the district firms form exactly one connected component of the firm-to-firm view, separate from the pivot's",
        "the communes are contiguous; every district firm has the district NAF and lies in one of them",
        "horizontal links only (same NAF), mostly non-market and informal, high clustering, low centralisation",
        "the leaders have the highest degrees, within a factor 1.5 of one another; the largest firm is not a leader",
      ],
    },
    associations: {
      chamber: orgSection("chamber"),
      club: orgSection("club"),
      zone_association: { ...orgSection("zone_association"), communes: district.communes },
      grappe: {
        ...orgSection("grappe"),
        public_label: ORGANISATIONS.find((o) => o.key === "grappe")?.public_label,
        recognised_by: ORGANISATIONS.find((o) => o.key === "public_body")?.id,
      },
      sector_association: orgSection("sector_association"),
      public_body: { id: associations.byKey.public_body.id, name: "Région Normandie", kind: "public_body" },
      memberships: associations.links.length,
      rule: "a membership is a link of kind membership, member -> organisation, directed and formal; members = no end date, former_members = ended",
    },
    leaders: {
      firme_reseau: {
        hub: pivot.pivot.id,
        rule: "the pivot: highest degree, betweenness and PageRank in its component",
      },
      reseau_de_firmes: {
        leaders: district.leaders,
        rule: "one per district commune with at least four firms: the highest degrees of the district, comparable to one another, tied to one another, members of the chamber, the club, the zone association and the grappe",
      },
    },
    background: {
      firms: background.length,
      links: backgroundLinks.length,
      source_ref: SOURCE_REF.background,
      rule: "ties among background firms only; they never touch a planted firm",
    },
    contacts: {
      owner: {
        organisation_id: owner.id,
        role: "network animator at the chamber (business club and grappe)",
      },
      as_of: book.asOf,
      windows: {
        last_12_months: { after: windows.lastFrom, until: windows.asOf },
        previous_12_months: { after: windows.previousFrom, until: windows.lastFrom },
        margin_days: MARGIN_DAYS,
      },
      rules: RULES_TEXT,
      counts: {
        records: book.contacts.length,
        persons: Object.keys(book.segments).length,
        interactions: book.interactions.length,
        segments: segmentCounts,
        fading: book.fading.length,
        duplicates: book.duplicates.length,
      },
      segments: book.segments,
      fading: [...book.fading].sort(),
      fading_kind: book.fadingKind,
      duplicates: book.duplicates,
      duplicate_evidence: book.duplicateEvidence,
      at_pivot: book.atPivot,
      at_district_leaders: book.atDistrictLeaders,
    },
    registry: registry.truth,
  };

  return {
    [GENERATED_FILES.actors]: toCsv(ACTOR_FIELDS, actors),
    [GENERATED_FILES.links]: toCsv(LINK_COLUMNS, links),
    [GENERATED_FILES.contacts]: toCsv(CONTACT_COLUMNS, book.contacts),
    [GENERATED_FILES.interactions]: toCsv(INTERACTION_COLUMNS, book.interactions),
    [GENERATED_FILES.truth]: `${JSON.stringify(truth, null, 2)}\n`,
    [GENERATED_FILES.registry]: registry.registryCsv,
    [GENERATED_FILES.actions]: registry.actionsCsv,
  } as GeneratedFiles;
}
