"""Peer side of bench/networks.ts: the network-of-networks indicators (piloting indicators of every
network, overlap of every pair, bridge firms, redundant pairs, commune gaps) on the synthetic registry
the bench writes as CSV, with the functions of test/fixtures/networks/make_reference.py (pandas).

Run with Debian's /usr/bin/python3 (python3-pandas): /usr/bin/python3 bench/networks_peer.py DIR ASOF
Prints one JSON line: seconds reading, seconds computing (and per part), and the totals to check.
"""
import json
import math
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "test" / "fixtures" / "networks"))
import make_reference as ref  # noqa: E402

folder, as_of = Path(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()


def read(name):
    df = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    return df.where(df != "", None)


actors = read("actors.csv")
memberships = read("memberships.csv")
ties = read("ties.csv")
networks = json.load(open(folder / "networks.json", encoding="utf-8"))
raw = read("actions.csv")
actions = pd.DataFrame({
    "id": raw["id"],
    "networks": raw["networks"].map(lambda s: s.split("|") if s else []),
    "date": raw["date"],
    "participants": raw["participants"].map(lambda s: s.split("|") if s else []),
    "attendance": raw["attendance"].map(lambda s: float(s) if s else math.nan),
})
est = pd.read_csv(folder / "establishments.csv", dtype={"commune": str, "naf": str})
t1 = time.perf_counter()

parts = {}
t = time.perf_counter()
indicators, current, _ = ref.pilot(actors, memberships, ties, networks, actions, est, as_of, ref.MONTHS)
parts["pilot_indicators"] = time.perf_counter() - t
t = time.perf_counter()
overlap = ref.overlap(networks, current)
parts["overlap"] = time.perf_counter() - t
t = time.perf_counter()
bridges = ref.bridges(networks, current)
redundant = ref.redundant(networks, current, as_of)
gaps = ref.commune_gaps(est, networks, current, actors, as_of)
parts["bridges_redundant_gaps"] = time.perf_counter() - t
t2 = time.perf_counter()

total = lambda key: sum(p[key] for p in indicators)  # noqa: E731
print(json.dumps({
    "read_seconds": round(t1 - t0, 2),
    "compute_seconds": round(t2 - t1, 2),
    "parts_seconds": {k: round(v, 2) for k, v in parts.items()},
    "checks": {
        "members": total("members"),
        "joins": total("joins"),
        "ties": total("ties"),
        "newTies": total("newTies"),
        "active": total("active"),
        "outward": total("outward"),
        "attendance": total("attendance"),
        "reachMembers": sum(p["reach"]["members"] or 0 for p in indicators),
        "shared": sum(o["shared"] for o in overlap),
        "bridges": len(bridges),
        "redundant": len(redundant),
        "gaps": len(gaps["gaps"]),
    },
}))
