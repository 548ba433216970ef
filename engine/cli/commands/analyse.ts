/**
 * `maillage analyse`: one row of metrics per actor, a graph summary and the opinion leaders, on a
 * chosen view of the network; `--compare VIEW` sets two views side by side (who leads in advice but
 * not in supply).
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { type Leader, type OpinionLeaders, opinionLeaders } from "../../analyse/leaders/opinionLeaders.ts";
import { METRIC_COLUMNS, type NodeMetrics, nodeMetrics } from "../../analyse/nodeMetrics.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import { csvTable } from "../../io/csvFormat.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { actorView, kindView, marketView, nonMarketView } from "../../model/views.ts";
import { LINK_KINDS, type LinkKind, parseLinkKind } from "../../model/vocabulary.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { note, printJson, table, UsageError } from "../output.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

interface AnalyseOptions extends SourceOptions {
  view: string;
  compare?: string;
  directed?: boolean;
  weight?: boolean;
  distance: "inverse" | "weight";
  seed: string;
  resolution: string;
  leaders: string;
  out?: string;
  columns?: string;
  json?: boolean;
}

/** A view by name: all, market, non-market, firms (firm-to-firm), or one or more link kinds (`advice+supply`). */
export function namedView(graph: NetworkGraph, name: string): NetworkGraph {
  if (name === "all") return graph;
  if (name === "market") return marketView(graph);
  if (name === "non-market") return nonMarketView(graph);
  if (name === "firms") return actorView(graph, "firm");
  const kinds = name.split("+").map((k) => parseLinkKind(k));
  if (kinds.some((k) => k === undefined)) {
    throw new UsageError(
      `unknown view "${name}": use all, market, non-market, firms, or link kinds joined by + (${LINK_KINDS.join(", ")}).`,
    );
  }
  return kindView(graph, kinds as LinkKind[]);
}

const number = (raw: string, name: string): number => {
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(`${name} must be a number, got "${raw}".`);
  return n;
};

interface ViewAnalysis {
  view: string;
  metrics: NodeMetrics;
  leaders: Leader[];
  /** The networks (connected components) with most actors and their leaders. */
  byNetwork: OpinionLeaders["byNetwork"];
  /** Per group (trade @ commune by default), the best actors in brief. */
  byGroup: Record<string, Array<Pick<Leader, "id" | "name" | "score">>>;
}

const NETWORKS_SHOWN = 5;

function analyseView(graph: NetworkGraph, view: string, options: AnalyseOptions): ViewAnalysis {
  const network = namedView(graph, view);
  const metrics = nodeMetrics(network, {
    directed: options.directed,
    weight: options.weight,
    distance: options.distance,
    seed: number(options.seed, "--seed"),
    resolution: number(options.resolution, "--resolution"),
  });
  const found = opinionLeaders(network, { limit: number(options.leaders, "--leaders") });
  return {
    view,
    metrics,
    leaders: found.leaders,
    byNetwork: found.byNetwork.slice(0, NETWORKS_SHOWN),
    byGroup: Object.fromEntries(
      Object.entries(found.byGroup).map(([g, ls]) => [
        g,
        ls.map(({ id, name, score }) => ({ id, name, score })),
      ]),
    ),
  };
}

const fixed = (v: number | null, digits = 3) => (v === null ? "—" : v.toFixed(digits));

