/** `maillage classify` end to end: JSON shape, human table, options and usage errors. */
import { describe, expect, it } from "vitest";
import { tempDir, writeIn } from "../helpers.ts";
import { maillage } from "./run.ts";

describe("maillage classify", () => {
  it("prints one JSON document with networks, pivots, indicators and typology", () => {
    const r = maillage([
      "classify",
      "--dataset",
      "florentine",
      "--scope",
      "graph",
      "--kinds",
      "credit",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.networks).toHaveLength(1);
    const n = doc.networks[0];
    expect(Object.keys(n)).toEqual(
      expect.arrayContaining(["id", "score", "label", "pivots", "indicators", "typology"]),
    );
    expect(n.pivots[0].id).toBe("Medici");
    expect(n.pivots[0].evidence.removal.pieces).toBeGreaterThan(1);
    expect(n.indicators.clustering.weight).toBe(1);
    expect(n.typology.type).toBe("undetermined");
  });

  it("reads files, takes weights, prints a table", () => {
    const dir = tempDir();
    const edges = writeIn(
      dir,
      "links.csv",
      "source,target,kind,formality\nb,a,supply,formal\nc,a,supply,formal\nd,a,supply,formal\ne,a,supply,formal\n",
    );
    const r = maillage(["classify", "--edges", edges, "--weights", "size_mix=0,clustering=2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("firme-réseau");
    expect(r.stdout).toMatch(/clustering\s+value/);
  });

  it("rejects an unknown indicator and an unknown scope (exit 2)", () => {
    expect(maillage(["classify", "--dataset", "florentine", "--weights", "nope=1"]).code).toBe(2);
    expect(maillage(["classify", "--dataset", "florentine", "--scope", "planet"]).code).toBe(2);
  });
});
