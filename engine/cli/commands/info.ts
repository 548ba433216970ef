/**
 * `maillage info`: what a network holds — actors by kind, links by category and kind, establishments,
 * the registry of business networks, quarantine.
 */
import type { Command } from "commander";
import type { NetworkSummary } from "../../io/assemble.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import type { QuarantineRow } from "../../io/quarantine.ts";
import { type NetworkCounts, networkCounts } from "../../model/counts.ts";
import { readRegistryFiles } from "../../networks/readRegistry.ts";
import { type RegistrySummary, registrySummary } from "../../networks/registrySummary.ts";
import type { Registry } from "../../networks/types.ts";
import { IN_MEMORY, withStore } from "../../store/connection.ts";
import { type StoreSummary, storeSummary } from "../../store/queries.ts";
import { loadRegistry } from "../../store/registryStore.ts";
import { importEstablishmentFile } from "../../territory/establishmentFile.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { printJson, table } from "../output.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

interface InfoOptions extends SourceOptions {
  json?: boolean;
  columns?: string;
}

export interface InfoReport {
  source: string;
  nature: string | null;
  network: NetworkCounts;
  reading: NetworkSummary | null;
  quarantine: { rows: number; reasons: Record<string, number>; first: QuarantineRow[] };
  establishments: StoreSummary["establishments"] | null;
  /** The registry of business networks, when the source has one. */
  registry: RegistrySummary | null;
  imports: StoreSummary["imports"];
}

/** Reasons counted by their stable first words, so the summary groups "no actor with this id" rows. */
function reasonCounts(rows: readonly QuarantineRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.field}: ${row.reason
      .replace(/line \d+/g, "line N")
      .replace(/\(".*"\)/g, "")
      .trim()}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export async function infoReport(options: InfoOptions): Promise<InfoReport> {
  const source = resolveSource(options);
  const { graph, read } = await loadSourceNetwork(source, parseColumnOverrides(options.columns));
  let summary: StoreSummary | null = null;
  if (source.type === "db")
    summary = await withStore(source.path, (store) => storeSummary(store), { readOnly: true });
  else if (source.type === "dataset" && source.dataset.files.establishments) {
    const file = source.dataset.files.establishments;
    summary = await withStore(IN_MEMORY, async (store) => {
      await importEstablishmentFile(store, file);
      return storeSummary(store);
    });
  }
  let registry: Registry | null = null;
  if (source.type === "db") registry = await withStore(source.path, loadRegistry, { readOnly: true });
  else if (source.type === "dataset" && source.dataset.files.registry) {
    const { networks, members, actions } = source.dataset.files.registry;
    const files = [networks, members, actions].filter((f): f is string => !!f);
    registry = readRegistryFiles(files, { actors: new Set(graph.nodes()) }).registry;
  }
  const quarantine = read?.quarantine ?? [];
  return {
    source: describeSource(source),
    nature: source.type === "dataset" ? source.dataset.nature : null,
    network: networkCounts(graph),
    reading: read?.summary ?? null,
    quarantine: {
      rows: quarantine.length,
      reasons: reasonCounts(quarantine),
      first: quarantine.slice(0, 10),
    },
    establishments: summary?.establishments ?? null,
    registry: registry && registry.networks.length > 0 ? registrySummary(registry, graph) : null,
    imports: source.type === "db" ? (summary?.imports ?? []) : [],
  };
}

function printInfo(r: InfoReport): void {
  const out: string[] = [`maillage info: ${r.source}`];
  if (r.nature) out.push(`  (${r.nature})`);
  out.push(
    "",
    `Actors: ${r.network.actors.toLocaleString("en-US")}`,
    table(Object.entries(r.network.actorsByKind)),
  );
  out.push(
    "",
    `Links: ${r.network.links.toLocaleString("en-US")} (${r.network.directedLinks.toLocaleString("en-US")} directed)`,
  );
  out.push("  by category", table(Object.entries(r.network.linksByCategory), "    "));
  out.push("  by kind", table(Object.entries(r.network.linksByKind), "    "));
  if (r.reading) {
    const { actors, links, createdActors } = r.reading;
    out.push("", "Reading");
    if (actors)
      out.push(
        `  ${actors.file}: read ${actors.read} = accepted ${actors.accepted} + quarantined ${actors.quarantined}`,
      );
    out.push(
      `  ${links.file}: read ${links.read} = accepted ${links.accepted} + quarantined ${links.quarantined}`,
    );
    if (createdActors > 0) out.push(`  ${createdActors} actors created from link ends (no actors file)`);
    const ignored = [...(actors?.ignoredColumns ?? []), ...links.ignoredColumns];
    if (ignored.length > 0) out.push(`  columns not used: ${ignored.join(", ")}`);
  }
  if (r.quarantine.rows > 0) {
    out.push(
      "",
      `Quarantine: ${r.quarantine.rows} rows (run \`maillage import\` to write them to quarantine.csv)`,
    );
    out.push(table(Object.entries(r.quarantine.reasons)));
  }
  if (r.establishments) {
    const e = r.establishments;
    out.push("", "Establishments (commune x activity x year)");
    out.push(
      table([
        ["rows", e.rows],
        ["years", e.years.length ? `${e.years[0]}–${e.years[e.years.length - 1]}` : "none"],
        ["communes", e.communes],
        ["activities (NAF sub-classes)", e.activities],
        [`establishments ${e.latestYear ?? ""}`.trim(), e.latestEstablishments],
        [`jobs ${e.latestYear ?? ""}`.trim(), e.latestJobs],
        ["secret cells (establishments published, jobs blank)", e.secretCells],
      ]),
    );
  }
  if (r.registry) {
    const g = r.registry;
    out.push("", "Registry of business networks");
    out.push(
      table([
        ["networks", g.networks],
        ...Object.entries(g.networksByType).map(([type, n]) => [`  ${type}`, n] as const),
        ["memberships (membership links to them)", g.memberships],
        [
          "actions",
          g.actionDates ? `${g.actions} (${g.actionDates.first} – ${g.actionDates.last})` : String(g.actions),
        ],
        ...Object.entries(g.actionsByKind).map(([kind, n]) => [`  ${kind}`, n] as const),
      ]),
    );
  }
  if (r.imports.length > 0) {
    out.push("", "Last imports");
    for (const i of r.imports)
      out.push(
        `  ${i.kind} ${i.files}: read ${i.read}, accepted ${i.accepted}, quarantined ${i.quarantined}`,
      );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

export function registerInfo(program: Command): void {
  const command = program
    .command("info")
    .description(
      "what a network holds: actors by kind, links by category and kind, establishments, quarantine",
    )
    .addHelpText(
      "after",
      `
Examples:
  maillage info                                  the built-in rouen dataset
  maillage info --dataset florentine
  maillage info --db maillage.duckdb --json
  maillage info --nodes actors.csv --edges links.csv
  maillage info --edges edges.csv                a plain edge list (source,target[,weight])`,
    );
  addJsonOption(addSourceOptions(command)).action(async (options: InfoOptions) => {
    const report = await infoReport(options);
    if (options.json) printJson(report);
    else printInfo(report);
  });
}