function printAnalysis(
  source: string,
  a: ViewAnalysis,
  b: ViewAnalysis | null,
  out: string | undefined,
): void {
  const s = a.metrics.summary;
  const lines = [
    `maillage analyse: ${source}, view ${a.view}${s.directed ? ", directed" : ""}${s.weighted ? ", weighted" : ""}`,
    table([
      ["actors", s.nodes],
      ["tied pairs", s.edges],
      ["density", fixed(s.density, 4)],
      ["components (largest)", `${s.components} (${s.largestComponent})`],
      ["average clustering", fixed(s.averageClustering)],
      ["transitivity", fixed(s.transitivity)],
      ["degree centralization", fixed(s.centralization.degree)],
      ["betweenness centralization", fixed(s.centralization.betweenness)],
      ["closeness centralization", fixed(s.centralization.closeness)],
      ["communities (modularity)", `${s.communities.count} (${fixed(s.communities.modularity)})`],
    ]),
    "",
    "Opinion leaders (score = mean percentile of brokerage and hub measures, inside each network):",
  ];
  for (const l of a.leaders) {
    lines.push(
      `  ${String(l.rank).padStart(3)}. ${l.name ?? l.id} (${l.id}) ${l.role}, score ${l.score.toFixed(3)}: degree ${l.evidence.degree}, betweenness ${fixed(l.evidence.betweenness)}, constraint ${fixed(l.evidence.constraint)}`,
    );
  }
  lines.push("", `Leaders of each network (the ${NETWORKS_SHOWN} largest):`);
  for (const n of a.byNetwork) {
    lines.push(
      `  network ${n.network + 1} (${n.size} actors): ${n.leaders.map((l) => l.name ?? l.id).join(", ")}`,
    );
  }
  if (b) {
    const inB = new Set(b.leaders.map((l) => l.id));
    const inA = new Set(a.leaders.map((l) => l.id));
    lines.push("", `Compared with view ${b.view}:`);
    lines.push(
      `  lead in ${a.view} but not in ${b.view}: ${
        a.leaders
          .filter((l) => !inB.has(l.id))
          .map((l) => l.name ?? l.id)
          .join(", ") || "none"
      }`,
    );
    lines.push(
      `  lead in ${b.view} but not in ${a.view}: ${
        b.leaders
          .filter((l) => !inA.has(l.id))
          .map((l) => l.name ?? l.id)
          .join(", ") || "none"
      }`,
    );
  }
  if (out) lines.push("", `metrics of ${s.nodes} actors written to ${out}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerAnalyse(program: Command): void {
  const command = program
    .command("analyse")
    .alias("analyze")
    .description("centralities, brokerage, cores, communities and opinion leaders, one row per actor")
    .option(
      "--view <view>",
      "all | market | non-market | firms | link kinds joined by + (e.g. advice+information)",
      "all",
    )
    .option("--compare <view>", "a second view to set side by side (who leads in one but not the other)")
    .option("--directed", "read link directions (supply, membership, advice…)")
    .option(
      "--weight",
      "use the links' weights (summed over parallel links); map another column to weight with --columns",
    )
    .option(
      "--distance <how>",
      "with --weight, path length of a link: inverse (1/w) or weight (w)",
      "inverse",
    )
    .option("--seed <n>", "seed of the community detection", "0")
    .option("--resolution <r>", "Louvain resolution (> 1: smaller communities)", "1")
    .option("--leaders <n>", "how many opinion leaders to list", "10")
    .option("--out <file>", "write the per-actor metrics as CSV");
  addJsonOption(addSourceOptions(command))
    .addHelpText(
      "after",
      `
Columns of --out: id,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,constraint,
effective_size,core,community. degree is the raw count of neighbours (parallel links collapsed); the
others equal networkx's defaults on the same graph (betweenness_centrality, closeness_centrality,
harmonic_centrality, eigenvector_centrality (unit length), pagerank (alpha 0.85), constraint,
effective_size, core_number); community is a seeded Louvain partition. With --weight, weights are
strengths for strength, PageRank, eigenvector, Burt's measures and Louvain, and distances 1/w for the
path measures (--distance weight: w). A measure undefined for an actor (constraint of an isolate) is
an empty cell.

Examples:
  maillage analyse                                     the built-in rouen network
  maillage analyse --view firms --out metrics.csv      firm-to-firm links only
  maillage analyse --edges links.csv --directed --weight --json
  maillage analyse --view advice --compare supply      who leads in advice but not in supply
  maillage analyse --dataset florentine --view credit --compare kinship`,
    )
    .action((options: AnalyseOptions) => run(options));
}

async function run(options: AnalyseOptions): Promise<void> {
  if (options.distance !== "inverse" && options.distance !== "weight") {
    throw new UsageError(`--distance must be inverse or weight, got "${options.distance}".`);
  }
  const source = resolveSource(options);
  const { graph, read } = await loadSourceNetwork(source, parseColumnOverrides(options.columns));
  if (read && read.quarantine.length > 0) {
    note(`(${read.quarantine.length} input rows quarantined; run \`maillage import\` for the report)`);
  }
  const a = analyseView(graph, options.view, options);
  const b = options.compare ? analyseView(graph, options.compare, options) : null;
  if (options.out) writeFileSync(options.out, csvTable(METRIC_COLUMNS, a.metrics.rows), "utf8");
  if (options.json) {
    printJson({
      source: describeSource(source),
      view: a.view,
      summary: a.metrics.summary,
      leaders: a.leaders,
      byNetwork: a.byNetwork,
      byGroup: a.byGroup,
      compare: b
        ? {
            view: b.view,
            summary: b.metrics.summary,
            leaders: b.leaders,
            byNetwork: b.byNetwork,
            byGroup: b.byGroup,
          }
        : null,
      out: options.out ?? null,
    });
  } else printAnalysis(describeSource(source), a, b, options.out);
}
