/** Firms in two or more of the hand-made networks at asOf (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { bridgeFirms } from "../../engine/networks/bridgeFirms.ts";
import { registryContext } from "../../engine/networks/context.ts";
import { memberSetsAt } from "../../engine/networks/pilotIndicators.ts";
import { handMadeRegistry } from "./handMadeRegistry.ts";

describe("bridgeFirms", () => {
  it("lists the multi-members with their networks, most networks first", () => {
    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    const order = ["N1", "N2", "N3", "N4"];
    // At asOf: A in N1, N2, N4; B in N1, N4; C in N1, N2; D only in N2 (left N1 2024-06-30).
    const firms = bridgeFirms(graph, order, memberSetsAt(ctx, "2024-12-31"));
    expect(firms.map((f) => [f.id, f.networks, f.count])).toEqual([
      ["A", ["N1", "N2", "N4"], 3],
      ["B", ["N1", "N4"], 2],
      ["C", ["N1", "N2"], 2],
    ]);
    expect(firms[0]).toMatchObject({ name: "Firm A", naf: "25.62A", commune: "74001" });
    // On 2024-01-01 C is not yet in N1 (joins 2024-03-01) and D is still in N1: D bridges N1 and N2.
    const earlier = bridgeFirms(graph, order, memberSetsAt(ctx, "2024-01-01"));
    expect(earlier.map((f) => [f.id, f.count])).toEqual([
      ["A", 3],
      ["B", 2],
      ["D", 2],
    ]);
    expect(
      bridgeFirms(graph, order, memberSetsAt(ctx, "2024-12-31"), { minNetworks: 3 }).map((f) => f.id),
    ).toEqual(["A"]);
  });
});
