/**
 * The territorial diagnostic as one self-contained HTML page (DOMAIN §5, formulas §9): the summary
 * first (territory, year, reference, counts, how blank and secret cells were treated, top
 * specialisations, candidate districts/SPLs, single-plant concentrations), then maps of the LQ of the
 * main specialisations with the candidates outlined, the candidates' trends, sortable tables and the
 * firms of each candidate in the loaded network. It presents a `DiagnosticResult`; it computes nothing
 * the territory module owns (the choice of what to show is its only logic).
 */
import { schemeTableau10 } from "d3-scale-chromatic";
import type {
  ActivityIndex,
  Candidate,
  CandidateFirms,
  DiagnosticResult,
  LevelDiagnostic,
  NafLevel,
  SinglePlantConcentration,
} from "../territory/types.ts";
import { choropleth, lqScale, type Outline } from "./choropleth.ts";
import {
  ACTIVITY_COLUMNS,
  CANDIDATE_COLUMNS,
  type CandidateFirmRow,
  type CandidateTrend,
  COMMUNE_COLUMNS,
  FIRM_COLUMNS,
  SECRET_COLUMNS,
  SINGLE_PLANT_COLUMNS,
  starText,
} from "./diagnosticTables.ts";
import { escapeHtml, slug } from "./escape.ts";
import { formatDecimal, formatInteger, formatPercent } from "./format.ts";
import type { CommuneFeature } from "./geo.ts";
import { facts, htmlDocument, list, paragraph, type ReportSection } from "./html.ts";
import { linePlot } from "./plot.ts";
import { sortableTable } from "./table.ts";

export interface DiagnosticReportInput {
  result: DiagnosticResult;
  /** The NAF level presented (default: the first level of the result). */
  level?: NafLevel;
  /** Name of the study zone, e.g. "Rouen employment zone". */
  territory: string;
  /** Where the establishment table came from (dataset name or file). */
  source: string;
  /** Commune boundaries (2018 codes for the built-in data); without them the maps are left out, and the report says so. */
  features?: readonly CommuneFeature[];
  /** Jobs and LQ by year of each candidate. */
  trends?: readonly CandidateTrend[];
  /** The firms of each candidate in the loaded network. */
  firms?: readonly CandidateFirms[];
  /** What the firms come from, e.g. "the built-in rouen network (synthetic)". */
  network?: string;
  /**
   * Communes of the study zone (codes as the diagnostic maps them): every commune of the table, any year.
   * Default: the communes with rows in the diagnostic year.
   */
  zone?: readonly string[];
  /** Maps drawn (default 6): half for the candidates' activities, half for the single-plant concentrations'. */
  maps?: number;
  /** Candidates listed in the summary and drawn in the trend plots (default 10 and 8). */
  summaryCandidates?: number;
  trendCandidates?: number;
}

const LEVEL_NAMES: Readonly<Record<NafLevel, string>> = {
  subclass: "NAF sub-class (5 characters, e.g. 29.10Z)",
  class: "NAF class (4 digits, e.g. 29.10)",
  group: "NAF group (3 digits, e.g. 29.1)",
  division: "NAF division (2 digits, e.g. 29)",
  section: "NAF section (a letter, e.g. C)",
};

const plural = (n: number, word: string) => `${formatInteger(n)} ${word}${n === 1 ? "" : "s"}`;

const activityName = (code: string, label: string | null) => (label ? `${code} ${label}` : code);

