/**
 * Converts the Research Council of Norway's list of Norwegian participations in Horizon 2020
 * (raw/dataset.csv) into a bipartite organisations × projects network in the maillage contract.
 * Run from the repository root:
 *
 *   npx tsx datasets/norway-h2020/convert.ts [OUT_DIR]
 *
 * OUT_DIR defaults to this folder; the tests write to a temporary folder and compare bytes, so the
 * output depends on the raw file only (sorted output, no clock, no locale).
 *
 * Rules (README.md, "Conversion"):
 * - an organisation (9-digit `Organisasjonsnummer`) is an actor whose kind comes from its R&D sector
 *   (`SECTOR_KINDS`); a project is an actor of kind `network_org` (a collaboration, no subtype), id
 *   `h2020:<Prosjektnr>`, named by its acronym (acronyms are not unique: 22 are shared);
 * - a participation row is a `membership` link organisation → project dated by the contract's start
 *   and end; the same organisation twice in one project is one link (the later rows are *merged*);
 * - a row that cannot be a link (no organisation number…) is *set aside* in quarantine.csv with its
 *   line and reason: every raw row is converted, merged or set aside, never dropped silently.
 *
 * CSV is read and written with the engine's reader and writer (engine/io).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ACTOR_FIELDS, type ActorField } from "../../engine/io/columns.ts";
import { csvTable } from "../../engine/io/csvFormat.ts";
import { readCsv } from "../../engine/io/csvRead.ts";
import { QUARANTINE_COLUMNS } from "../../engine/io/quarantine.ts";
import { parseDate } from "../../engine/model/dates.ts";
import type { ActorKind } from "../../engine/model/vocabulary.ts";
import { linkColumnsWithout } from "../columns.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
export const RAW_FILE = "raw/dataset.csv";
export const SOURCE_REF = "norway-h2020:participation";
/** Prefix of project ids: project numbers and organisation numbers are both up to 9 digits. */
export const PROJECT_PREFIX = "h2020:";

/**
 * Actor kind of an organisation from its R&D sector (`FoU sektorkode`), refined by `FoU kategori`
 * where the sector mixes kinds. Universities and university colleges are `research`, not `training`:
 * in Horizon 2020 they take part as research performers, and the vocabulary already reads
 * "university" as `research`. `Øvrige andre` (foundations, NGOs, patient and trade associations,
 * cluster bodies, Nordic agencies) has no single kind: `unspecified` rather than a guess.
 */
export const SECTOR_KINDS: ReadonlyArray<{ code: string; category?: string; kind: ActorKind; why: string }> =
  [
    { code: "NÆR", kind: "firm", why: "Næringsliv: businesses" },
    { code: "INS", kind: "research", why: "Instituttsektor: research institutes" },
    { code: "UoH", kind: "research", why: "UoH-sektor: universities and university colleges" },
    { code: "HEL", kind: "public_body", why: "Helseforetak: health trusts and hospitals" },
    { code: "NFR", kind: "public_body", why: "Norges forskningsråd: the Research Council (a state agency)" },
    {
      code: "DIV",
      category: "Øvrige offentlige",
      kind: "public_body",
      why: "Øvrige, other public: ministries, agencies, municipalities, counties",
    },
    {
      code: "DIV",
      category: "Øvrige andre",
      kind: "unspecified",
      why: "Øvrige, other: foundations, NGOs, associations, cluster bodies",
    },
  ];

function sectorKind(code: string, category: string): ActorKind | undefined {
  return SECTOR_KINDS.find(
    (rule) => rule.code === code && (rule.category === undefined || rule.category === category),
  )?.kind;
}

/** Raw columns read by the converter (the others stay in raw/ only). */
const COLUMNS = {
  project: "Prosjektnr",
  acronym: "Prosjektkortnavn",
  title: "Prosjektnavn",
  programmeArea: "Programområde (H2020)",
  programme: "Programkortnavn (H2020)",
  topic: "Topic kode",
  call: "Utlysnings-id",
  actionType: "Søknadstype",
  status: "Kontraktstatus",
  start: "Kontrakt startdato",
  end: "Kontrakt sluttdato",
  months: "Varighet måneder",
  organisation: "Organisasjonsnummer",
  name: "Organisasjonsnavn",
  shortName: "Kortnavn",
  role: "Organisasjon rolle",
  sectorCode: "FoU sektorkode",
  sector: "FoU sektor",
  category: "FoU kategori",
  kommune: "Adresse kommunenummer",
  kommuneName: "Adresse kommune",
  fylke: "Adresse fylkenummer",
  fylkeName: "Adresse fylke",
  landsdel: "Adresse landsdel",
} as const;
type Column = keyof typeof COLUMNS;

