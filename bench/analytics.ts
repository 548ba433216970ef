/**
 * Analytics benchmark: PageRank, connected components and sampled betweenness (k = 100) on seeded
 * Barabási–Albert graphs (m = 5), maillage against python-igraph in the same run, loading and
 * computing timed apart, printed as ratios maillage / igraph.
 *
 *   NODE_OPTIONS=--max-old-space-size=16384 npx tsx bench/analytics.ts [sizes=10000,100000] [repeats=3]
 *
 * The edge list is generated once here (networkx's `barabasi_albert_graph` procedure: a star on m + 1
 * nodes, then each new node links to m distinct nodes drawn from the list of edge ends, seed
 * "bench/analytics/<n>") and written to a temporary file that both sides load.
 * - maillage loading: read the file and build a graphology graph (what every measure takes), then the
 *   CSR (`buildCsr`) that the kernels run on, timed separately; and, for comparison, the CSR built
 *   straight from the file (`csrFromArcs`), the path for graphs too large for graphology's objects.
 * - maillage computing: the public function (`pagerank(graph)`, which builds its CSR each call), the
 *   same with the CSR built once and shared (`pagerank(graph, { csr })`) and the kernel alone; components: `componentLabels` on the CSR (and graphology-components
 *   for comparison); sampled betweenness: `sampledBetweennessCentrality(graph, { k: 100 })`.
 * - igraph: `Read_Edgelist`, `pagerank()` (PRPACK), `connected_components()`. python-igraph 0.10 has no
 *   sampled betweenness: on sizes ≤ 20,000 its exact betweenness is timed and the comparison is per
 *   source (exact time × k / n).
 * PageRank values are checked against igraph's (largest absolute difference printed).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import { pagerank } from "../engine/analyse/centrality/pagerank.ts";
import { sampledBetweennessCentrality } from "../engine/analyse/centrality/sampledBetweenness.ts";
import { componentLabels } from "../engine/analyse/kernels/components.ts";
import { buildCsr, csrFromArcs, transposeCsr } from "../engine/analyse/kernels/csr.ts";
import { pageRankKernel } from "../engine/analyse/kernels/powerIteration.ts";
import { createRng } from "../engine/random/prng.ts";

const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number);
const repeats = Number(process.argv[3] ?? 3);
const M = 5;
const K = 100;
const EXACT_BETWEENNESS_MAX = 20_000;

/** Barabási–Albert edge list as (u, v) pairs, networkx's procedure. */
function barabasiAlbert(n: number, m: number, seed: string): Int32Array {
  const rng = createRng(seed);
  const edges = new Int32Array(2 * m * (n - m));
  const repeated = new Int32Array(2 * m * (n - m));
  let e = 0;
  let r = 0;
  for (let leaf = 1; leaf <= m; leaf++) {
    edges[e++] = 0;
    edges[e++] = leaf;
    repeated[r++] = 0;
    repeated[r++] = leaf;
  }
  const chosen = new Int32Array(m);
  for (let source = m + 1; source < n; source++) {
    let c = 0;
    while (c < m) {
      const t = repeated[Math.floor(rng() * r)];
      let seen = false;
      for (let j = 0; j < c; j++) if (chosen[j] === t) seen = true;
      if (!seen) chosen[c++] = t;
    }
    for (let j = 0; j < m; j++) {
      edges[e++] = source;
      edges[e++] = chosen[j];
      repeated[r++] = chosen[j];
      repeated[r++] = source;
    }
  }
  return edges;
}

function best<T>(fn: () => T): { seconds: number; result: T } {
  let seconds = Number.POSITIVE_INFINITY;
  let result = undefined as T;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = fn();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, result };
}

