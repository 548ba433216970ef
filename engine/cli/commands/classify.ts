/**
 * `maillage classify`: for each network of the chosen scope, the pivot firms with their evidence, the
 * organisational-form score (firme-réseau −1 … +1 réseau de firmes) with every indicator's value,
 * contribution and weight, and the Defélix typology. On a built-in dataset with geography the commune
 * adjacency is read for territorial concentration; `--adjacency FILE` gives one for other sources.
 */
import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { classify, type NetworkClassification } from "../../classify/classify.ts";
import { DEFAULT_WEIGHTS } from "../../classify/formScore.ts";
import { INDICATORS, type IndicatorName } from "../../classify/indicators.ts";
import { SCOPES, type Scope } from "../../classify/scopes.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import { InputError } from "../../io/errors.ts";
import { type LinkKind, parseLinkKind } from "../../model/vocabulary.ts";
import { parseAdjacencyCsv } from "../../territory/adjacency.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { note, printJson, UsageError } from "../output.ts";
import { describeSource, resolveSource, type SourceOptions } from "../source.ts";

interface ClassifyCliOptions extends SourceOptions {
  scope: Scope;
  directed?: boolean;
  kinds?: string;
  projection?: boolean;
  adjacency?: string;
  recognised?: "yes" | "no";
  weights?: string;
  threshold: string;
  minSize: string;
  pivots: string;
  seed: string;
  columns?: string;
  json?: boolean;
}

const positive = (raw: string, name: string, integer = false): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(`${name} must be a ${integer ? "whole " : ""}number ≥ 0, got "${raw}".`);
  return n;
};

/** `name=w,name=w` → weights; unknown names are a usage error. */
function parseWeights(raw: string | undefined): Partial<Record<IndicatorName, number>> {
  if (!raw) return {};
  const out: Partial<Record<IndicatorName, number>> = {};
  for (const part of raw.split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    if (!(INDICATORS as readonly string[]).includes(name))
      throw new UsageError(`unknown indicator "${name}" in --weights: use ${INDICATORS.join(", ")}.`);
    out[name as IndicatorName] = positive(value ?? "", `--weights ${name}`);
  }
  return out;
}

function parseKinds(raw: string | undefined): LinkKind[] | undefined {
  if (!raw) return undefined;
  return raw.split(/[+,]/).map((k) => {
    const kind = parseLinkKind(k);
    if (kind === undefined) throw new UsageError(`unknown link kind "${k}" in --kinds.`);
    return kind;
  });
}

const fmt = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));

function printHuman(networks: NetworkClassification[]): void {
  const lines: string[] = [];
  const header = ["network", "actors", "links", "score", "label", "top pivot", "pivot score", "typology"];
  const rows = networks.map((n) => [
    n.id,
    String(n.size),
    String(n.links),
    fmt(n.score),
    n.label,
    n.pivots[0] ? (n.pivots[0].name ?? n.pivots[0].id) : "—",
    n.pivots[0] ? fmt(n.pivots[0].score) : "—",
    n.typology.type + (n.typology.missing.length > 0 ? ` (missing ${n.typology.missing.join(", ")})` : ""),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  lines.push(line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line));
  const first = networks[0];
  if (first) {
    lines.push("", `Indicators of ${first.id} (contribution: −1 firme-réseau … +1 réseau de firmes):`);
    for (const name of INDICATORS) {
      const i = first.indicators[name];
      lines.push(
        `  ${name.padEnd(26)} value ${fmt(i.value, 3).padStart(7)}  contribution ${fmt(i.contribution).padStart(5)}  weight ${i.weight}${i.missing ? `  (missing: ${i.missing})` : ""}`,
      );
    }
    lines.push(
      `  label thresholds: firme-réseau ≤ ${first.thresholds.firmeReseau}, réseau de firmes ≥ ${first.thresholds.reseauDeFirmes}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerClassify(program: Command): void {
  const command = program
    .command("classify")
    .description(
      "organisational form of each network: pivot firms, firme-réseau (−1) … réseau de firmes (+1) score with its indicators, district / SPL / cluster / pôle typology",
    )
    .addOption(
      new Option(
        "--scope <scope>",
        "networks to classify: components of the firm-to-firm view, Louvain communities, members of each association, or the whole graph",
      )
        .choices([...SCOPES])
        .default("component"),
    )
    .option("--directed", "read directed links as directed for betweenness")
    .option("--kinds <kinds>", "keep only links of these kinds, joined by + (e.g. credit)")
    .option("--projection", "classify the membership projection (members tied by shared organisations)")
    .option(
      "--adjacency <file>",
      "commune adjacency CSV (code_a,code_b); default: the dataset's own, else same commune only",
    )
    .addOption(
      new Option(
        "--recognised <yes|no>",
        "state whether a public authority recognises the collaboration",
      ).choices(["yes", "no"]),
    )
    .option(
      "--weights <list>",
      `indicator weights, e.g. "clustering=2,size_mix=0" (defaults: ${Object.entries(DEFAULT_WEIGHTS)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")})`,
    )
    .option("--threshold <t>", "half-width of the mixed band around 0", "0.2")
    .option("--min-size <n>", "smallest component or community classified", "3")
    .option("--pivots <n>", "pivots listed per network", "5")
    .option("--seed <n>", "seed of the community detection (scope community)", "1");
  addSourceOptions(command);
  addJsonOption(command);
  command.action(async (options: ClassifyCliOptions) => {
    const source = resolveSource(options);
    const weights = parseWeights(options.weights);
    const kinds = parseKinds(options.kinds);
    const threshold = positive(options.threshold, "--threshold");
    const minSize = positive(options.minSize, "--min-size", true);
    const pivots = positive(options.pivots, "--pivots", true);
    const seed = positive(options.seed, "--seed", true);
    const adjacencyFile =
      options.adjacency ?? (source.type === "dataset" ? source.dataset.files.geo?.adjacency : undefined);
    let adjacency = null;
    if (adjacencyFile !== undefined) {
      let text: string;
      try {
        text = readFileSync(adjacencyFile, "utf8");
      } catch {
        throw new InputError(`${adjacencyFile}: cannot read the adjacency file`, { file: adjacencyFile });
      }
      adjacency = parseAdjacencyCsv(text, adjacencyFile);
    }
    if (!options.json) note(`classifying ${describeSource(source)}`);
    const { graph } = await loadSourceNetwork(source, parseColumnOverrides(options.columns));
    const networks = classify(graph, {
      scope: options.scope,
      directed: options.directed ?? false,
      kinds,
      projection: options.projection ?? false,
      adjacency,
      recognised: options.recognised === undefined ? undefined : options.recognised === "yes",
      weights,
      threshold,
      minSize,
      pivots,
      seed,
    });
    if (options.json) printJson({ networks });
    else if (networks.length === 0) note("no network to classify (no component of the chosen size).");
    else printHuman(networks);
  });
}
