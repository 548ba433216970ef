/**
 * Supply-chain reach and the capture of an SME network by a larger customer, on hand-built networks
 * whose values are counted by hand.
 */
import { describe, expect, it } from "vitest";
import { captureBy } from "../../engine/classify/capture.ts";
import { classify } from "../../engine/classify/classify.ts";
import { pivotFirms } from "../../engine/classify/pivots.ts";
import { supplierLists, supplyReach } from "../../engine/classify/supplyReach.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import type { Actor, Link } from "../../engine/model/types.ts";
import { actor as baseActor, link, network } from "../networkBuilders.ts";

const firm = (id: string, headcount: number, extra: Partial<Actor> = {}): Actor =>
  baseActor(id, { kind: "firm", headcount, size_class: sizeClassOf(headcount), ...extra });

describe("supplyReach", () => {
  // P ← A ← C ← E (supply), P ← B (subcontracting), D —client→ A (D is A's customer? no: a client link
  // source → target reads "target is a client of source"), X isolated from the chain (information).
  const g = network(
    ["P", "A", "B", "C", "D", "E", "X"].map((id) => firm(id, 20)),
    [
      link("A", "P", "supply"),
      link("B", "P", "subcontracting"),
      link("C", "A", "supply"),
      link("E", "C", "supply"),
      link("A", "D", "client"), // client link: A's client is D, so D supplies A
      link("X", "P", "information"),
    ],
  );
  const suppliers = supplierLists(g);

  it("counts every actor whose supply chain leads to the actor, over n − 1", () => {
    // P is reached from A, B, C, E, D (through A): 5 of the 6 others.
    expect(supplyReach(g, suppliers, "P")).toBeCloseTo(5 / 6, 12);
    // A is reached from C, E (through C) and D: 3 / 6.
    expect(supplyReach(g, suppliers, "A")).toBeCloseTo(3 / 6, 12);
    // E supplies C but nobody supplies E.
    expect(supplyReach(g, suppliers, "E")).toBe(0);
    expect(supplyReach(g, suppliers, "X")).toBe(0);
  });

  it("is null without supply links", () => {
    const h = network([firm("a", 5), firm("b", 5)], [link("a", "b", "information")]);
    expect(supplyReach(h, supplierLists(h), "a")).toBeNull();
  });

  it("is part of the pivot evidence", () => {
    const [top] = pivotFirms(g);
    expect(top.id).toBe("P");
    expect(top.evidence.supplyReach).toBeCloseTo(5 / 6, 12);
  });
});

describe("capture of an SME network by a larger customer", () => {
  // Eight SMEs in one commune tied by information and co-production (a clique of eight), four of them
  // also formal suppliers of M, a mid-cap (400 employees).
  const smes = Array.from({ length: 8 }, (_, i) => firm(`s${i}`, 30, { commune: "76001", naf: "49.41A" }));
  const ties: Link[] = [];
  for (let i = 0; i < 8; i++)
    for (let j = i + 1; j < 8; j++)
      ties.push(link(`s${i}`, `s${j}`, (i + j) % 2 ? "information" : "co_production"));
  const supply = [0, 1, 2, 3].map((i) => link(`s${i}`, "M", "supply", { formality: "formal" }));
  const captured = network(
    [...smes, firm("M", 400, { commune: "76001", naf: "29.10Z" })],
    [...ties, ...supply],
  );

  it("labels the captured district mixed, with the rule and the captor's evidence", () => {
    const [c] = classify(captured, { scope: "graph" });
    expect(c.pivots[0].id).toBe("M");
    // every vertical link (the 4 supply links) touches M, and M is the customer in all of them
    expect(c.pivots[0].evidence.verticalTieShare).toBe(1);
    expect(c.pivots[0].evidence.suppliersInbound).toBe(1);
    expect(c.label).toBe("mixed");
    expect(c.capture?.pivot).toBe("M");
    expect(c.capture?.sizeClass).toBe("midcap");
  });

  it("leaves a district without a larger customer alone", () => {
    const small = network(
      [...smes, firm("M", 120, { commune: "76001", naf: "29.10Z" })],
      [...ties, ...supply],
    );
    const [c] = classify(small, { scope: "graph" });
    expect(c.capture).toBeNull();
    expect(c.label).not.toBe("mixed");
  });

  it("needs the captor to hold the vertical links and be their customer", () => {
    const base = pivotFirms(captured)[0];
    expect(captureBy(base)).not.toBeNull();
    expect(captureBy({ ...base, evidence: { ...base.evidence, verticalTieShare: 0.4 } })).toBeNull();
    expect(captureBy({ ...base, evidence: { ...base.evidence, suppliersInbound: 0.5 } })).toBeNull();
    expect(captureBy(base, { minVerticalShare: 1.01 })).toBeNull();
  });
});
