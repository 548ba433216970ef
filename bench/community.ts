/**
 * Community detection benchmark: Louvain on seeded Barabási–Albert graphs (m = 5, networkx's growth
 * rule: a star of m + 1 nodes, then each new node links to m distinct nodes drawn in proportion to
 * degree) against python-igraph's `community_multilevel` on the same edge list, in one run. Loading
 * (edge list → graph) and computing are timed apart; ratios are maillage / igraph. maillage runs
 * graphology-communities-louvain then the vertex-level refinement (`refine: true`, the default), and
 * is also timed without it. Leiden is compared with igraph's `community_leiden(objective_function=
 * "modularity")` the same way. igraph recomputes the modularity of maillage's partition as a check.
 *
 *   NODE_OPTIONS=--max-old-space-size=16384 npx tsx bench/community.ts [sizes=10000,100000] [runs=1]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { leiden } from "../engine/analyse/community/leiden.ts";
import { louvain } from "../engine/analyse/community/louvain.ts";
import { createRng } from "../engine/random/prng.ts";

const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number);
const runs = Number(process.argv[3] ?? 1);
const M = 5;

/** Seeded Barabási–Albert edge list as networkx's `barabasi_albert_graph(n, m)` builds it. */
function barabasiAlbert(n: number, m: number, seed: string): Array<[number, number]> {
  const rng = createRng(seed);
  const edges: Array<[number, number]> = [];
  const repeated: number[] = [];
  for (let i = 1; i <= m; i++) {
    edges.push([0, i]);
    repeated.push(0, i);
  }
  const chosen = new Set<number>();
  for (let source = m + 1; source < n; source++) {
    chosen.clear();
    while (chosen.size < m) chosen.add(repeated[Math.floor(rng() * repeated.length)]);
    for (const target of chosen) {
      edges.push([source, target]);
      repeated.push(source, target);
    }
  }
  return edges;
}

const dir = mkdtempSync(join(tmpdir(), "maillage-bench-community-"));
const rows = [];
for (const n of sizes) {
  const edgesFile = join(dir, `ba_${n}.txt`);
  writeFileSync(
    edgesFile,
    `${barabasiAlbert(n, M, `bench/community/${n}`)
      .map(([u, v]) => `${u} ${v}`)
      .join("\n")}\n`,
  );

  const t0 = performance.now();
  const graph = new Graph({ type: "undirected" });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const line of readFileSync(edgesFile, "utf8").split("\n")) {
    if (!line) continue;
    const space = line.indexOf(" ");
    graph.addEdge(line.slice(0, space), line.slice(space + 1));
  }
  const load = (performance.now() - t0) / 1000;

  const refined: Array<{ seconds: number; modularity: number }> = [];
  const plain: Array<{ seconds: number; modularity: number }> = [];
  let membership: Record<string, number> = {};
  for (let seed = 0; seed < runs; seed++) {
    for (const [refine, out] of [
      [true, refined],
      [false, plain],
    ] as const) {
      const t = performance.now();
      const result = louvain(graph, { seed, weight: null, refine });
      out.push({ seconds: (performance.now() - t) / 1000, modularity: result.modularity as number });
      if (refine && seed === 0) membership = result.communities;
    }
  }
  const leidenRuns: Array<{ seconds: number; modularity: number }> = [];
  for (let seed = 0; seed < runs; seed++) {
    const t = performance.now();
    const result = leiden(graph, { seed, weight: null });
    leidenRuns.push({ seconds: (performance.now() - t) / 1000, modularity: result.modularity as number });
  }
  const membershipFile = join(dir, `membership_${n}.txt`);
  writeFileSync(membershipFile, `${Array.from({ length: n }, (_, i) => membership[String(i)]).join("\n")}\n`);
  const peer = JSON.parse(
    execFileSync(
      "/usr/bin/python3",
      [join(import.meta.dirname, "community_peer.py"), edgesFile, membershipFile, String(runs)],
      {
        encoding: "utf8",
      },
    ),
  );
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ours = mean(refined.map((r) => r.seconds));
  const igraphSeconds = mean(peer.seconds);
  rows.push({
    nodes: n,
    edges: graph.size,
    load: { maillage_seconds: load, igraph_seconds: peer.load_seconds, ratio: load / peer.load_seconds },
    louvain: {
      maillage_seconds: ours,
      maillage_unrefined_seconds: mean(plain.map((r) => r.seconds)),
      igraph_seconds: igraphSeconds,
      ratio: ours / igraphSeconds,
    },
    leiden: {
      maillage_seconds: mean(leidenRuns.map((r) => r.seconds)),
      igraph_seconds: mean(peer.leiden_seconds),
      ratio: mean(leidenRuns.map((r) => r.seconds)) / mean(peer.leiden_seconds),
      maillage_modularity: mean(leidenRuns.map((r) => r.modularity)),
      igraph_modularity: mean(peer.leiden_modularity),
    },
    modularity: {
      maillage: mean(refined.map((r) => r.modularity)),
      maillage_unrefined: mean(plain.map((r) => r.modularity)),
      igraph: mean(peer.modularity),
      difference: mean(refined.map((r) => r.modularity)) - mean(peer.modularity),
      maillage_partition_by_igraph: peer.modularity_of_maillage_partition,
    },
  });
  console.error(`done ${n} nodes`);
}
console.log(JSON.stringify({ m: M, runs, rows }, null, 2));
rmSync(dir, { recursive: true, force: true });
