"""Peer side of bench/territory.ts: the sub-class indices of 2022 (LQ of jobs and establishments, LQ
change since 2006, Krugman both variants, Hoover, locational Gini, Herfindahl, Ellison-Glaeser with
the equal-size plant approximation) on the same URSSAF wide file, vectorised in pandas, with the
blank-cell rule of DOMAIN §9. Codes are already current (no vintage mapping).

Run with Debian's /usr/bin/python3 (python3-pandas): /usr/bin/python3 bench/territory_peer.py FILE
Prints one JSON line: seconds reading + unpivoting, seconds computing the indices, and counts.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
cols = ["Code commune", "Code APE"]
years = (2006, 2022)
for y in years:
    cols += [f"Nombre d'établissements {y}", f"Effectifs salariés {y}"]
raw = pd.read_csv(path, sep=";", usecols=cols, dtype={"Code commune": str, "Code APE": str})
frames = []
for y in years:
    f = pd.DataFrame({"commune": raw["Code commune"], "naf": raw["Code APE"], "year": y,
                      "est": raw[f"Nombre d'établissements {y}"], "jobs": raw[f"Effectifs salariés {y}"]})
    frames.append(f[f["est"].notna() | f["jobs"].notna()])
long = pd.concat(frames, ignore_index=True)
t1 = time.perf_counter()


def indices(d):
    d = d.assign(j0=d["jobs"].fillna(0), n0=d["est"].fillna(0))
    ei = d.groupby("commune")["j0"].transform("sum")
    ni = d.groupby("commune")["n0"].transform("sum")
    Ej = d.groupby("naf")["j0"].transform("sum")
    Nj = d.groupby("naf")["n0"].transform("sum")
    E, N = d["j0"].sum(), d["n0"].sum()
    d = d.assign(ei=ei, Ej=Ej)
    d["lq"] = np.where((ei > 0) & (Ej > 0) & d["jobs"].notna(), (d["jobs"] / ei) / (Ej / E), np.nan)
    d["lq_est"] = np.where((ni > 0) & (Nj > 0) & d["est"].notna(), (d["est"] / ni) / (Nj / N), np.nan)
    return d, E


cur, E = indices(long[long["year"] == 2022])
base, _ = indices(long[long["year"] == 2006])
cur = cur.merge(base[["commune", "naf", "lq"]].rename(columns={"lq": "lq_base"}), on=["commune", "naf"], how="left")
cur["lq_change"] = cur["lq"] - cur["lq_base"]
# Krugman: sum over the commune's cells plus the reference shares of the activities it lacks.
c = cur[(cur["ei"] > 0) & (cur["Ej"] > 0)]
a, b = c["j0"] / c["ei"], c["Ej"] / E
r = (c["Ej"] - c["j0"]) / (E - c["ei"])
g = pd.DataFrame({"commune": c["commune"], "k": (a - b).abs(), "kr": (a - r).abs(), "Ej": c["Ej"], "ei": c["ei"]})
kg = g.groupby("commune").agg(k=("k", "sum"), kr=("kr", "sum"), cov=("Ej", "sum"), ei=("ei", "first"))
kg["krugman"] = kg["k"] + (E - kg["cov"]) / E
kg["krugman_rest"] = kg["kr"] + (E - kg["cov"]) / (E - kg["ei"])
# Localisation of each activity over the communes with e_i > 0.
areas = cur.groupby("commune")["j0"].sum()
areas = areas[areas > 0]
x_all = areas / areas.sum()
sx2 = float((x_all ** 2).sum())
s = cur[cur["ei"] > 0].copy()
s["x"] = s["ei"] / E
s["s"] = np.where(s["Ej"] > 0, s["j0"] / s["Ej"], np.nan)
s["ord"] = s["j0"] / s["ei"]
s["hp"] = np.where(s["est"] > 0, s["s"] ** 2 / s["est"], 0.0)
s["ad"] = (s["s"] - s["x"]).abs()
s["g"] = s["s"] ** 2 - 2 * s["s"] * s["x"]
agg = s.groupby("naf").agg(ad=("ad", "sum"), xs=("x", "sum"), h=("s", lambda v: (v ** 2).sum()),
                           g=("g", "sum"), hp=("hp", "sum"))
agg["hoover"] = 0.5 * (agg["ad"] + 1 - agg["xs"])
G = sx2 + agg["g"]
agg["eg"] = np.where(agg["hp"] < 1 - 1e-12, (G - (1 - sx2) * agg["hp"]) / ((1 - sx2) * (1 - agg["hp"])), np.nan)
pos = s[s["s"] > 0].sort_values(["naf", "ord", "commune"])
pos["cy"] = pos.groupby("naf")["s"].cumsum()
pos["term"] = pos["x"] * (2 * pos["cy"] - pos["s"])
gini = 1 - pos.groupby("naf")["term"].sum()
t2 = time.perf_counter()
print(json.dumps({"read_seconds": t1 - t0, "index_seconds": t2 - t1, "cells": int(len(cur)),
                  "activities": int(cur["naf"].nunique()), "communes": int(cur["commune"].nunique()),
                  "gini_mean": float(gini.mean()), "hoover_mean": float(agg["hoover"].mean())}))
