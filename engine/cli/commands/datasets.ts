/** `maillage datasets`: the built-in datasets, what is real and what is synthetic, and their files. */
import { existsSync, statSync } from "node:fs";
import { relative } from "node:path";
import type { Command } from "commander";
import { DATASETS, datasetComplete } from "../../../datasets/index.ts";
import { addJsonOption } from "../options.ts";
import { printJson } from "../output.ts";

function listing() {
  return DATASETS.map((d) => {
    const files: Array<[string, string]> = [];
    for (const [role, value] of Object.entries(d.files) as Array<[string, string | Record<string, string>]>) {
      if (typeof value === "string") files.push([role, value]);
      else for (const [r, p] of Object.entries(value)) files.push([`${role}.${r}`, p]);
    }
    return {
      name: d.name,
      title: d.title,
      nature: d.nature,
      complete: datasetComplete(d),
      files: files.map(([role, path]) => ({
        role,
        path: relative(process.cwd(), path),
        bytes: existsSync(path) ? statSync(path).size : null,
      })),
    };
  });
}

export function registerDatasets(program: Command): void {
  const command = program
    .command("datasets")
    .description(
      "list the built-in datasets (use one with --dataset NAME; load one into a store with `maillage import --dataset NAME`)",
    )
    .addHelpText(
      "after",
      `
Examples:
  maillage datasets
  maillage info --dataset florentine
  maillage import --dataset rouen --db rouen.duckdb`,
    );
  addJsonOption(command).action((options: { json?: boolean }) => {
    const list = listing();
    if (options.json) return printJson(list);
    const out: string[] = [];
    for (const d of list) {
      out.push(
        `${d.name}${d.complete ? "" : " (incomplete: some files are missing)"}`,
        `  ${d.title}`,
        `  ${d.nature}`,
      );
      for (const f of d.files)
        out.push(
          `    ${f.role.padEnd(22)} ${f.path}${f.bytes === null ? " (missing)" : ` (${(f.bytes / 1024).toFixed(0)} kB)`}`,
        );
    }
    process.stdout.write(`${out.join("\n")}\n`);
  });
}
