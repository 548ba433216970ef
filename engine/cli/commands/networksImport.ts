/**
 * `maillage networks import FILE...`: read the registry of business networks (networks, members and
 * actions files) into the store in one transaction. Each file's role is told by its header or forced
 * with `--kind`; networks files are read first, then members, then actions, so later files may name the
 * networks of earlier ones. Rows that cannot be accepted go to `quarantine.csv` next to the store.
 */
import { dirname, join, resolve } from "node:path";
import { type Command, Option } from "commander";
import { parseColumnOverrides } from "../../io/columns.ts";
import { writeQuarantine } from "../../io/quarantine.ts";
import type { RegistryFileSummary } from "../../networks/readRegistry.ts";
import { REGISTRY_FILE_KINDS, type RegistryFileKind } from "../../networks/registryColumns.ts";
import { withStore } from "../../store/connection.ts";
import { importRegistryFiles, type RegistryImportCounts } from "../../store/registryStore.ts";
import { addJsonOption, DEFAULT_DB } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";

interface NetworksImportOptions {
  db: string;
  kind?: RegistryFileKind;
  columns?: string;
  json?: boolean;
}

export interface NetworksImportReport {
  store: string;
  files: RegistryFileSummary[];
  /** Rows of each table: new (added), updated, unchanged; actors created for registered networks. */
  stored: RegistryImportCounts;
  quarantine: { file: string; rows: number };
  seconds: number;
}

export async function runNetworksImport(
  files: string[],
  options: NetworksImportOptions,
): Promise<NetworksImportReport> {
  const started = performance.now();
  if (files.length === 0)
    throw new UsageError("give the registry files to import (networks, members and/or actions CSV).");
  const columns = parseColumnOverrides(options.columns);
  const { read, stored } = await withStore(options.db, (store) =>
    importRegistryFiles(store, files, { kind: options.kind, columns }),
  );
  const quarantineFile = join(dirname(resolve(options.db)), "quarantine.csv");
  writeQuarantine(quarantineFile, read.quarantine);
  return {
    store: options.db,
    files: read.files,
    stored,
    quarantine: { file: quarantineFile, rows: read.quarantine.length },
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

function printNetworksImport(r: NetworksImportReport): void {
  const out = [`maillage networks import → ${r.store} (${r.seconds} s)`];
  for (const f of r.files) {
    out.push(
      `  ${f.kind.padEnd(8)} ${f.file}: read ${f.read} = accepted ${f.accepted} + quarantined ${f.quarantined}`,
    );
    if (f.ignored.length > 0)
      out.push(`           columns not read: ${f.ignored.map((h) => `"${h}"`).join(", ")}`);
  }
  const s = r.stored;
  for (const [what, c] of [
    ["networks", s.networks],
    ["members", s.memberships],
    ["actions", s.actions],
  ] as const) {
    out.push(`  ${what.padEnd(8)} ${c.inserted} added, ${c.updated} updated, ${c.unchanged} unchanged`);
  }
  out.push(`  actors   ${s.actors.inserted} created for registered networks that were not actors yet`);
  out.push(
    r.quarantine.rows > 0
      ? `  quarantine: ${r.quarantine.rows} rows in ${r.quarantine.file}`
      : `  quarantine: none (${r.quarantine.file} is empty)`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

export function addNetworksImportCommand(parent: Command): void {
  const command = parent
    .command("import")
    .description("read registry files (networks, members, actions) into a store")
    .argument("<files...>", "networks, members and/or actions CSV files, in any order")
    .option("--db <file>", "the store to write", DEFAULT_DB)
    .addOption(
      new Option(
        "--kind <kind>",
        "force the role of every file instead of telling it from its header",
      ).choices(REGISTRY_FILE_KINDS),
    )
    .option("--columns <mapping>", 'header mapping, e.g. "nom du reseau=name,code=id"')
    .addHelpText(
      "after",
      `
Three files, CSV with ; or , (UTF-8 or Latin-1), French or English headers; lists inside a cell are
separated by | :
  networks  id, name, type, territory, activities, animator, founded, ended [, commune, public_label]
            (identifiant, nom, nature, territoire, activites|naf, animateur, creation, fin)
            territory: INSEE commune codes and/or EPCI SIREN codes (expanded to their communes);
            type: club, zone_association, grappe, spl, cluster, pole, virtual, cooperative, gie,
            association, chamber (blank: left to the typology); activities: NAF codes at any level.
  members   member, network, start, end [, source_ref]   (membre|adherent, reseau, adhesion, depart)
            stored as membership links member -> network (the same links as the links file).
  actions   [id,] network, date, kind, title, participants, attendance
            (reseau, date, nature, intitule, participants, presents); kind: meeting, visit, training,
            event, project, platform, inter_network (reunion, visite, formation, evenement, projet,
            plateforme, inter_reseaux); several networks (a joint action) separated by |.

A registered network that is not an actor yet becomes one (kind chamber, association or network_org).
Members and participants must be actors of the store (import the actors first: maillage import).
Rows that cannot be accepted (member of an unknown network, leave date before the join date, network
without territory, unknown code, participant or kind…) go to quarantine.csv next to the store with file,
line, field, value and reason; each file's summary says read = accepted + quarantined. Importing the
same files twice changes nothing.

Examples:
  maillage import actors.csv links.csv
  maillage networks import reseaux.csv adherents.csv actions.csv
  maillage networks import registre.csv --db cci.duckdb
  maillage networks import export.csv --kind members --json
  maillage networks import reseaux.csv --columns "nom du reseau=name"`,
    );
  addJsonOption(command).action(async (files: string[], options: NetworksImportOptions) => {
    const report = await runNetworksImport(files, options);
    if (options.json) printJson(report);
    else printNetworksImport(report);
    if (report.quarantine.rows > 0 && !options.json)
      note(`(${report.quarantine.rows} rows quarantined: see ${report.quarantine.file})`);
  });
}
