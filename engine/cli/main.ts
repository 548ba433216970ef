/**
 * The `maillage` command line: one small file per command under `commands/`; this file assembles them
 * and turns errors into exit codes (0 done, 1 bad input, 2 usage) without stack traces for user mistakes.
 */
import { Command } from "commander";
import { registerAnalyse } from "./commands/analyse.ts";
import { registerClassify } from "./commands/classify.ts";
import { registerContacts } from "./commands/contacts.ts";
import { registerDatasets } from "./commands/datasets.ts";
import { registerDiagnose } from "./commands/diagnose.ts";
import { registerExport } from "./commands/export.ts";
import { registerImport } from "./commands/import.ts";
import { registerInfo } from "./commands/info.ts";
import { registerNetworks } from "./commands/networks.ts";
import { registerServe } from "./commands/serve.ts";
import { reportError } from "./output.ts";

export function buildProgram(): Command {
  const program = new Command("maillage")
    .description(
      "Inter-firm relationship networks and territories: market and non-market links, brokers, pivots, districts.",
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage and examples)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();
  registerInfo(program);
  registerImport(program);
  registerExport(program);
  registerAnalyse(program);
  registerClassify(program);
  registerDatasets(program);
  registerContacts(program);
  registerDiagnose(program);
  registerNetworks(program);
  registerServe(program);
  program.addHelpText(
    "after",
    `
Sources: every command that reads a network takes --dataset NAME (built-in: rouen, florentine,
norway-h2020), --db FILE (a store) or --nodes/--edges FILES; with none, the rouen dataset.

Examples:
  maillage info                                   what the built-in rouen dataset holds
  maillage import actors.csv links.csv            read your files into ./maillage.duckdb
  maillage info --db maillage.duckdb --json
  maillage export --format gexf --out rouen.gexf  open the network in Gephi
  maillage diagnose                               territorial diagnostic → ./maillage-report/report.html
  maillage networks report                        the registry of business networks → ./maillage-networks/
  maillage datasets`,
  );
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    const e = error as { code?: string; exitCode?: number };
    if (
      e?.code === "commander.helpDisplayed" ||
      e?.code === "commander.version" ||
      e?.code === "commander.help"
    )
      return 0;
    return reportError(error);
  }
}