/** The links file's columns: the contract's, without those the raw data cannot fill. */
export const LINK_COLUMNS = linkColumnsWithout("orientation", "formality", "frequency");
export const ORGANISATION_COLUMNS = [
  "id",
  "name",
  "short_name",
  "sector_code",
  "sector",
  "category",
  "kind",
  "kommune",
  "kommune_name",
  "fylke",
  "fylke_name",
  "landsdel",
  "projects",
] as const;
export const PROJECT_COLUMNS = [
  "id",
  "project_number",
  "acronym",
  "title",
  "programme_area",
  "programme",
  "topic",
  "call",
  "action_type",
  "status",
  "start",
  "end",
  "duration_months",
  "organisations",
] as const;
/**
 * A contract date `DD.MM.YYYY HH:MM` as ISO `YYYY-MM-DD`; the time is always 00:00 in this file and
 * carries nothing. Empty gives null (an open end); anything else unreadable gives undefined.
 */
export function contractDate(raw: string): string | null | undefined {
  const s = raw.trim();
  if (s === "") return null;
  const match = /^(\d{2}\.\d{2}\.\d{4})(?: \d{2}:\d{2})?$/.exec(s);
  return match ? parseDate(match[1]) : undefined;
}

/** Norwegian codes lost their leading zero in the export (Oslo `301` is kommune `0301`, fylke `03`). */
function padCode(raw: string, width: number): string {
  const s = raw.trim();
  return /^\d+$/.test(s) ? s.padStart(width, "0") : s;
}

const byNumber = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** What a conversion counted; `read = converted + merged + set_aside`. */
export interface NorwaySummary {
  read: number;
  converted: number;
  merged: number;
  set_aside: number;
  /** Converted rows whose contract has no start and end date (kept, with open ends). */
  converted_without_dates: number;
  organisations: number;
  projects: number;
  /** Projects whose every row was set aside: no actor, listed in quarantine.csv. */
  projects_only_in_set_aside_rows: number;
  actors_by_kind: Record<string, number>;
  /** Merged rows: the raw line, the line of the row kept, organisation and project. */
  merged_rows: Array<{ line: number; kept_line: number; organisation: string; project: string }>;
}

interface Organisation {
  cells: Record<Column, string>;
  projects: Set<string>;
}

