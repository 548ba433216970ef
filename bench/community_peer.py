"""Peer side of bench/community.ts: python-igraph's Louvain (`community_multilevel`) on the same edge list.

Run with Debian's /usr/bin/python3 (python3-igraph):

    /usr/bin/python3 bench/community_peer.py EDGES MEMBERSHIP RUNS

EDGES: one `u v` pair of integer node ids per line (ids 0..n-1). MEMBERSHIP: maillage's community per
node id, one per line, whose modularity igraph recomputes as an independent check. Prints one JSON line:
loading seconds, per-run seconds and modularity (seeds 0..RUNS-1 through Python's `random`, which
igraph draws from), the same for `community_leiden(objective_function="modularity")`, and igraph's modularity of maillage's partition.
"""
import json
import random
import sys
import time

import igraph as ig

edges_path, membership_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
g = ig.Graph.Read_Edgelist(edges_path, directed=False)
load = time.perf_counter() - t0
seconds, modularity = [], []
for seed in range(runs):
    random.seed(seed)
    t = time.perf_counter()
    c = g.community_multilevel()
    seconds.append(time.perf_counter() - t)
    modularity.append(c.modularity)
leiden_seconds, leiden_modularity = [], []
for seed in range(runs):
    random.seed(seed)
    t = time.perf_counter()
    c = g.community_leiden(objective_function="modularity")
    leiden_seconds.append(time.perf_counter() - t)
    leiden_modularity.append(g.modularity(c.membership))
with open(membership_path) as f:
    ours = [int(line) for line in f if line.strip()]
print(json.dumps({
    "nodes": g.vcount(), "edges": g.ecount(), "load_seconds": load,
    "seconds": seconds, "modularity": modularity,
    "leiden_seconds": leiden_seconds, "leiden_modularity": leiden_modularity,
    "modularity_of_maillage_partition": g.modularity(ours),
}))
