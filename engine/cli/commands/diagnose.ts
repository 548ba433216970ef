/**
 * `maillage diagnose`: the territorial diagnostic (specialisations, concentrations, candidate
 * districts/SPLs by successive aggregation, single-plant concentrations, the firms of each candidate
 * and the network's opinion leaders among them, ranked once for the whole loaded network) and its
 * self-contained HTML report with the tables as CSV and Parquet. With no source it runs on the
 * built-in `rouen` dataset.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { type Command, Option } from "commander";
import type { Dataset } from "../../../datasets/index.ts";
import { opinionLeaders } from "../../analyse/leaders/opinionLeaders.ts";
import { classifyNetwork } from "../../classify/classify.ts";
import { networkScopes } from "../../classify/scopes.ts";
import { InputError } from "../../io/errors.ts";
import { type QuarantineRow, writeQuarantine } from "../../io/quarantine.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { diagnosticReport } from "../../report/diagnosticReport.ts";
import {
  ACTIVITY_COLUMNS,
  CANDIDATE_COLUMNS,
  type CandidateFirmRow,
  CELL_COLUMNS,
  COMMUNE_COLUMNS,
  FIRM_COLUMNS,
  SECRET_COLUMNS,
  SINGLE_PLANT_COLUMNS,
  TREND_COLUMNS,
  type TrendRow,
} from "../../report/diagnosticTables.ts";
import { writeTables } from "../../report/files.ts";
import { readCommuneFeatures } from "../../report/geo.ts";
import { candidateTrends } from "../../report/trends.ts";
import { IN_MEMORY, type Store, withStore } from "../../store/connection.ts";
import { loadNetwork } from "../../store/loadNetwork.ts";
import { all } from "../../store/sql.ts";
import { candidateFirms } from "../../territory/candidateFirms.ts";
import { candidateForms, networkFormIndex } from "../../territory/candidateForms.ts";
import { candidateLeaderRanker } from "../../territory/candidateLeaders.ts";
import { DIAGNOSTIC_DEFAULTS, territorialDiagnostic } from "../../territory/diagnostic.ts";
import { importEstablishmentFile } from "../../territory/establishmentFile.ts";
import {
  type CandidateFirms,
  type DiagnosticResult,
  type DiagnosticStep,
  NAF_LEVELS,
  type NafLevel,
} from "../../territory/types.ts";
import { builtInGeography, readAdjacency } from "../geography.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";
import { progressBar } from "../progress.ts";
import { DEFAULT_DATASET, datasetByName } from "../source.ts";

export const DEFAULT_REPORT_DIR = "./maillage-report";

interface DiagnoseOptions {
  dataset?: string;
  establishments?: string;
  db?: string;
  year?: string;
  level: NafLevel;
  minLq?: string;
  minJobs?: string;
  adjacency?: string;
  boundaries?: string;
  out: string;
  json?: boolean;
}

type DiagnoseSource =
  | { type: "dataset"; dataset: Dataset; establishments: string }
  | { type: "file"; establishments: string }
  | { type: "db"; path: string };

function resolveDiagnoseSource(o: DiagnoseOptions): DiagnoseSource {
  const given = [o.dataset && "--dataset", o.establishments && "--establishments", o.db && "--db"].filter(
    Boolean,
  );
  if (given.length > 1) throw new UsageError(`give one source, not ${given.join(" and ")}.`);
  if (o.establishments) return { type: "file", establishments: o.establishments };
  if (o.db) return { type: "db", path: o.db };
  if (!o.dataset)
    note(
      `(no source given: using the built-in "${DEFAULT_DATASET}" dataset; see --dataset, --establishments, --db)`,
    );
  const dataset = datasetByName(o.dataset ?? DEFAULT_DATASET);
  if (!dataset.files.establishments)
    throw new UsageError(
      `the dataset "${dataset.name}" has no establishment table to diagnose (try --dataset rouen).`,
    );
  return { type: "dataset", dataset, establishments: dataset.files.establishments };
}

function numberOption(name: string, raw: string | undefined, check: (n: number) => boolean, what: string) {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(",", "."));
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n))
    throw new UsageError(`${name} must be ${what} (got "${raw}").`);
  return n;
}

export interface DiagnoseSummary {
  source: string;
  territory: string;
  year: number;
  baseYear: number;
  level: NafLevel;
  thresholds: {
    minLq: number;
    minJobs: number;
    minEstablishments: number;
    minCandidateEstablishments: number;
  };
  communes: number;
  activities: number;
  jobs: number;
  establishments: number;
  reading: {
    file: string;
    read: number;
    accepted: number;
    quarantined: number;
    quarantine: string | null;
    /** Rows quarantined for a commune code the COG does not know, and those codes (never diagnosed). */
    unknownCommunes: { rows: number; codes: string[] };
  } | null;
  secret: { rows: number; secretRows: number; secretEstablishments: number; rule: string };
  candidates: {
    count: number;
    top: Array<{
      rank: number;
      activity: string;
      label: string | null;
      communes: string[];
      jobs: number;
      establishments: number;
      lqJobs: number | null;
      stars: number;
      /** The network's leaders among the candidate's firms (empty without a network). */
      leaders: Array<{ id: string; name: string | null; networkRank: number; role: string; score: number }>;
    }>;
  };
  singlePlant: {
    count: number;
    top: Array<{
      commune: string;
      name: string | null;
      activity: string;
      label: string | null;
      jobs: number;
      establishments: number;
      lqJobs: number;
    }>;
  };
  network: string | null;
  report: string;
  files: string[];
}

