/**
 * `maillage networks report`: every registered network's piloting indicators at the as-of date (and
 * by year), the registry-wide comparison, overlaps, bridge firms, redundant networks, suggested
 * inter-network meetings, and the territory's coverage gaps (the territorial diagnostic's candidates
 * and commune × activity concentrations that no network serves), as an HTML dashboard with its tables
 * as CSV. Sources: a built-in dataset (default rouen), a store (`--db`), or files (`--nodes/--edges`
 * with `--registry FILE...` and optionally `--establishments`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Command } from "commander";
import { membersOf } from "../../analyse/structure/networkBridges.ts";
import { typology } from "../../classify/typology.ts";
import { writeQuarantine } from "../../io/quarantine.ts";
import { parseDate } from "../../model/dates.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import type { Link } from "../../model/types.ts";
import { type NetworkOfNetworks, networkOfNetworks } from "../../networks/networkOfNetworks.ts";
import { readRegistryFiles } from "../../networks/readRegistry.ts";
import type { NetworkType, Registry } from "../../networks/types.ts";
import { writeTables } from "../../report/files.ts";
import { type CommuneFeature, readCommuneFeatures } from "../../report/geo.ts";
import { networkRows, networksReport } from "../../report/networksReport.ts";
import {
  bridgeColumns,
  CANDIDATE_COVERAGE_COLUMNS,
  communeGapColumns,
  meetingColumns,
  NETWORK_COLUMNS,
  overlapColumns,
  PARTICIPATION_COLUMNS,
  redundantColumns,
  SERIES_COLUMNS,
} from "../../report/networksTables.ts";
import { IN_MEMORY, type Store, withStore } from "../../store/connection.ts";
import { type EstablishmentRow, loadEstablishments } from "../../store/loadEstablishments.ts";
import { loadRegistry } from "../../store/registryStore.ts";
import { all } from "../../store/sql.ts";
import { territorialDiagnostic } from "../../territory/diagnostic.ts";
import { importEstablishmentFile } from "../../territory/establishmentFile.ts";
import type { AdjacencyPair, Candidate, NafLevel } from "../../territory/types.ts";
import { NAF_LEVELS } from "../../territory/types.ts";
import { builtInGeography, readAdjacency } from "../geography.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";
import { progressBar } from "../progress.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

export const DEFAULT_NETWORKS_REPORT_DIR = "./maillage-networks";

interface NetworksReportOptions extends SourceOptions {
  registry?: string[];
  establishments?: string;
  adjacency?: string;
  boundaries?: string;
  asOf?: string;
  months: string;
  level: NafLevel;
  out: string;
  json?: boolean;
}

/** What the typology of a network's members says, beside the type the registry gives. */
export interface NetworkTypology {
  network: string;
  registryType: NetworkType | null;
  typology: string;
  /** Why the grid does not place it (too few members…), null when it does. */
  reason: string | null;
  missing: string[];
}

export interface NetworksReportSummary {
  source: string;
  asOf: string;
  networks: number;
  result: NetworkOfNetworks;
  typologies: NetworkTypology[];
  registryQuarantine: { rows: number; file: string | null };
  report: string;
  files: string[];
}

/** Registered networks placed by the typology: the Defélix types that are also registry types. */
const TYPOLOGY_TYPES: Record<string, NetworkType> = {
  SPL: "spl",
  cluster: "cluster",
  "pôle de compétitivité": "pole",
};

/** Add the registry files' new actors and membership links to an in-memory graph. */
function addToGraph(graph: NetworkGraph, actors: readonly { id: string }[], memberships: readonly Link[]) {
  for (const a of actors) if (!graph.hasNode(a.id)) graph.addNode(a.id, a as never);
  for (const l of memberships) {
    if (!graph.hasNode(l.source) || !graph.hasNode(l.target)) continue;
    if (l.directed) graph.addDirectedEdge(l.source, l.target, { ...l });
    else graph.addUndirectedEdge(l.source, l.target, { ...l });
  }
}

