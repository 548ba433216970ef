/** `maillage export`: write a network (or one of its views) as GEXF, GraphML, JSON, CSV or Parquet. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Command, Option } from "commander";
import { vizHtml } from "../../../viz/exportHtml.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import { networkToGexf, networkToGraphml, networkToJson } from "../../io/graphFormats.ts";
import { pseudonymiseNetwork } from "../../io/pseudonymise.ts";
import { writeQuarantine } from "../../io/quarantine.ts";
import { writeNetworkTables } from "../../io/tables.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { actorView, marketView, nonMarketView } from "../../model/views.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

const FORMATS = ["gexf", "graphml", "json", "csv", "parquet", "html"] as const;
type Format = (typeof FORMATS)[number];
const VIEWS = ["all", "market", "non-market", "firms"] as const;
type View = (typeof VIEWS)[number];

interface ExportOptions extends SourceOptions {
  format: Format;
  out: string;
  view: View;
  pseudonymise?: boolean;
  columns?: string;
  json?: boolean;
}

function viewOf(graph: NetworkGraph, view: View): NetworkGraph {
  if (view === "market") return marketView(graph);
  if (view === "non-market") return nonMarketView(graph);
  if (view === "firms") return actorView(graph, "firm");
  return graph;
}

export async function runExport(options: ExportOptions) {
  const source = resolveSource(options);
  let key: string | undefined;
  if (options.pseudonymise) {
    key = process.env.MAILLAGE_PSEUDONYM_KEY;
    if (!key)
      throw new UsageError(
        "--pseudonymise needs a secret key in the environment variable MAILLAGE_PSEUDONYM_KEY.",
      );
  }
  const { graph, read } = await loadSourceNetwork(source, parseColumnOverrides(options.columns));
  let view = viewOf(graph, options.view);
  if (key) view = pseudonymiseNetwork(view, { key });
  const out = resolve(options.out);
  let written: string[];
  if (options.format === "csv" || options.format === "parquet")
    written = await writeNetworkTables(view, out, options.format);
  else {
    const text =
      options.format === "html"
        ? await vizHtml(view, {
            title: "maillage",
            source: describeSource(source),
          })
        : options.format === "gexf"
          ? networkToGexf(view)
          : options.format === "graphml"
            ? networkToGraphml(view)
            : networkToJson(view);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text, "utf8");
    written = [out];
  }
  let quarantine: string | null = null;
  if (read && read.quarantine.length > 0) {
    const folder = options.format === "csv" || options.format === "parquet" ? out : dirname(out);
    quarantine = join(folder, "quarantine.csv");
    writeQuarantine(quarantine, read.quarantine);
  }
  return {
    source: describeSource(source),
    view: options.view,
    format: options.format,
    pseudonymised: !!key,
    actors: view.order,
    links: view.size,
    written,
    quarantine: quarantine ? { file: quarantine, rows: read?.quarantine.length ?? 0 } : null,
  };
}

export function registerExport(program: Command): void {
  const command = program
    .command("export")
    .description(
      "write a network or a view of it as GEXF, GraphML, JSON, CSV, Parquet or a self-contained HTML page",
    )
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).makeOptionMandatory())
    .requiredOption(
      "--out <path>",
      "output file (gexf, graphml, json, html) or folder (csv, parquet: actors + links)",
    )
    .addOption(new Option("--view <view>", "which links").choices(VIEWS).default("all"))
    .option(
      "--pseudonymise",
      "replace ids and names of persons by keyed hashes (key in MAILLAGE_PSEUDONYM_KEY)",
    )
    .addHelpText(
      "after",
      `
Examples:
  maillage export --format gexf --out rouen.gexf                 open it in Gephi
  maillage export --dataset florentine --format graphml --out florentine.graphml
  maillage export --db maillage.duckdb --format parquet --out tables/
  maillage export --format csv --view market --out market/
  MAILLAGE_PSEUDONYM_KEY=secret maillage export --format json --out net.json --pseudonymise`,
    );
  addJsonOption(addSourceOptions(command)).action(async (options: ExportOptions) => {
    const report = await runExport(options);
    if (options.json) printJson(report);
    else {
      process.stdout.write(
        `maillage export: ${report.source}, view ${report.view}: ${report.actors} actors, ${report.links} links\n${report.written.map((w) => `  wrote ${w}`).join("\n")}\n`,
      );
      if (report.quarantine)
        note(`(${report.quarantine.rows} input rows quarantined: see ${report.quarantine.file})`);
    }
  });
}
