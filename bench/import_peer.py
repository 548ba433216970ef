"""Peer side of bench/import.ts: load the same actors and links files with pandas + networkx.

Run with Debian's /usr/bin/python3 (python3-pandas, python3-networkx). Prints one JSON line with the
seconds spent reading the two CSV files and building a networkx MultiDiGraph with every attribute.
"""
import json
import sys
import time

import networkx as nx
import pandas as pd

actors_path, links_path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
actors = pd.read_csv(actors_path, sep=";", dtype=str, keep_default_na=False)
links = pd.read_csv(links_path, sep=";", dtype={"source": str, "target": str}, decimal=",")
t1 = time.perf_counter()
g = nx.MultiDiGraph()
g.add_nodes_from((row.id, row._asdict()) for row in actors.itertuples(index=False))
g.add_edges_from(
    (s, t, {"kind": k, "weight": w, "start": st})
    for s, t, k, w, st in zip(links.source, links.target, links.kind, links.weight, links.start)
)
t2 = time.perf_counter()
print(json.dumps({"read_seconds": t1 - t0, "build_seconds": t2 - t1, "total_seconds": t2 - t0,
                  "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))