/** `Cléon, Elbeuf and 3 more` */
function placeNames(c: Pick<Candidate, "communes" | "communeNames">, max = 3): string {
  const names = c.communes.map((code, i) => c.communeNames[i] ?? code);
  return names.length <= max
    ? names.join(", ")
    : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

export const candidateTitle = (c: Candidate) => `#${c.rank} ${c.activity} ${placeNames(c, 2)}`;

/**
 * The activities the maps show, in order: those of the candidates by rank, then those of the
 * single-plant concentrations by jobs; each once.
 */
export interface Specialisation {
  activity: string;
  /** Jobs of the activity in its specialised cells (LQ ≥ minLq and ≥ minJobs jobs). */
  jobs: number;
  communes: string[];
}

/**
 * The zone's top specialisations: activities ranked by the jobs they hold in specialised cells
 * (LQ of jobs ≥ `minLq` with ≥ `minJobs` jobs, the seed rule without the establishment count), so
 * that large single plants and SME groups both show; ties by code.
 */
export function topSpecialisations(level: LevelDiagnostic, minLq: number, minJobs: number): Specialisation[] {
  const by = new Map<string, Specialisation>();
  for (const c of level.cells) {
    if (c.lqJobs === null || c.jobs === null || c.lqJobs < minLq || c.jobs < minJobs) continue;
    let s = by.get(c.activity);
    if (!s) {
      s = { activity: c.activity, jobs: 0, communes: [] };
      by.set(c.activity, s);
    }
    s.jobs += c.jobs;
    s.communes.push(c.commune);
  }
  return [...by.values()].sort((a, b) => b.jobs - a.jobs || a.activity.localeCompare(b.activity));
}

const singlePlantsByJobs = (level: LevelDiagnostic) =>
  [...level.singlePlant].sort(
    (a, b) => b.jobs - a.jobs || a.activity.localeCompare(b.activity) || a.commune.localeCompare(b.commune),
  );

/**
 * The activities mapped: half from the candidate districts/SPLs (by rank), half from the single-plant
 * concentrations (by jobs), so that both kinds of specialisation are seen; each activity once.
 */
export function mappedActivities(level: LevelDiagnostic, count: number): string[] {
  const fromCandidates = [
    ...new Set([...level.candidates].sort((a, b) => a.rank - b.rank).map((c) => c.activity)),
  ];
  const fromPlants = [...new Set(singlePlantsByJobs(level).map((s) => s.activity))];
  const chosen: string[] = [];
  const want = Math.ceil(count / 2);
  for (const a of fromCandidates) if (chosen.length < want && !chosen.includes(a)) chosen.push(a);
  for (const a of fromPlants) if (chosen.length < count && !chosen.includes(a)) chosen.push(a);
  for (const a of fromCandidates) if (chosen.length < count && !chosen.includes(a)) chosen.push(a);
  return chosen;
}

function levelOf(result: DiagnosticResult, level?: NafLevel): LevelDiagnostic {
  const found = level ? result.levels.find((l) => l.level === level) : result.levels[0];
  if (!found) throw new Error(`the diagnostic has no results at the ${level} level`);
  return found;
}

function summarySection(input: DiagnosticReportInput, level: LevelDiagnostic): string {
  const { result } = input;
  const o = result.options;
  const activities = new Map(level.activities.map((a) => [a.activity, a]));
  const secret = result.secret;
  const mapping = result.communeMapping;
  const out: string[] = [];
  out.push(
    facts([
      ["Territory", input.territory],
      ["Source", input.source],
      [
        "Year",
        `${o.year} (trends since ${o.baseYear}; years in the table ${result.years[0]}–${result.years[result.years.length - 1]})`,
      ],
      ["Activity level", LEVEL_NAMES[level.level]],
      [
        "Reference territory",
        o.reference === "zone"
          ? "the study zone itself (LQ compare each commune with the zone)"
          : "an external (wider) table",
      ],
      ["Communes", formatInteger(result.totals.communes)],
      ["Activities", formatInteger(level.activities.length)],
      ["Salaried jobs", formatInteger(result.totals.jobs)],
      ["Establishments", formatInteger(result.totals.establishments)],
      [
        "Thresholds",
        `seed cell: LQ ≥ ${formatDecimal(o.minLq)}, ≥ ${formatInteger(o.minJobs)} jobs, ≥ ${formatInteger(o.minEstablishments)} establishments; candidate: ≥ ${formatInteger(o.minCandidateEstablishments)} establishments; single plant: ≤ ${formatInteger(o.maxPlantEstablishments)} establishments`,
      ],
    ]),
  );
  out.push(
    "<h3>Blank and secret cells</h3>",
    paragraph(secret.rule),
    paragraph(
      `${o.year}: ${formatInteger(secret.rows)} table rows; ${formatInteger(secret.secretRows)} truly secret (establishments published, jobs blank), holding ${formatInteger(secret.secretEstablishments)} establishments whose jobs count as 0; ${formatInteger(secret.establishmentsBlankRows)} rows with jobs published and establishments blank.`,
    ),
  );
  if (mapping.mapped.length > 0 || mapping.unknown.length > 0)
    out.push(
      paragraph(
        `Commune codes mapped to one vintage (${mapping.vintage}): ${plural(mapping.mapped.length, "former code")} merged into current communes; ${plural(mapping.unknown.length, "unknown code")} left out of every index.`,
      ),
    );

  out.push("<h3>Top specialisations</h3>");
  const names = new Map(level.communes.map((c) => [c.commune, c.name ?? c.commune]));
  const specialisations = topSpecialisations(level, o.minLq, o.minJobs);
  if (specialisations.length === 0)
    out.push(paragraph("No commune × activity cell reaches the seed thresholds."));
  else
    out.push(
      paragraph(
        `Activities with the most jobs in communes where they are over-represented (LQ ≥ ${formatDecimal(o.minLq)} and ≥ ${formatInteger(o.minJobs)} jobs).`,
        "note",
      ),
      list(
        specialisations.slice(0, 10).map((sp) => {
          const a = activities.get(sp.activity);
          const candidates = level.candidates.filter((c) => c.activity === sp.activity).length;
          const plants = level.singlePlant.filter((p) => p.activity === sp.activity).length;
          const places = sp.communes.map((c) => names.get(c) ?? c);
          const where =
            places.length > 3
              ? `${places.slice(0, 3).join(", ")} and ${places.length - 3} more`
              : places.join(", ");
          return `${activityName(sp.activity, a?.label ?? null)}: ${formatInteger(sp.jobs)} jobs in ${where} (of ${formatInteger(a?.jobs)} in the zone; Gini ${formatDecimal(a?.gini, 3)}); ${plural(candidates, "candidate")}, ${plural(plants, "single-plant concentration")}`;
        }),
      ),
    );

  const top = input.summaryCandidates ?? 10;
  out.push(`<h3>Candidate districts and SPLs (${formatInteger(level.candidates.length)})</h3>`);
  if (level.candidates.length === 0)
    out.push(paragraph("No candidate district or SPL with these thresholds."));
  else
    out.push(
      list(
        level.candidates
          .slice(0, top)
          .map(
            (c) =>
              `<strong>${escapeHtml(activityName(c.activity, c.label))}</strong> — ${escapeHtml(placeNames(c, 4))}: ${formatInteger(c.jobs)} jobs, ${formatInteger(c.establishments)} establishments, LQ ${formatDecimal(c.lqJobs)}, ${formatPercent(c.shareOfActivityJobs)} of the activity's jobs <span class="stars" title="star rating">${starText(c.stars)}</span>`,
          ),
        { html: true, ordered: true },
      ),
    );
  if (level.candidates.length > top)
    out.push(paragraph(`${level.candidates.length - top} more in the table of candidates.`, "note"));

  out.push(`<h3>Single-plant concentrations (${formatInteger(level.singlePlant.length)})</h3>`);
  out.push(
    paragraph(
      `Cells with LQ ≥ ${formatDecimal(o.minLq)} and ≥ ${formatInteger(o.minJobs)} jobs carried by at most ${o.maxPlantEstablishments} establishments: a possible pivot firm, not an SME district.`,
      "note",
    ),
  );
  if (level.singlePlant.length === 0) out.push(paragraph("None."));
  else
    out.push(
      list(
        [...level.singlePlant]
          .sort((a, b) => b.jobs - a.jobs)
          .slice(0, 10)
          .map(
            (s) =>
              `${activityName(s.activity, s.label)} at ${s.communeName ?? s.commune}: ${formatInteger(s.jobs)} jobs in ${s.establishments} establishment${s.establishments === 1 ? "" : "s"}, LQ ${formatDecimal(s.lqJobs)}`,
          ),
      ),
    );
  return out.join("\n");
}

function mapsSection(input: DiagnosticReportInput, level: LevelDiagnostic): string {
  if (!input.features || input.features.length === 0)
    return paragraph("No commune boundaries were given for this territory: the maps are left out.");
  const zone = new Set(input.zone ?? level.communes.map((c) => c.commune));
  // Boundaries carry the codes of their vintage: give merged communes the code the diagnostic uses.
  const to = new Map(input.result.communeMapping.mapped.map((m) => [m.from, m.to]));
  const features = input.features.map((f) =>
    to.has(f.properties.code)
      ? { ...f, properties: { ...f.properties, code: to.get(f.properties.code) ?? "" } }
      : f,
  );
  const drawn = new Set(features.map((f) => f.properties.code));
  const missing = [...zone].filter((c) => !drawn.has(c));
  const activities = new Map(level.activities.map((a) => [a.activity, a]));
  const figures = mappedActivities(level, input.maps ?? 6).map((activity) => {
    const values = new Map<string, number | null>();
    for (const cell of level.cells) if (cell.activity === activity) values.set(cell.commune, cell.lqJobs);
    const outlines: Outline[] = [
      ...level.candidates
        .filter((c) => c.activity === activity)
        .map((c) => ({ id: c.id, label: `candidate ${candidateTitle(c)}`, communes: c.communes })),
      ...level.singlePlant
        .filter((s) => s.activity === activity)
        .map((s: SinglePlantConcentration) => ({
          id: `${s.activity}@${s.commune}:plant`,
          label: `single plant at ${s.communeName ?? s.commune}`,
          communes: [s.commune],
          stroke: "#6a3d9a",
          dashed: true,
        })),
    ];
    return choropleth({
      id: `map-${activity}`,
      title: `LQ of jobs, ${activityName(activity, activities.get(activity)?.label ?? null)}, ${input.result.options.year}`,
      features,
      values,
      zone,
      scale: lqScale(),
      outlines,
      width: 500,
    });
  });
  const notes = [
    paragraph(
      "Location quotient of jobs of each commune in the activity (1 = the reference's share). Hatched: the zone's communes with no published job count for the activity (blank or secret). Grey: communes outside the study zone. Outlines: the candidate districts/SPLs of the activity (solid) and single-plant concentrations (dashed).",
      "note",
    ),
  ];
  if (missing.length > 0)
    notes.push(
      paragraph(
        `${missing.length} communes of the zone have no boundary in the map file: ${missing.slice(0, 20).join(", ")}.`,
        "note",
      ),
    );
  if (figures.length === 0) return `${notes.join("")}${paragraph("No specialisation to map.")}`;
  return `${notes.join("")}<div class="maps">${figures.join("\n")}</div>`;
}

function trendsSection(input: DiagnosticReportInput, level: LevelDiagnostic): string {
  const trends = new Map((input.trends ?? []).map((t) => [t.candidateId, t]));
  const shown = level.candidates.filter((c) => trends.has(c.id)).slice(0, input.trendCandidates ?? 8);
  if (shown.length === 0)
    return paragraph(
      input.trends
        ? "No candidate to plot."
        : "No yearly series were computed for the candidates: the trends are left out.",
    );
  const series = (get: (p: CandidateTrend["points"][number]) => number | null) =>
    shown.map((c) => ({
      name: candidateTitle(c),
      points: (trends.get(c.id)?.points ?? []).map((p) => ({ x: p.year, y: get(p) })),
    }));
  const colors = schemeTableau10;
  return [
    paragraph(
      `The activity of each candidate in its communes (the group as it is in ${input.result.options.year}), every year of the table. A gap: nothing published that year.`,
      "note",
    ),
    linePlot(
      series((p) => p.jobs),
      { y: "Salaried jobs of the activity", title: "Jobs by year", colors },
    ),
    linePlot(
      series((p) => p.lqJobs),
      { y: "Location quotient of jobs", title: "LQ of jobs by year", rule: 1, colors },
    ),
  ].join("\n");
}

/** The organisational form of the networks the candidate's firms belong to (`maillage classify`). */
function formsNote(forms: CandidateFirms["forms"]): string {
  if (!forms) return "";
  if (forms.length === 0)
    return paragraph("None of these firms belongs to a network of 3 actors or more.", "note");
  const parts = forms.map(
    (f) =>
      `${formatInteger(f.firms)} in a ${escapeHtml(f.label)} network of ${formatInteger(f.size)} actors (score ${f.score === null ? "—" : formatDecimal(f.score, 2)}${f.pivot ? `, first pivot ${escapeHtml(f.pivot.name ?? f.pivot.id)}` : ""})`,
  );
  return paragraph(`Organisational form of their networks: ${parts.join("; ")}.`, "note");
}

function firmsSection(input: DiagnosticReportInput, level: LevelDiagnostic): string {
  if (!input.firms)
    return paragraph("No relationship network was loaded: the firms of the candidates are left out.");
  const byCandidate = new Map(input.firms.map((f) => [f.candidateId, f]));
  const out: string[] = [
    paragraph(
      `Firms of ${input.network ?? "the loaded network"} located in each candidate's communes with the candidate's activity${input.firms.some((f) => f.leaders) ? ", with the network's leaders among them (opinion-leader ranking of the whole network: brokerage and hub measures, not size), leaders first" : ""}.`,
      "note",
    ),
  ];
  const without: Candidate[] = [];
  for (const c of level.candidates) {
    const entry = byCandidate.get(c.id);
    if (!entry) continue;
    if (entry.firms.length === 0) {
      without.push(c);
      continue;
    }
    const leaders = new Map((entry.leaders ?? []).map((l) => [l.id, l]));
    const rows: CandidateFirmRow[] = entry.firms.map((f) => ({
      ...f,
      candidate: c.id,
      activity: c.activity,
      leader: leaders.get(f.id) ?? null,
    }));
    // Role, score and evidence only when the network ranked leaders.
    const columns = entry.leaders
      ? FIRM_COLUMNS.slice(1)
      : FIRM_COLUMNS.filter((col) => !LEADER_KEYS.has(col.key ?? ""));
    const body = sortableTable(
      columns.filter((col) => col.key !== "candidate"),
      rows,
      { id: `firms-${slug(c.id)}` },
    );
    out.push(
      `<details${c.rank <= 3 ? " open" : ""}><summary>${escapeHtml(candidateTitle(c))} — ${formatInteger(rows.length)} firm${rows.length === 1 ? "" : "s"}</summary>${formsNote(entry.forms)}${body}</details>`,
    );
  }
  if (without.length > 0)
    out.push(
      paragraph(
        `${without.length} candidate${without.length === 1 ? " has" : "s have"} no firm of the network: ${without.map((c) => `#${c.rank} ${c.activity}`).join(", ")}.`,
        "note",
      ),
    );
  return out.join("\n");
}

const LEADER_KEYS = new Set([
  "candidate",
  "leader_rank",
  "network_rank",
  "role",
  "score",
  "degree",
  "betweenness",
  "constraint",
  "evidence",
]);

function methodSection(input: DiagnosticReportInput): string {
  const { result } = input;
  const o = result.options;
  const out: string[] = [];
  out.push(list(result.notes));
  out.push(
    facts([
      ["Levels computed", o.levels.join(", ")],
      ["Base year", String(o.baseYear)],
      ["Commune codes mapped", o.mapCommunes ? `yes (${result.communeMapping.vintage})` : "no"],
      ["SME size classes", o.smeClasses.length ? o.smeClasses.join(", ") : "none"],
      [
        "Star rating",
        `size: jobs ≥ the ${formatPercent(o.stars.sizeQuantile, 0)} quantile of the cells' jobs; specialisation: LQ ≥ ${formatDecimal(o.stars.minLq)}; focus: share of the area's jobs ≥ the ${formatPercent(o.stars.focusQuantile, 0)} quantile`,
      ],
      ["Numbers", "English conventions: 12,345 jobs, LQ 1.52, 12.5%; — marks an undefined value"],
    ]),
  );
  if (result.secret.byActivity.length > 0)
    out.push(
      "<h3>Secret cells by activity</h3>",
      sortableTable(SECRET_COLUMNS, result.secret.byActivity, { id: "secret-cells", limit: 50 }),
    );
  const m = result.communeMapping;
  if (m.mapped.length > 0)
    out.push(
      "<h3>Commune codes mapped</h3>",
      list(m.mapped.map((x) => `${x.from} → ${x.to} (${x.reason}, ${formatInteger(x.rows)} rows)`)),
    );
  if (m.unknown.length > 0)
    out.push(
      "<h3>Unknown commune codes</h3>",
      list(m.unknown.map((x) => `${x.code} (${formatInteger(x.rows)} rows)`)),
    );
  return out.join("\n");
}

/** The whole report as an HTML string (deterministic: no clock, fixed class names). */
export function diagnosticReport(input: DiagnosticReportInput): string {
  const level = levelOf(input.result, input.level);
  const activities: ActivityIndex[] = [...level.activities].sort(
    (a, b) => b.jobs - a.jobs || a.activity.localeCompare(b.activity),
  );
  const communes = [...level.communes].sort((a, b) => b.jobs - a.jobs || a.commune.localeCompare(b.commune));
  const sections: ReportSection[] = [
    {
      id: "maps",
      title: "Maps of the main specialisations",
      body: mapsSection(input, level),
    },
    { id: "trends", title: "Trends of the candidates", body: trendsSection(input, level) },
    {
      id: "candidates",
      title: "Candidate districts and SPLs",
      body:
        level.candidates.length === 0
          ? paragraph("No candidate district or SPL with these thresholds.")
          : sortableTable(CANDIDATE_COLUMNS, level.candidates, {
              id: "candidates-table",
              sortedBy: { column: 0, order: "ascending" },
            }),
    },
    {
      id: "single-plant",
      title: "Single-plant concentrations",
      body:
        level.singlePlant.length === 0
          ? paragraph("None.")
          : sortableTable(
              SINGLE_PLANT_COLUMNS,
              [...level.singlePlant].sort((a, b) => b.jobs - a.jobs),
              { id: "single-plant-table", sortedBy: { column: 4, order: "descending" } },
            ),
    },
    {
      id: "communes",
      title: "Specialisation of the communes (Krugman)",
      body: sortableTable(COMMUNE_COLUMNS, communes, {
        id: "communes-table",
        sortedBy: { column: 2, order: "descending" },
      }),
    },
    {
      id: "activities",
      title: "Concentration of the activities (Hoover, Gini, Ellison–Glaeser)",
      body: sortableTable(ACTIVITY_COLUMNS, activities, {
        id: "activities-table",
        sortedBy: { column: 2, order: "descending" },
        limit: 300,
      }),
    },
    { id: "firms", title: "Firms of each candidate", body: firmsSection(input, level) },
    { id: "method", title: "Method and notes", body: methodSection(input) },
  ];
  return htmlDocument({
    title: `Territorial diagnostic: ${input.territory}, ${input.result.options.year}`,
    subtitle: `${input.source} · ${LEVEL_NAMES[level.level]} · made by maillage diagnose`,
    summary: summarySection(input, level),
    sections,
    footer: `Made by <code>maillage diagnose</code>. Formulas: location quotient, Krugman, Hoover, locational Gini, Herfindahl and Ellison–Glaeser as in the project's DOMAIN notes §9. The tables are also written as CSV and Parquet next to this file.`,
  });
}