const STEPS: DiagnosticStep[] = ["load", "communes", "indices", "aggregation", "candidates", "done"];

/** Distinct commune codes of the whole table (all years), as written in it. */
async function tableCommunes(store: Store): Promise<string[]> {
  const rows = await all<{ commune: string }>(
    store.connection,
    "SELECT DISTINCT commune FROM establishments ORDER BY commune",
  );
  return rows.map((r) => r.commune);
}

/** Distinct communes of the whole table (all years), mapped as the diagnostic mapped them. */
async function zoneCommunes(store: Store, result: DiagnosticResult): Promise<string[]> {
  const to = new Map(result.communeMapping.mapped.map((m) => [m.from, m.to]));
  const unknown = new Set(result.communeMapping.unknown.map((u) => u.code));
  const codes = await tableCommunes(store);
  return [...new Set(codes.filter((c) => !unknown.has(c)).map((c) => to.get(c) ?? c))].sort();
}

export async function runDiagnose(options: DiagnoseOptions): Promise<DiagnoseSummary> {
  const year = numberOption(
    "--year",
    options.year,
    (n) => Number.isInteger(n) && n > 1900 && n < 2200,
    "a year such as 2022",
  );
  const minLq = numberOption("--min-lq", options.minLq, (n) => n > 0, "a positive number");
  const minJobs = numberOption(
    "--min-jobs",
    options.minJobs,
    (n) => Number.isInteger(n) && n >= 0,
    "a whole number ≥ 0",
  );
  const source = resolveDiagnoseSource(options);
  const out = resolve(options.out);
  const level = options.level;

  const dataset = source.type === "dataset" ? source.dataset : null;
  let adjacencyFile = options.adjacency ?? dataset?.files.geo?.adjacency;
  let boundariesFile = options.boundaries ?? dataset?.files.geo?.boundaries;

  const bar = progressBar(!options.json);
  const total = 5 + STEPS.length + 6;
  let done = 0;
  const step = (stage: string) => bar.update(++done, total, stage);
  try {
    return await withStore(
      source.type === "db" ? source.path : IN_MEMORY,
      async (store) => {
        let reading: DiagnoseSummary["reading"] = null;
        let quarantine: QuarantineRow[] = [];
        let unknownNote: string | null = null;
        if (source.type !== "db") {
          const imported = await importEstablishmentFile(store, source.establishments, {
            label: source.type === "dataset" ? basename(source.establishments) : source.establishments,
            onStep: (s) => step(`reading establishments: ${s}`),
          });
          quarantine = imported.quarantine;
          reading = {
            file: imported.file,
            read: imported.read,
            accepted: imported.accepted,
            quarantined: imported.quarantined,
            quarantine: null,
            unknownCommunes: { rows: imported.unknownCommuneRows, codes: imported.unknownCommunes },
          };
          // Those rows are not in the store: the diagnostic's commune mapping cannot report them.
          if (imported.unknownCommuneRows > 0)
            unknownNote = `${imported.file}: ${imported.unknownCommuneRows} ${imported.unknownCommuneRows === 1 ? "row" : "rows"} quarantined at import for a commune code not in the Code officiel géographique (@etalab/decoupage-administratif ${imported.vintage}), neither current, former nor delegated (${imported.unknownCommunes.join(", ")}); they are in no index.`;
          if (imported.accepted === 0)
            throw new InputError(
              `${source.establishments}: no usable establishment row (all ${imported.read} rows quarantined).`,
              {
                file: source.establishments,
              },
            );
        } else done += 5;

        if (!adjacencyFile || !boundariesFile) {
          // A table of the built-in zone read from a file or a store: its geography ships with the dataset.
          const builtIn = builtInGeography(await tableCommunes(store));
          if (builtIn) {
            note(
              `(commune geography not given: using the built-in ${builtIn.label}, which covers the table's communes)`,
            );
            adjacencyFile ??= builtIn.adjacency;
            boundariesFile ??= builtIn.boundaries;
          }
        }
        if (!adjacencyFile)
          note(
            "(no commune adjacency given (--adjacency): every candidate is a single commune, no aggregation)",
          );
        const adjacency = adjacencyFile ? readAdjacency(adjacencyFile) : [];
        const features = boundariesFile ? readCommuneFeatures(boundariesFile) : undefined;

        const result = await territorialDiagnostic(store, {
          year,
          levels: [level],
          adjacency,
          minLq,
          minJobs,
          onStep: (s) => step(`diagnostic: ${s}`),
        });
        if (unknownNote) result.notes.push(unknownNote);
        const lv = result.levels[0];
        step("trends");
        const trends = await candidateTrends(store, level, lv.candidates, result.communeMapping);

        step("firms");
        let graph: NetworkGraph | null = null;
        let network: string | null = null;
        if (source.type === "dataset") {
          graph = (await loadSourceNetwork({ type: "dataset", dataset: source.dataset })).graph;
          network = `the built-in ${source.dataset.name} network (${source.dataset.nature})`;
        } else if (source.type === "db") {
          graph = await loadNetwork(store);
          if (graph.order === 0) graph = null;
          else network = `the network of the store ${source.path}`;
        }
        const to = new Map(result.communeMapping.mapped.map((m) => [m.from, m.to]));
        let firms: CandidateFirms[] | undefined;
        if (graph) {
          // One opinion-leader ranking of the whole network, shared by every candidate.
          step("leaders");
          const rankLeaders = candidateLeaderRanker(opinionLeaders(graph));
          // One classification of the firm-to-firm networks, shared by every candidate.
          const classifiedGraph = graph;
          const formOf = networkFormIndex(
            networkScopes(classifiedGraph, {}).map((scope) => ({
              members: scope.members,
              classification: classifyNetwork(classifiedGraph, scope, { adjacency }),
            })),
          );
          firms = lv.candidates.map((c) => {
            const entry = candidateFirms(graph as NetworkGraph, c, {
              mapCommune: (code) => to.get(code) ?? code,
              rankLeaders,
            });
            return { ...entry, forms: candidateForms(entry.firms, formOf) };
          });
        } else done++;

        step("report");
        const territory =
          dataset?.title.split(":")[0] ??
          (source.type === "db" ? basename(source.path) : basename(source.establishments));
        const sourceText =
          source.type === "dataset"
            ? `built-in dataset ${source.dataset.name}`
            : source.type === "db"
              ? `store ${source.path}`
              : source.establishments;
        const html = diagnosticReport({
          result,
          level,
          territory,
          source: sourceText,
          features,
          zone: await zoneCommunes(store, result),
          trends,
          firms,
          network: network ?? undefined,
        });
        mkdirSync(out, { recursive: true });
        const reportPath = join(out, "report.html");
        writeFileSync(reportPath, html, "utf8");

        step("tables");
        const candidateIds = new Map(lv.candidates.map((c) => [c.id, c]));
        const trendRows: TrendRow[] = trends.flatMap((t) =>
          t.points.map((p) => ({ ...p, candidate: t.candidateId })),
        );
        const firmRows: CandidateFirmRow[] = (firms ?? []).flatMap((f) => {
          const leaders = new Map((f.leaders ?? []).map((l) => [l.id, l]));
          return f.firms.map((firm) => ({
            ...firm,
            candidate: f.candidateId,
            activity: candidateIds.get(f.candidateId)?.activity ?? "",
            leader: leaders.get(firm.id) ?? null,
          }));
        });
        const files = await writeTables(
          out,
          [
            { name: "candidates", columns: CANDIDATE_COLUMNS, rows: lv.candidates },
            { name: "single_plant", columns: SINGLE_PLANT_COLUMNS, rows: lv.singlePlant },
            { name: "communes", columns: COMMUNE_COLUMNS, rows: lv.communes },
            { name: "activities", columns: ACTIVITY_COLUMNS, rows: lv.activities },
            { name: "cells", columns: CELL_COLUMNS, rows: lv.cells },
            { name: "trends", columns: TREND_COLUMNS, rows: trendRows },
            { name: "candidate_firms", columns: FIRM_COLUMNS, rows: firmRows },
            { name: "secret_cells", columns: SECRET_COLUMNS, rows: result.secret.byActivity },
          ],
          { parquet: true },
        );
        if (reading && quarantine.length > 0) {
          const path = join(out, "quarantine.csv");
          writeQuarantine(path, quarantine);
          reading.quarantine = path;
          files.push(path);
        }
        step("done");
        const o = result.options;
        const firmsOf = new Map((firms ?? []).map((f) => [f.candidateId, f]));
        const leadersOf = (id: string) => {
          const entry = firmsOf.get(id);
          const names = new Map(entry?.firms.map((f) => [f.id, f.name]));
          return (entry?.leaders ?? []).map((l) => ({
            id: l.id,
            name: names.get(l.id) ?? null,
            networkRank: l.networkRank,
            role: l.role,
            score: l.score,
          }));
        };
        return {
          source: sourceText,
          territory,
          year: o.year,
          baseYear: o.baseYear,
          level,
          thresholds: {
            minLq: o.minLq,
            minJobs: o.minJobs,
            minEstablishments: o.minEstablishments,
            minCandidateEstablishments: o.minCandidateEstablishments,
          },
          communes: result.totals.communes,
          activities: lv.activities.length,
          jobs: result.totals.jobs,
          establishments: result.totals.establishments,
          reading,
          secret: {
            rows: result.secret.rows,
            secretRows: result.secret.secretRows,
            secretEstablishments: result.secret.secretEstablishments,
            rule: result.secret.rule,
          },
          candidates: {
            count: lv.candidates.length,
            top: lv.candidates.slice(0, 10).map((c) => ({
              rank: c.rank,
              activity: c.activity,
              label: c.label,
              communes: c.communes.map((code, i) => c.communeNames[i] ?? code),
              jobs: c.jobs,
              establishments: c.establishments,
              lqJobs: c.lqJobs,
              stars: c.stars.stars,
              leaders: leadersOf(c.id),
            })),
          },
          singlePlant: {
            count: lv.singlePlant.length,
            top: [...lv.singlePlant]
              .sort((a, b) => b.jobs - a.jobs)
              .slice(0, 10)
              .map((s) => ({
                commune: s.commune,
                name: s.communeName,
                activity: s.activity,
                label: s.label,
                jobs: s.jobs,
                establishments: s.establishments,
                lqJobs: s.lqJobs,
              })),
          },
          network,
          report: reportPath,
          files,
        };
      },
      { readOnly: source.type === "db" },
    );
  } finally {
    bar.stop();
  }
}