/** The establishment rows and the diagnostic's candidates of a store holding an establishment table. */
async function territoryOf(
  store: Store,
  level: NafLevel,
  adjacency: readonly AdjacencyPair[],
  step: (s: string) => void,
): Promise<{ rows: EstablishmentRow[]; candidates: Candidate[] } | null> {
  const [{ n }] = await all<{ n: number }>(
    store.connection,
    "SELECT count(*)::INTEGER AS n FROM establishments",
  );
  if (n === 0) return null;
  const result = await territorialDiagnostic(store, {
    levels: [level],
    adjacency,
    onStep: (s) => step(`diagnostic: ${s}`),
  });
  return { rows: await loadEstablishments(store), candidates: result.levels[0].candidates };
}

export async function runNetworksReport(options: NetworksReportOptions): Promise<NetworksReportSummary> {
  const months = Number(options.months);
  if (!Number.isInteger(months) || months < 1)
    throw new UsageError(`--months must be a whole number ≥ 1 (got "${options.months}").`);
  if (!NAF_LEVELS.includes(options.level))
    throw new UsageError(`--level must be one of ${NAF_LEVELS.join(", ")} (got "${options.level}").`);
  if (options.registry?.length && !options.edges)
    throw new UsageError(
      "--registry reads files beside --nodes/--edges; with --dataset or --db the registry comes from there.",
    );
  if (options.asOf !== undefined && parseDate(options.asOf) === undefined)
    throw new UsageError(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD).`);
  const asOf = options.asOf === undefined ? null : (parseDate(options.asOf) as string);
  const source = resolveSource(options);
  if (source.type === "files" && !options.registry?.length)
    throw new UsageError("with --nodes/--edges, give the registry files with --registry FILE...");
  if (source.type === "dataset" && !source.dataset.files.registry)
    throw new UsageError(
      `the dataset "${source.dataset.name}" has no registry of networks (try --dataset rouen).`,
    );

  const bar = progressBar(!options.json);
  let done = 0;
  const total = 8;
  const step = (stage: string) => bar.update(Math.min(++done, total), total, stage);
  try {
    step("network");
    const { graph } = await loadSourceNetwork(source);
    step("registry");
    let registry: Registry;
    let quarantineRows = 0;
    let quarantineFile: string | null = null;
    if (source.type === "db") {
      registry = await withStore(source.path, (store) => loadRegistry(store), { readOnly: true });
    } else {
      const files =
        source.type === "dataset"
          ? [
              source.dataset.files.registry?.networks,
              source.dataset.files.registry?.members,
              source.dataset.files.registry?.actions,
            ].filter((f): f is string => !!f)
          : (options.registry ?? []);
      const read = readRegistryFiles(files, { actors: new Set(graph.nodes()) });
      addToGraph(graph, read.actors, read.memberships);
      registry = read.registry;
      quarantineRows = read.quarantine.length;
      if (quarantineRows > 0) {
        mkdirSync(options.out, { recursive: true });
        quarantineFile = join(options.out, "quarantine.csv");
        writeQuarantine(quarantineFile, read.quarantine);
      }
    }
    if (registry.networks.length === 0)
      throw new UsageError(
        source.type === "db"
          ? `the store ${source.path} holds no registry: import one with \`maillage networks import FILE... --db ${source.path}\`.`
          : "the registry files hold no network.",
      );

    step("establishments");
    const dataset = source.type === "dataset" ? source.dataset : null;
    const establishmentsFile = options.establishments ?? dataset?.files.establishments;
    let adjacencyFile = options.adjacency ?? dataset?.files.geo?.adjacency;
    let boundariesFile = options.boundaries ?? dataset?.files.geo?.boundaries;
    const territory = await withStore(
      source.type === "db" && !establishmentsFile ? source.path : IN_MEMORY,
      async (store) => {
        if (establishmentsFile)
          await importEstablishmentFile(store, establishmentsFile, { label: basename(establishmentsFile) });
        if (!adjacencyFile || !boundariesFile) {
          const codes = await all<{ commune: string }>(
            store.connection,
            "SELECT DISTINCT commune FROM establishments ORDER BY commune",
          );
          const builtIn = builtInGeography(codes.map((c) => c.commune));
          if (builtIn) {
            adjacencyFile ??= builtIn.adjacency;
            boundariesFile ??= builtIn.boundaries;
          }
        }
        return territoryOf(store, options.level, adjacencyFile ? readAdjacency(adjacencyFile) : [], step);
      },
    );
    if (!territory)
      note("(no establishment table: reach and coverage gaps are left out; see --establishments)");

    step("indicators");
    const result = networkOfNetworks(registry, graph, {
      asOf,
      months,
      establishments: territory?.rows ?? null,
      candidates: territory?.candidates ?? null,
    });

    // The registry's type stays (the chamber knows what it set up); the members' typology is reported beside
    // it, and places the networks the registry leaves untyped.
    const typologies: NetworkTypology[] = registry.networks.map((n) => {
      const t = graph.hasNode(n.id)
        ? typology(graph, membersOf(graph, n.id, { at: result.asOf }), { organisation: n.id })
        : { type: "undetermined", missing: ["actor"] };
      return {
        network: n.id,
        registryType: n.type,
        typology: t.type,
        reason: "reason" in t ? t.reason : null,
        missing: t.missing,
      };
    });
    const networks = registry.networks.map((n, i) => {
      const placed = TYPOLOGY_TYPES[typologies[i].typology];
      return n.type === null && placed ? { ...n, type: placed, typeSource: "typology" as const } : n;
    });

    step("report");
    const features: CommuneFeature[] | null = boundariesFile ? readCommuneFeatures(boundariesFile) : null;
    const names = new Map((features ?? []).map((f) => [f.properties.code, f.properties.nom ?? null]));
    const zone = new Set(
      territory ? territory.rows.map((r) => r.commune) : networks.flatMap((n) => n.territory),
    );
    const html = networksReport({
      result,
      networks,
      source: describeSource(source),
      features,
      zone,
      communeName: (code) => names.get(code) ?? null,
      typologies: new Map(
        typologies.map((t) => [t.network, { type: t.typology, reason: t.reason, missing: t.missing }]),
      ),
    });
    mkdirSync(options.out, { recursive: true });
    const report = join(options.out, "report.html");
    writeFileSync(report, html, "utf8");

    step("tables");
    const networkNames = new Map(networks.map((n) => [n.id, n.name ?? n.id]));
    const rows = networkRows(result, networks);
    const files = await writeTables(options.out, [
      { name: "networks", columns: NETWORK_COLUMNS, rows },
      {
        name: "series",
        columns: SERIES_COLUMNS,
        rows: result.series.flatMap((s) => s.points.map((p) => ({ ...p, network: s.network }))),
      },
      {
        name: "participations",
        columns: PARTICIPATION_COLUMNS,
        rows: result.indicators.flatMap((p) => {
          const carriers = new Set(p.concentration.carriers.map((c) => c.id));
          return p.concentration.participations.map((m) => ({
            ...m,
            network: p.network,
            carrier: carriers.has(m.id),
          }));
        }),
      },
      { name: "overlap", columns: overlapColumns(networkNames), rows: result.overlap },
      { name: "bridges", columns: bridgeColumns(networkNames), rows: result.bridges },
      { name: "redundant", columns: redundantColumns(networkNames), rows: result.redundant },
      { name: "meetings", columns: meetingColumns(networkNames), rows: result.meetings },
      {
        name: "candidate_coverage",
        columns: CANDIDATE_COVERAGE_COLUMNS,
        rows: result.coverage.candidates ?? [],
      },
      {
        name: "commune_gaps",
        columns: communeGapColumns((code) => names.get(code) ?? null),
        rows: result.coverage.communes?.gaps ?? [],
      },
    ]);
    step("done");
    return {
      source: describeSource(source),
      asOf: result.asOf,
      networks: networks.length,
      result,
      typologies,
      registryQuarantine: { rows: quarantineRows, file: quarantineFile },
      report,
      files: [report, ...files],
    };
  } finally {
    bar.stop();
  }
}

