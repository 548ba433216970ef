/**
 * `maillage contacts members ORGANISATION`: the animator's view of a member network — members whose
 * activity is dropping and those who left, pairs of members who should meet, size against a
 * selectivity threshold and growth. Registered under `maillage contacts` by `contacts.ts`.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { type MemberNetworkReview, memberNetworkReview } from "../../contacts/members/memberNetwork.ts";
import { DEFAULT_MAX_MEMBERS } from "../../contacts/members/selectivity.ts";
import { InputError } from "../../io/errors.ts";
import { parseDate } from "../../model/dates.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { parseAdjacencyCsv } from "../../territory/adjacency.ts";
import { loadSourceNetwork } from "../network.ts";
import { addJsonOption, addSourceOptions } from "../options.ts";
import { printJson, UsageError } from "../output.ts";
import { describeSource, resolveSource } from "../source.ts";

interface MembersOptions {
  dataset?: string;
  db?: string;
  nodes?: string;
  edges?: string;
  columns?: string;
  asOf?: string;
  months?: string;
  ratio?: string;
  maxMembers?: string;
  years?: string;
  adjacency?: string;
  complementary?: string;
  pairs?: string;
  json?: boolean;
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

/** "29-22,49-52" → division pairs. */
function parseComplementary(raw: string | undefined): [string, string][] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(",").map((item) => {
    const m = /^\s*(\d{2})\s*[-:/]\s*(\d{2})\s*$/.exec(item);
    if (!m) throw new UsageError(`--complementary: "${item}" is not a pair of NAF divisions like 29-22.`);
    return [m[1], m[2]];
  });
}

function readAdjacency(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as Error).message}).`, { file });
  }
  return parseAdjacencyCsv(text, file);
}

function printMembers(source: string, r: MemberNetworkReview, pairLimit: number, graph: NetworkGraph): void {
  // Firm names help the animator; they are organisations, not persons.
  const who = (id: string) => {
    const name = graph.getNodeAttribute(id, "name");
    return name ? `${id} ${name}` : id;
  };
  const o = r.organisation;
  const s = r.selectivity;
  const out = [
    `member network of ${o.name ?? o.id} (${o.id}, ${o.subtype ?? o.kind}), ${source}, as of ${r.asOf}`,
    `size: ${s.verdict}`,
    `  year  joined  left  members at year end`,
    ...s.growth.map(
      (g) =>
        `  ${g.year}  ${String(g.joined).padStart(6)}  ${String(g.left).padStart(4)}  ${String(g.members).padStart(7)}`,
    ),
    `members whose activity is dropping (${r.dropping.length}; links active in the last ${r.rules.activity.months} months < ${r.rules.activity.ratio} x the ${r.rules.activity.months} before):`,
    ...r.dropping.map((d) => `  ${who(d.id)}  ${d.kind.padEnd(9)} ${d.reason}`),
    `members who left in the last ${r.rules.activity.months} months (${r.left.length}):`,
    ...r.left.map((l) => `  ${who(l.id)}  left ${l.left}${l.since ? `, member since ${l.since}` : ""}`),
    `pairs of members who should meet (${r.pairs.length}${pairLimit > 0 && r.pairs.length > pairLimit ? `, best ${pairLimit}` : ""}; same or complementary activity, same or adjacent commune, no tie yet):`,
    ...(pairLimit > 0 ? r.pairs.slice(0, pairLimit) : r.pairs).map(
      (p) => `  ${who(p.a)} + ${who(p.b)}  score ${Number(p.score.toFixed(3))}  ${p.reason}`,
    ),
  ];
  if (r.counts.withoutNafOrCommune > 0)
    out.push(`(${r.counts.withoutNafOrCommune} members without NAF code or commune cannot be paired)`);
  process.stdout.write(`${out.join("\n")}\n`);
}

export function addMembersCommand(contacts: Command): void {
  const command = addSourceOptions(
    contacts
      .command("members")
      .description(
        "animator's view of a member network: dropping members, pairs who should meet, size and growth",
      )
      .argument("<organisation>", "the organisation's actor id or name (club, grappe, association…)"),
  )
    .option("--as-of <date>", "review date (default: the latest link date in the data, never the clock)")
    .option("--months <n>", "length of the activity windows in months (default 12)")
    .option("--ratio <r>", "dropping when last window < r x previous window (default 0.5)")
    .option("--max-members <n>", `selectivity threshold (default ${DEFAULT_MAX_MEMBERS}, a convention)`)
    .option("--years <n>", "years of growth listed (default 5)")
    .option("--adjacency <file>", "commune adjacency CSV code_a,code_b (default: the dataset's, if any)")
    .option("--complementary <pairs>", 'extra complementary NAF divisions, e.g. "29-22,49-52"')
    .option("--pairs <n>", "pairs printed (default 20; 0 for all; --json gives all)")
    .addHelpText(
      "after",
      `
Examples:
  maillage contacts members org-grappe-transport-seine-sud
  maillage contacts members org-zone-rive-gauche --max-members 80 --json
  maillage contacts members club-1 --nodes actors.csv --edges links.csv --adjacency adjacency.csv`,
    );
  addJsonOption(command).action(async (organisation: string, options: MembersOptions) => {
    let asOf: string | undefined;
    if (options.asOf !== undefined) {
      asOf = parseDate(options.asOf);
      if (!asOf) throw new UsageError(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD).`);
    }
    const ratio = options.ratio === undefined ? undefined : Number(options.ratio);
    if (ratio !== undefined && !(Number.isFinite(ratio) && ratio > 0 && ratio <= 1))
      throw new UsageError(`--ratio must be a number in (0, 1], not "${options.ratio}".`);
    const months = integer("--months", options.months, 1, 120);
    const maxMembers = integer("--max-members", options.maxMembers, 1, 1e9);
    const years = integer("--years", options.years, 0, 200);
    const pairLimit = integer("--pairs", options.pairs, 0, 1e9) ?? 20;
    const complementary = parseComplementary(options.complementary);
    const source = resolveSource(options);
    const adjacencyFile =
      options.adjacency ?? (source.type === "dataset" ? source.dataset.files.geo?.adjacency : undefined);
    const adjacency = adjacencyFile ? readAdjacency(adjacencyFile) : undefined;
    const { graph } = await loadSourceNetwork(source);
    const review = memberNetworkReview(graph, organisation, {
      asOf,
      months,
      activity: ratio === undefined ? undefined : { ratio },
      adjacency,
      complementary,
      maxMembers,
      years,
    });
    const sourceText = describeSource(source);
    if (options.json) printJson({ source: sourceText, adjacency: adjacencyFile ?? null, ...review });
    else printMembers(sourceText, review, pairLimit, graph);
  });
}