function time<T>(fn: () => T): { seconds: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { seconds: (performance.now() - t0) / 1000, result };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

const dir = mkdtempSync(join(tmpdir(), "maillage-bench-analytics-"));
try {
  for (const n of sizes) {
    const edges = barabasiAlbert(n, M, `bench/analytics/${n}`);
    const lines: string[] = [];
    for (let i = 0; i < edges.length; i += 2) lines.push(`${edges[i]} ${edges[i + 1]}`);
    const file = join(dir, `ba-${n}.txt`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    lines.length = 0;

    const load = time(() => {
      const text = readFileSync(file, "utf8");
      const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
      for (let i = 0; i < n; i++) graph.addNode(String(i));
      let start = 0;
      while (start < text.length) {
        const end = text.indexOf("\n", start);
        const line = text.slice(start, end < 0 ? text.length : end);
        start = end < 0 ? text.length : end + 1;
        if (line.length === 0) continue;
        const space = line.indexOf(" ");
        graph.addEdge(line.slice(0, space), line.slice(space + 1));
      }
      return graph;
    });
    const graph = load.result;
    const direct = time(() => {
      const text = readFileSync(file, "utf8");
      const arcs = 2 * (edges.length / 2);
      const tails = new Int32Array(arcs);
      const heads = new Int32Array(arcs);
      let a = 0;
      let value = 0;
      let first = -1;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
        else if (c === 32) {
          first = value;
          value = 0;
        } else if (c === 10) {
          tails[a] = first;
          heads[a++] = value;
          tails[a] = value;
          heads[a++] = first;
          value = 0;
        }
      }
      const nodes = Array.from({ length: n }, (_, i) => String(i));
      return csrFromArcs({ nodes, directed: false, merge: false }, tails, heads, null);
    });
    const csrBuild = best(() => buildCsr(graph));
    const csr = csrBuild.result;
    const inCsr = transposeCsr(csr);
    const outDegree = new Float64Array(n);
    for (let v = 0; v < n; v++) outDegree[v] = csr.offsets[v + 1] - csr.offsets[v];
    const uniform = new Float64Array(n).fill(1 / n);
    const prPublic = best(() => pagerank(graph));
    const prShared = best(() => pagerank(graph, { csr }));
    const prKernel = best(() =>
      pageRankKernel(inCsr, outDegree, {
        alpha: 0.85,
        teleport: uniform,
        dangling: uniform,
        tolerance: 1e-12,
        maxIterations: 1000,
      }),
    );
    const ccKernel = best(() => componentLabels(csr));
    const ccPublic = best(() => componentLabels(buildCsr(graph)));
    const ccGraphology = best(() => connectedComponents(graph));
    const sampled = time(() => sampledBetweennessCentrality(graph, { k: K, seed: "bench" }));

    const prefix = join(dir, `peer-${n}`);
    const peer = JSON.parse(
      execFileSync(
        "/usr/bin/python3",
        [
          join(import.meta.dirname, "analytics_peer.py"),
          file,
          prefix,
          String(repeats),
          n <= EXACT_BETWEENNESS_MAX ? "1" : "0",
        ],
        // One thread, like Node's single-threaded kernels (PRPACK can use OpenMP).
        { encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, OMP_NUM_THREADS: "1" } },
      ),
    );
    const peerPr = new Float64Array(readFileSync(`${prefix}.pagerank.f64`).buffer.slice(0));
    let prDiff = 0;
    for (let v = 0; v < n; v++) prDiff = Math.max(prDiff, Math.abs(prPublic.result[String(v)] - peerPr[v]));

    const report: Record<string, unknown> = {
      nodes: n,
      edges: edges.length / 2,
      maillage: {
        load_graphology_seconds: round(load.seconds),
        build_csr_seconds: round(csrBuild.seconds),
        load_csr_from_file_seconds: round(direct.seconds),
        pagerank_seconds: round(prPublic.seconds),
        pagerank_shared_csr_seconds: round(prShared.seconds),
        pagerank_kernel_seconds: round(prKernel.seconds),
        pagerank_iterations: prKernel.result.iterations,
        components_seconds: round(ccPublic.seconds),
        components_kernel_seconds: round(ccKernel.seconds),
        graphology_components_seconds: round(ccGraphology.seconds),
        components: ccKernel.result.count,
        sampled_betweenness_k100_seconds: round(sampled.seconds),
      },
      igraph: {
        version: peer.igraph,
        load_seconds: round(peer.load_seconds),
        pagerank_seconds: round(peer.pagerank_seconds),
        components_seconds: round(peer.components_seconds),
        components: peer.components,
        exact_betweenness_seconds: peer.exact_betweenness_seconds ?? null,
      },
      pagerank_max_abs_difference: prDiff,
      ratios_maillage_over_igraph: {
        loading: ratio(load.seconds + csrBuild.seconds, peer.load_seconds),
        loading_csr_from_file: ratio(direct.seconds, peer.load_seconds),
        pagerank: ratio(prPublic.seconds, peer.pagerank_seconds),
        pagerank_shared_csr: ratio(prShared.seconds, peer.pagerank_seconds),
        pagerank_kernel: ratio(prKernel.seconds, peer.pagerank_seconds),
        components: ratio(ccPublic.seconds, peer.components_seconds),
        components_kernel: ratio(ccKernel.seconds, peer.components_seconds),
        sampled_betweenness_per_source:
          peer.exact_betweenness_seconds === undefined
            ? null
            : ratio(sampled.seconds / K, peer.exact_betweenness_seconds / n),
      },
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(JSON.stringify(report, null, 2));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
