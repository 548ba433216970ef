"""Peer side of bench/analytics.ts: python-igraph on the same edge list, loading and computing timed apart.

    /usr/bin/python3 bench/analytics_peer.py EDGES.txt OUT_PREFIX REPEATS EXACT_BETWEENNESS

EDGES.txt holds one "u v" pair of 0-based integers per line (undirected). Prints one JSON line with
the seconds of each step (best of REPEATS for the computations) and writes igraph's PageRank
values to OUT_PREFIX.pagerank.f64 (float64, node order) for the value check. When
EXACT_BETWEENNESS is 1, igraph's exact betweenness is timed once, so that the TypeScript side can
compare its sampled betweenness per source (python-igraph 0.10 has no sampled or subset betweenness).
"""
import json
import sys
import time

import igraph as ig
import numpy as np

edges_path, out_prefix, repeats, exact = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"


def best(fn):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


t0 = time.perf_counter()
g = ig.Graph.Read_Edgelist(edges_path, directed=False)
load = time.perf_counter() - t0
pr_seconds, pr = best(lambda: g.pagerank(damping=0.85, implementation="prpack"))
cc_seconds, cc = best(lambda: g.connected_components())
np.asarray(pr, dtype=np.float64).tofile(out_prefix + ".pagerank.f64")
out = {
    "igraph": ig.__version__,
    "nodes": g.vcount(),
    "edges": g.ecount(),
    "load_seconds": load,
    "pagerank_seconds": pr_seconds,
    "components_seconds": cc_seconds,
    "components": len(cc),
}
if exact:
    t0 = time.perf_counter()
    g.betweenness(directed=False)
    out["exact_betweenness_seconds"] = time.perf_counter() - t0
print(json.dumps(out))
