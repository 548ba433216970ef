/**
 * `maillage import`: read actors and links (and establishment tables) and write them into the store
 * in one transaction each; re-importing the same files changes nothing. The rows that could not be
 * accepted go to `quarantine.csv` next to the store. An establishment table's commune codes are checked
 * against the COG vintage the diagnostic maps to (`territory/establishmentFile.ts`), so a store never
 * holds a commune the COG does not know.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { NetworkSummary } from "../../io/assemble.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import type { QuarantineRow } from "../../io/quarantine.ts";
import { writeQuarantine } from "../../io/quarantine.ts";
import { withStore } from "../../store/connection.ts";
import { type EstablishmentImport, importEstablishments } from "../../store/establishments.ts";
import { importNetwork, type NetworkImportCounts } from "../../store/importNetwork.ts";
import { importRegistryFiles, type RegistryFilesImport } from "../../store/registryStore.ts";
import { cogCommuneCheck } from "../../territory/establishmentFile.ts";
import { readFilesWithProgress } from "../network.ts";
import { addJsonOption, DEFAULT_DB } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";
import { progressBar } from "../progress.ts";
import { datasetByName } from "../source.ts";

interface ImportOptions {
  db: string;
  dataset?: string;
  establishments?: string;
  columns?: string;
  json?: boolean;
}

export interface ImportReport {
  store: string;
  network: { reading: NetworkSummary; stored: NetworkImportCounts } | null;
  establishments: EstablishmentImport | null;
  /** The dataset's registry of business networks, when it has one. */
  registry: { files: RegistryFilesImport["read"]["files"]; stored: RegistryFilesImport["stored"] } | null;
  quarantine: { file: string; rows: number };
  seconds: number;
}