const fmt = (n: number | null, digits = 0) =>
  n === null
    ? "—"
    : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printSummary(s: DiagnoseSummary): void {
  const lines = [
    `maillage diagnose: ${s.territory}, ${s.year} (${s.source}, NAF ${s.level})`,
    `  ${fmt(s.communes)} communes, ${fmt(s.activities)} activities, ${fmt(s.jobs)} jobs, ${fmt(s.establishments)} establishments`,
    `  secret cells: ${fmt(s.secret.secretRows)} of ${fmt(s.secret.rows)} rows (establishments published, jobs blank: counted as 0)`,
  ];
  if (s.reading)
    lines.push(
      `  ${s.reading.file}: read ${fmt(s.reading.read)} = accepted ${fmt(s.reading.accepted)} + quarantined ${fmt(s.reading.quarantined)}${s.reading.quarantine ? ` (see ${s.reading.quarantine})` : ""}`,
    );
  if (s.reading && s.reading.unknownCommunes.rows > 0)
    lines.push(
      `  of which ${fmt(s.reading.unknownCommunes.rows)} for a commune code not in the COG: ${s.reading.unknownCommunes.codes.join(", ")}`,
    );
  lines.push("", `Candidate districts/SPLs: ${fmt(s.candidates.count)} (top ${s.candidates.top.length})`);
  for (const c of s.candidates.top) {
    const places =
      c.communes.length > 3
        ? `${c.communes.slice(0, 3).join(", ")} +${c.communes.length - 3}`
        : c.communes.join(", ");
    lines.push(
      `  ${String(c.rank).padStart(3)}. ${c.activity} ${c.label ?? ""} — ${places}: ${fmt(c.jobs)} jobs, LQ ${fmt(c.lqJobs, 2)} ${"★".repeat(c.stars)}`,
    );
    if (c.leaders.length > 0)
      lines.push(
        `       leaders: ${c.leaders.map((l) => `${l.name ?? l.id} (#${l.networkRank}, ${l.role})`).join(", ")}`,
      );
  }
  lines.push(
    "",
    `Single-plant concentrations: ${fmt(s.singlePlant.count)} (largest ${s.singlePlant.top.length})`,
  );
  for (const p of s.singlePlant.top)
    lines.push(
      `  ${p.activity} ${p.label ?? ""} — ${p.name ?? p.commune}: ${fmt(p.jobs)} jobs in ${p.establishments}, LQ ${fmt(p.lqJobs, 1)}`,
    );
  lines.push(
    "",
    `Report: ${s.report}`,
    `Tables: ${s.files.length} files (CSV and Parquet) in ${resolve(s.report, "..")}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerDiagnose(program: Command): void {
  const command = program
    .command("diagnose")
    .description(
      "territorial diagnostic: specialisations, concentrations, candidate districts/SPLs, single-plant concentrations, HTML report",
    )
    .option("--dataset <name>", `a built-in dataset with an establishment table (default ${DEFAULT_DATASET})`)
    .option(
      "--establishments <file>",
      "an establishment table: the URSSAF commune x APE layout or commune,naf,year,establishments,jobs[,size_class]",
    )
    .option(
      "--db <file>",
      "a maillage store with establishments (and a network for the firms of each candidate)",
    )
    .option("--year <year>", "year of the diagnostic (default: the latest in the table)")
    .addOption(
      new Option("--level <level>", "NAF level of the activities")
        .choices([...NAF_LEVELS])
        .default("subclass"),
    )
    .option(
      "--min-lq <lq>",
      `seed cell: location quotient of jobs at least this (default ${DIAGNOSTIC_DEFAULTS.minLq})`,
    )
    .option("--min-jobs <n>", `seed cell: at least this many jobs (default ${DIAGNOSTIC_DEFAULTS.minJobs})`)
    .option("--adjacency <file>", "contiguous communes, CSV code_a,code_b (default: the dataset's)")
    .option(
      "--boundaries <file>",
      "commune boundaries, GeoJSON with properties.code (default: the dataset's)",
    )
    .option("--out <dir>", "folder for report.html and the tables", DEFAULT_REPORT_DIR)
    .addHelpText(
      "after",
      `
Writes DIR/report.html (self-contained: open it in any browser, offline) and the tables as CSV and
Parquet: candidates, single_plant, communes, activities, cells, trends, candidate_firms, secret_cells
(and quarantine.csv when rows of the input were quarantined).

Defaults: a seed cell has LQ >= 1.5, >= 50 jobs and >= 3 establishments; a candidate district/SPL
has >= 5 establishments of its activity; cells with LQ >= 1.5 and >= 50 jobs in 1 or 2
establishments are single-plant concentrations (a possible pivot firm).

Examples:
  maillage diagnose                                  the built-in rouen data, report in ./maillage-report/
  maillage diagnose --year 2015 --level division --out rouen-2015
  maillage diagnose --min-lq 2 --min-jobs 100        stricter seeds
  maillage diagnose --establishments urssaf.csv --adjacency adjacency.csv --boundaries communes.geojson
  maillage diagnose --db maillage.duckdb             a store written by maillage import
  maillage diagnose --json                           the summary as JSON (for scripts)`,
    );
  addJsonOption(command).action(async (options: DiagnoseOptions) => {
    const summary = await runDiagnose(options);
    if (options.json) printJson(summary);
    else printSummary(summary);
  });
}