function printHuman(s: NetworksReportSummary): void {
  const r = s.result;
  const names = new Map(r.networks.map((n) => [n.id, n.name ?? n.id]));
  const pct = (v: number | null) => (v === null ? "—" : `${(100 * v).toFixed(0)} %`);
  const out = [`Network of networks — ${s.source}, as of ${s.asOf} (${s.networks} networks)`, ""];
  out.push(
    "  network                                          members  joins  leaves  active  density  reach  actions",
  );
  for (const p of r.indicators)
    out.push(
      `  ${(names.get(p.network) ?? p.network).slice(0, 47).padEnd(47)} ${String(p.members).padStart(8)} ${String(p.joins).padStart(6)} ${String(p.leaves).padStart(7)} ${pct(p.activeShare.value).padStart(7)} ${(p.density.value === null ? "—" : p.density.value.toFixed(3)).padStart(8)} ${pct(p.reach.value).padStart(6)} ${String(p.actions).padStart(8)}`,
    );
  out.push("");
  out.push(`  bridge firms (in ≥ 2 networks): ${r.bridges.length}`);
  for (const p of r.redundant)
    out.push(
      `  redundant: ${names.get(p.a)} + ${names.get(p.b)} (members Jaccard ${p.memberJaccard.toFixed(2)})`,
    );
  for (const m of r.meetings.slice(0, 3))
    out.push(`  should meet: ${names.get(m.a)} + ${names.get(m.b)} (score ${m.score.toFixed(3)})`);
  if (r.coverage.uncovered)
    out.push(
      `  candidate districts without a network: ${r.coverage.uncovered.length} of ${r.coverage.candidates?.length ?? 0}${
        r.coverage.uncovered[0]
          ? ` (first: #${r.coverage.uncovered[0].rank} ${r.coverage.uncovered[0].activity} ${r.coverage.uncovered[0].label ?? ""})`
          : ""
      }`,
    );
  if (r.coverage.communes) out.push(`  commune × activity gaps: ${r.coverage.communes.gaps.length}`);
  if (s.registryQuarantine.rows > 0)
    out.push(`  registry rows quarantined: ${s.registryQuarantine.rows} (${s.registryQuarantine.file})`);
  out.push(
    "",
    `  report: ${resolve(s.report)}`,
    `  tables: ${s.files.length - 1} CSV files in ${resolve(join(s.report, ".."))}`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

export function addNetworksReportCommand(parent: Command): void {
  const command = addSourceOptions(
    parent
      .command("report")
      .description(
        "indicators of every registered network, overlaps, redundancies and coverage gaps: HTML dashboard + CSV",
      ),
  )
    .option("--registry <files...>", "registry files (networks, members, actions) beside --nodes/--edges")
    .option("--establishments <file>", "URSSAF commune × APE table for reach and coverage gaps")
    .option("--adjacency <file>", "commune adjacency (code_a,code_b) for the candidate districts")
    .option("--boundaries <file>", "commune boundaries (GeoJSON) for the maps")
    .option("--as-of <date>", "the date indicators are computed at (default: the latest date in the data)")
    .option("--months <n>", "length of the activity window in months", "12")
    .option("--level <level>", `NAF level of the candidate districts (${NAF_LEVELS.join(", ")})`, "subclass")
    .option("--out <dir>", "where report.html and the CSV tables go", DEFAULT_NETWORKS_REPORT_DIR)
    .addHelpText(
      "after",
      `
For every network of the registry, at the as-of date (window: the last --months months):
  members, joins, leaves, net growth; active members (took part in an action or formed a tie with
  another member); density and new ties among members; members tied to other networks; reach (members
  of the network's activities in its territory / establishments of those activities there); who carries
  it (Gini of participations, share of the top 20 %, carriers); actions; its rank among the registry's
  networks. Between networks: shared members (Jaccard), bridge firms, redundant pairs (same activities
  and territory, membership Jaccard ≥ 0.3), suggested inter-network meetings (complementary along the
  territory's value chains, not tied). Coverage: candidate districts of the territorial diagnostic and
  commune × activity concentrations that no network serves, on maps.

Examples:
  maillage networks report                           the built-in rouen registry → ./maillage-networks/
  maillage networks report --as-of 2023-12-31 --months 6
  maillage networks report --db cci.duckdb --out pilotage/
  maillage networks report --nodes actors.csv --edges links.csv --registry reseaux.csv actions.csv \\
      --establishments urssaf.csv
  maillage networks report --json | jq '.result.redundant'`,
    );
  addJsonOption(command).action(async (options: NetworksReportOptions) => {
    const summary = await runNetworksReport(options);
    if (options.json) printJson(summary);
    else printHuman(summary);
  });
}