/** Converts raw/dataset.csv into OUT_DIR; returns what it counted. */
export function convert(outDir: string): NorwaySummary {
  const table = readCsv(join(HERE, RAW_FILE), { delimiter: ";" });
  // The raw file is UTF-8; the reader would otherwise fall back to Windows-1252 without a word.
  if (table.dialect.encoding !== "utf-8") throw new Error(`${RAW_FILE}: not UTF-8`);
  // Rows the reader could not split into the header's fields are set aside where they stand.
  const rows = [...table.records, ...table.bad].sort((a, b) => a.line - b.line);
  const index = {} as Record<Column, number>;
  for (const [key, name] of Object.entries(COLUMNS) as Array<[Column, string]>) {
    const at = table.header.indexOf(name);
    if (at < 0) throw new Error(`${RAW_FILE}: no column "${name}"`);
    index[key] = at;
  }

  // Keyed by the report's columns (the writer takes plain records, not the QuarantineRow interface).
  const quarantine: Array<Record<(typeof QUARANTINE_COLUMNS)[number], string | number>> = [];
  const setAside = (line: number, field: string, value: string, reason: string) =>
    quarantine.push({ file: RAW_FILE, line, field, value, reason });
  const organisations = new Map<string, Organisation>();
  const projects = new Map<string, { cells: Record<Column, string>; members: Set<string> }>();
  const links = new Map<string, { org: string; project: string; start: string; end: string; line: number }>();
  const mergedRows: NorwaySummary["merged_rows"] = [];
  const setAsideProjects = new Set<string>();
  let withoutDates = 0;

  for (const row of rows) {
    if (!("cells" in row)) {
      quarantine.push({ ...row, file: RAW_FILE });
      continue;
    }
    const { line, cells: raw } = row;
    const cells = {} as Record<Column, string>;
    for (const key of Object.keys(COLUMNS) as Column[]) cells[key] = raw[index[key]].trim();
    const org = cells.organisation;
    const project = cells.project;
    const reject = (field: Column, reason: string) => {
      setAside(line, COLUMNS[field], cells[field], reason);
      if (/^\d+$/.test(project)) setAsideProjects.add(project);
    };
    if (!/^\d+$/.test(project)) {
      reject("project", "no project number");
      continue;
    }
    if (org === "") {
      reject("organisation", `no organisation number; organisation name: ${cells.name}`);
      continue;
    }
    if (!/^\d{9}$/.test(org)) {
      reject("organisation", "not a 9-digit organisation number");
      continue;
    }
    if (sectorKind(cells.sectorCode, cells.category) === undefined) {
      reject("sectorCode", `R&D sector "${cells.sectorCode}" / "${cells.category}" has no kind mapping`);
      continue;
    }
    const start = contractDate(cells.start);
    const end = contractDate(cells.end);
    if (start === undefined) {
      reject("start", "unreadable contract start date");
      continue;
    }
    if (end === undefined) {
      reject("end", "unreadable contract end date");
      continue;
    }
    if (start !== null && end !== null && end < start) {
      reject("end", "contract ends before it starts");
      continue;
    }
    const key = `${org}\u0000${project}`;
    const kept = links.get(key);
    if (kept) {
      mergedRows.push({ line, kept_line: kept.line, organisation: org, project });
      continue;
    }
    if (start === null && end === null) withoutDates++;
    links.set(key, { org, project, start: start ?? "", end: end ?? "", line });
    // Organisation and project fields repeat on every row; the first row of each gives them (the raw
    // file has no conflicting repeats, checked in the tests).
    const organisation = organisations.get(org) ?? { cells, projects: new Set<string>() };
    organisations.set(org, organisation);
    organisation.projects.add(project);
    const entry = projects.get(project) ?? { cells, members: new Set<string>() };
    projects.set(project, entry);
    entry.members.add(org);
  }

  const orgIds = [...organisations.keys()].sort(byNumber);
  const projectIds = [...projects.keys()].sort(byNumber);
  const actorsByKind: Record<string, number> = {};
  const actorRows: Array<Partial<Record<ActorField, string>>> = [];
  const organisationRows: Array<Record<(typeof ORGANISATION_COLUMNS)[number], string>> = [];
  for (const id of orgIds) {
    const { cells, projects: joined } = organisations.get(id) as Organisation;
    const kind = sectorKind(cells.sectorCode, cells.category) as ActorKind;
    actorsByKind[kind] = (actorsByKind[kind] ?? 0) + 1;
    // Norwegian kommune codes are not INSEE codes: they stay out of the actors' `commune` column.
    actorRows.push({ id, name: cells.name, kind });
    organisationRows.push({
      id,
      name: cells.name,
      short_name: cells.shortName === "ukjent" ? "" : cells.shortName,
      sector_code: cells.sectorCode,
      sector: cells.sector,
      category: cells.category,
      kind,
      kommune: padCode(cells.kommune, 4),
      kommune_name: cells.kommuneName,
      fylke: padCode(cells.fylke, 2),
      fylke_name: cells.fylkeName,
      landsdel: cells.landsdel,
      projects: String(joined.size),
    });
  }
  const projectRows: Array<Record<(typeof PROJECT_COLUMNS)[number], string>> = [];
  for (const number of projectIds) {
    const { cells, members } = projects.get(number) as {
      cells: Record<Column, string>;
      members: Set<string>;
    };
    actorRows.push({ id: `${PROJECT_PREFIX}${number}`, name: cells.acronym, kind: "network_org" });
    projectRows.push({
      id: `${PROJECT_PREFIX}${number}`,
      project_number: number,
      acronym: cells.acronym,
      title: cells.title,
      programme_area: cells.programmeArea,
      programme: cells.programme,
      topic: cells.topic,
      call: cells.call,
      action_type: cells.actionType,
      status: cells.status,
      start: contractDate(cells.start) ?? "",
      end: contractDate(cells.end) ?? "",
      duration_months: cells.months,
      organisations: String(members.size),
    });
  }
  actorsByKind.network_org = projectIds.length;
  const linkRows = [...links.values()]
    .sort((a, b) => byNumber(a.org, b.org) || byNumber(a.project, b.project))
    .map(
      (link): Record<(typeof LINK_COLUMNS)[number], string> => ({
        source: link.org,
        target: `${PROJECT_PREFIX}${link.project}`,
        kind: "membership",
        weight: "1",
        direction: "directed",
        start: link.start,
        end: link.end,
        source_ref: SOURCE_REF,
      }),
    );

  writeFileSync(join(outDir, "actors.csv"), csvTable(ACTOR_FIELDS, actorRows));
  writeFileSync(join(outDir, "links.csv"), csvTable(LINK_COLUMNS, linkRows));
  writeFileSync(join(outDir, "organisations.csv"), csvTable(ORGANISATION_COLUMNS, organisationRows));
  writeFileSync(join(outDir, "projects.csv"), csvTable(PROJECT_COLUMNS, projectRows));
  writeFileSync(join(outDir, "quarantine.csv"), csvTable(QUARANTINE_COLUMNS, quarantine));
  const summary: NorwaySummary = {
    read: rows.length,
    converted: links.size,
    merged: mergedRows.length,
    set_aside: quarantine.length,
    converted_without_dates: withoutDates,
    organisations: orgIds.length,
    projects: projectIds.length,
    projects_only_in_set_aside_rows: [...setAsideProjects].filter((p) => !projects.has(p)).length,
    actors_by_kind: Object.fromEntries(Object.entries(actorsByKind).sort(([a], [b]) => (a < b ? -1 : 1))),
    merged_rows: mergedRows,
  };
  writeFileSync(join(outDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const summary = convert(resolve(process.argv[2] ?? HERE));
  process.stderr.write(`${JSON.stringify(summary, null, 2)}\n`);
}