export async function runImport(files: string[], options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  let nodes: string | undefined;
  let edges: string | undefined;
  let establishments = options.establishments;
  let registryFiles: string[] = [];
  if (options.dataset) {
    if (files.length > 0) throw new UsageError("give either --dataset or files to import, not both.");
    const dataset = datasetByName(options.dataset);
    nodes = dataset.files.actors;
    edges = dataset.files.links;
    establishments ??= dataset.files.establishments;
    registryFiles = datasetRegistryFiles(dataset.files);
  } else if (files.length === 2) [nodes, edges] = files;
  else if (files.length === 1) edges = files[0];
  else if (files.length > 2) throw new UsageError("give at most two files: ACTORS LINKS (or LINKS alone).");
  if (!edges && !establishments)
    throw new UsageError(
      "nothing to import: give ACTORS LINKS, LINKS, --establishments FILE or --dataset NAME.",
    );

  const quarantine: QuarantineRow[] = [];
  const report = await withStore(options.db, async (store) => {
    let network: ImportReport["network"] = null;
    if (edges) {
      const read = await readFilesWithProgress(nodes, edges, parseColumnOverrides(options.columns));
      quarantine.push(...read.quarantine);
      const bar = progressBar();
      const steps = ["actors", "links", "log"];
      const stored = await importNetwork(store, {
        onStep: (step) => bar.update(steps.indexOf(step) + 1, steps.length, `storing ${step}`),
        actors: read.actors,
        links: read.links,
        files: [nodes, edges].filter((f): f is string => !!f),
        read: (read.summary.actors?.read ?? 0) + read.summary.links.read,
        quarantined: read.quarantine.length,
      });
      bar.stop();
      network = { reading: read.summary, stored };
    }
    let table: EstablishmentImport | null = null;
    if (establishments) {
      const bar = progressBar();
      const steps = ["read", "check", "unpivot", "write", "log"];
      table = await importEstablishments(store, establishments, {
        ...cogCommuneCheck(),
        onStep: (step) => bar.update(steps.indexOf(step) + 1, steps.length, `establishments: ${step}`),
      });
      bar.stop();
      quarantine.push(...table.quarantine);
    }
    let registry: ImportReport["registry"] = null;
    if (registryFiles.length > 0) {
      // After the network: members and participants must be actors of the store.
      const imported = await importRegistryFiles(store, registryFiles);
      quarantine.push(...imported.read.quarantine);
      registry = { files: imported.read.files, stored: imported.stored };
    }
    return { network, establishments: table, registry };
  });
  const quarantineFile = join(dirname(resolve(options.db)), "quarantine.csv");
  writeQuarantine(quarantineFile, quarantine);
  return {
    store: options.db,
    ...report,
    quarantine: { file: quarantineFile, rows: quarantine.length },
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/**
 * The registry files of a built-in dataset that are present: none without its networks file (members
 * and actions would only refer to unknown networks).
 */
function datasetRegistryFiles(files: {
  registry?: { networks: string; actions: string; members?: string };
}): string[] {
  const registry = files.registry;
  if (!registry || !existsSync(registry.networks)) return [];
  return [registry.networks, registry.members, registry.actions].filter(
    (f): f is string => !!f && existsSync(f),
  );
}

function printImport(r: ImportReport): void {
  const out = [`maillage import → ${r.store} (${r.seconds} s)`];
  if (r.network) {
    const { reading, stored } = r.network;
    if (reading.actors) {
      const a = reading.actors;
      out.push(`  actors  ${a.file}: read ${a.read} = accepted ${a.accepted} + quarantined ${a.quarantined}`);
    }
    if (reading.createdActors > 0)
      out.push(`  actors  ${reading.createdActors} created from link ends (no actors file)`);
    const l = reading.links;
    out.push(`  links   ${l.file}: read ${l.read} = accepted ${l.accepted} + quarantined ${l.quarantined}`);
    for (const [what, c] of [
      ["actors", stored.actors],
      ["links", stored.links],
    ] as const) {
      out.push(`  stored ${what}: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged`);
    }
  }
  if (r.establishments) {
    const e = r.establishments;
    out.push(
      `  establishments ${e.file}: read ${e.read} = accepted ${e.accepted} + quarantined ${e.quarantined} (${e.layout} layout, ${e.rowsWritten} commune x activity x year rows)`,
    );
  }
  if (r.registry) {
    for (const f of r.registry.files)
      out.push(
        `  registry ${f.kind} ${f.file}: read ${f.read} = accepted ${f.accepted} + quarantined ${f.quarantined}`,
      );
    const s = r.registry.stored;
    out.push(
      `  stored registry: networks ${s.networks.inserted} new, members ${s.memberships.inserted} new, actions ${s.actions.inserted} new (${s.networks.unchanged + s.memberships.unchanged + s.actions.unchanged} unchanged)`,
    );
  }
  out.push(
    r.quarantine.rows > 0
      ? `  quarantine: ${r.quarantine.rows} rows in ${r.quarantine.file}`
      : `  quarantine: none (${r.quarantine.file} is empty)`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

export function registerImport(program: Command): void {
  const command = program
    .command("import")
    .description("read actors and links (or an establishment table) into a store")
    .argument(
      "[files...]",
      "ACTORS LINKS, or LINKS alone (a plain edge list or a .json/.gexf/.graphml graph)",
    )
    .option("--db <file>", "the store to write", DEFAULT_DB)
    .option("--dataset <name>", "import a built-in dataset (its network and establishment table)")
    .option(
      "--establishments <file>",
      "an establishment table: URSSAF commune x APE (wide) or commune,naf,year,establishments,jobs (long)",
    )
    .option("--columns <mapping>", 'header mapping, e.g. "raison sociale=name,siret=id"')
    .addHelpText(
      "after",
      `
Rows that cannot be accepted (unknown kind, link to an unknown actor, bad number or date, duplicate id
with other fields, a commune code the Code officiel géographique does not know…) are written to quarantine.csv next to the store with file, line, field, value and
reason; the summary always says read = accepted + quarantined. Importing the same files twice changes
nothing (actors are keyed by id, links by source, target, kind and start).

Examples:
  maillage import actors.csv links.csv                  into ./maillage.duckdb
  maillage import liens.csv --db reseau.duckdb          a links file alone
  maillage import graph.gexf
  maillage import --establishments urssaf.csv
  maillage import --dataset rouen --db rouen.duckdb
  maillage import acteurs.csv liens.csv --columns "raison sociale=name" --json`,
    );
  addJsonOption(command).action(async (files: string[], options: ImportOptions) => {
    const report = await runImport(files, options);
    if (options.json) printJson(report);
    else printImport(report);
    if (report.quarantine.rows > 0 && !options.json)
      note(`(${report.quarantine.rows} rows quarantined: see ${report.quarantine.file})`);
  });
}
