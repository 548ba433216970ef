/** Options shared by the commands, declared once so every command reads its source the same way. */
import { type Command, Option } from "commander";
import { DATASET_NAMES } from "../../datasets/index.ts";

export const DEFAULT_DB = "./maillage.duckdb";

/** `--dataset`, `--db`, `--nodes/--edges`, `--columns`: where the network comes from. */
export function addSourceOptions(command: Command): Command {
  return command
    .addOption(new Option("--dataset <name>", `a built-in dataset (${DATASET_NAMES.join(", ")})`))
    .option("--db <file>", "a maillage store (DuckDB file) written by `maillage import`")
    .option("--nodes <file>", "actors file (CSV or Parquet); optional with --edges")
    .option("--edges <file>", "links file (CSV or Parquet), or a graph file (.json, .gexf, .graphml)")
    .option("--columns <mapping>", 'header mapping for files, e.g. "raison sociale=name,siret=id"');
}

export function addJsonOption(command: Command): Command {
  return command.option("--json", "print one JSON document on stdout (for scripts)");
}
