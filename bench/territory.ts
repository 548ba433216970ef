/**
 * Territorial diagnostic benchmark: a seeded national-size establishment table in the URSSAF wide
 * layout (35,000 real commune codes × 700 real NAF sub-classes, sparse, ≈1.2 M rows, 2006–2022, so
 * ≈16 M long rows after unpivoting; blanks and a few secret cells), with a synthetic adjacency (the
 * communes on a grid in code order, 4-neighbour). Times the store import, then the diagnostic
 * (indices in DuckDB, aggregation in JS) at the sub-class level and at all five levels, and the same
 * sub-class index computations in pandas (python peer, `territory_peer.py`) for a ratio.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/territory.ts [communes=35000] [activities=700] [rows=1200000] [all]
 *
 * `all` also times the diagnostic at all five NAF levels; MAILLAGE_BENCH_NO_PEER=1 skips the python peer.
 * `diagnostic_subclass_cpu_seconds` (JS + DuckDB threads) compares runs when the machine is loaded.
 *
 * Measured on the 2-core dev machine (2026-11-26, 1,169,200 wide rows → 16.0 M long rows, 1,019,070
 * sub-class cells, 94,380 candidates; load average ≈ 2): import 12.3 s; diagnostic 9.2 s wall,
 * 13.2 s CPU (indices 4.5 s, aggregation 3.8 s, the rest 0.9 s) — under the 10 s target; pandas
 * computes the same sub-class indices in 3.8 s (+ 1.0 s read), ratio maillage/pandas 1.26 on the
 * indices. Before the 2026-11-26 tuning (same table, load ≈ 1–2): diagnostic 16.7 s (indices
 * 10.7 s, aggregation 4.7 s), ratio 2.99; interleaved A/B runs on one store: 10.7–11.1 s before,
 * 8.6–8.9 s after, byte-identical results. The gains: cell indices read column by column into
 * their records with integer columns cast to DOUBLE (no per-row objects, no HUGEINT → bigint
 * conversion), level sums kept as BIGINT, the star quantiles sorted in typed arrays, per-activity
 * maps built only for activities with seeds, no object per comparison in the growth loop.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng } from "../engine/random/prng.ts";
import { closeStore, importEstablishments, openStore } from "../engine/store/index.ts";
import { type AdjacencyPair, type NafLevel, territorialDiagnostic } from "../engine/territory/index.ts";

const communeCount = Number(process.argv[2] ?? 35_000);
const activityCount = Number(process.argv[3] ?? 700);
const targetRows = Number(process.argv[4] ?? 1_200_000);
const allLevels = process.argv[5] === "all";
const skipPeer = process.env.MAILLAGE_BENCH_NO_PEER === "1";
const YEARS = Array.from({ length: 17 }, (_, i) => 2006 + i);
const rng = createRng("bench/territory");

const require = createRequire(import.meta.url);
const cog = JSON.parse(
  readFileSync(require.resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8"),
) as { code: string; type: string }[];
const communes = cog
  .filter((c) => c.type === "commune-actuelle")
  .map((c) => c.code)
  .sort()
  .slice(0, communeCount);
const naf = (require("@socialgouv/codes-naf/index.json") as { id: string }[])
  .map((e) => e.id)
  .filter((id) => /^\d{2}\.\d{2}[A-Z]$/.test(id))
  .sort()
  .slice(0, activityCount);

// Commune sizes and activity popularity are Zipf-like, so a few communes carry many activities.
const communeWeight = communes.map((_, i) => 1 / (1 + ((i * 7919) % communes.length)) ** 0.8);
const activityWeight = naf.map((_, i) => 1 / (1 + ((i * 104729) % naf.length)) ** 0.7);
const communeTotal = communeWeight.reduce((s, w) => s + w, 0);
const activityCdf: number[] = [];
let acc = 0;
for (const w of activityWeight) {
  acc += w;
  activityCdf.push(acc);
}
const pickActivity = (): number => {
  const u = rng() * acc;
  let lo = 0;
  let hi = activityCdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (activityCdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const dir = mkdtempSync(join(tmpdir(), "maillage-bench-territory-"));
const file = join(dir, "urssaf_national.csv");
const out = createWriteStream(file);
const write = (s: string) =>
  out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
const t0 = performance.now();
await write(
  `Code commune;Code APE;${YEARS.map((y) => `Nombre d'établissements ${y};Effectifs salariés ${y}`).join(";")}\n`,
);
let rows = 0;
const chunk: string[] = [];
for (let ci = 0; ci < communes.length; ci++) {
  // 1.2: duplicate draws of popular activities are lost, so ask for a little more than the target.
  const k = Math.max(1, Math.round((communeWeight[ci] / communeTotal) * targetRows * 1.2 * (0.5 + rng())));
  const chosen = new Set<number>();
  for (let t = 0; t < k * 8 && chosen.size < Math.min(k, naf.length); t++) chosen.add(pickActivity());
  for (const ai of [...chosen].sort((a, b) => a - b)) {
    const cells: string[] = [];
    let est = 1 + Math.floor(-Math.log(1 - rng()) * 2);
    const size = 1 + Math.floor(-Math.log(1 - rng()) * 12);
    const born = rng() < 0.3 ? 2006 + Math.floor(rng() * 16) : 2006;
    const gone = rng() < 0.15 ? born + 1 + Math.floor(rng() * 16) : 9999;
    for (const y of YEARS) {
      if (y < born || y >= gone) {
        cells.push("", "");
        continue;
      }
      if (rng() < 0.1) est = Math.max(1, est + (rng() < 0.5 ? -1 : 1));
      const jobs = Math.max(0, Math.round(est * size * (0.8 + 0.4 * rng())));
      cells.push(String(est), rng() < 0.005 ? "" : String(jobs));
    }
    chunk.push(`${communes[ci]};${naf[ai].replace(".", "")};${cells.join(";")}`);
    rows++;
    if (chunk.length >= 20_000) {
      await write(`${chunk.join("\n")}\n`);
      chunk.length = 0;
    }
  }
}
if (chunk.length) await write(`${chunk.join("\n")}\n`);
await new Promise<void>((r) => out.end(() => r()));
const side = Math.ceil(Math.sqrt(communes.length));
const adjacency: AdjacencyPair[] = [];
for (let i = 0; i < communes.length; i++) {
  if ((i + 1) % side !== 0 && i + 1 < communes.length) adjacency.push({ a: communes[i], b: communes[i + 1] });
  if (i + side < communes.length) adjacency.push({ a: communes[i], b: communes[i + side] });
}
const generateSeconds = (performance.now() - t0) / 1000;

const store = await openStore();
const t1 = performance.now();
const imported = await importEstablishments(store, file);
const importSeconds = (performance.now() - t1) / 1000;

async function timed(levels: NafLevel[]) {
  const steps: Record<string, number> = {};
  const cpu = process.cpuUsage();
  const start = performance.now();
  let last = start;
  const result = await territorialDiagnostic(store, {
    adjacency,
    levels,
    onStep: (step, level) => {
      const now = performance.now();
      const key = `${step}${level ? `:${level}` : ""}`;
      steps[key] = Math.round(now - last) / 1000;
      last = now;
    },
  });
  const used = process.cpuUsage(cpu);
  // CPU seconds of this process (JS and DuckDB's threads): comparable across runs on a loaded machine.
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    steps,
    result,
  };
}
const sub = await timed(["subclass"]);
const all = allLevels ? await timed(["subclass", "class", "group", "division", "section"]) : null;
closeStore(store);

const peer = skipPeer
  ? { read_seconds: 0, index_seconds: Number.NaN, cells: 0, activities: 0, communes: 0 }
  : (JSON.parse(
      execFileSync("/usr/bin/python3", [join(import.meta.dirname, "territory_peer.py"), file], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      }),
    ) as {
      read_seconds: number;
      index_seconds: number;
      cells: number;
      activities: number;
      communes: number;
    });
const level0 = sub.result.levels[0];
// The maillage side of the ratio: the steps that compute the indices (staging the rows + indices).
const maillageIndexSeconds = (sub.steps.communes ?? 0) + (sub.steps["indices:subclass"] ?? 0);
console.log(
  JSON.stringify(
    {
      table: {
        communes: communes.length,
        activities: naf.length,
        rows,
        long_rows: imported.rowsWritten,
        secret_cells: imported.secretCells,
        file_mib: Math.round(statSync(file).size / 2 ** 20),
        generate_seconds: generateSeconds,
      },
      maillage: {
        import_seconds: importSeconds,
        diagnostic_subclass_seconds: sub.seconds,
        diagnostic_subclass_cpu_seconds: sub.cpuSeconds,
        diagnostic_subclass_steps: sub.steps,
        end_to_end_subclass_seconds: importSeconds + sub.seconds,
        diagnostic_all_levels_seconds: all?.seconds ?? null,
        diagnostic_all_levels_steps: all?.steps ?? null,
        cells: level0.cells.length,
        candidates: level0.candidates.length,
        single_plant: level0.singlePlant.length,
        peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      peer: { name: "pandas (read_csv + the same sub-class indices)", ...peer },
      checks: {
        cells_equal: peer.cells === level0.cells.length,
        activities_equal: peer.activities === level0.activities.length,
        communes_equal: peer.communes === level0.communes.length,
      },
      ratio_indices_maillage_over_pandas: maillageIndexSeconds / peer.index_seconds,
    },
    null,
    2,
  ),
);
rmSync(dir, { recursive: true, force: true });
