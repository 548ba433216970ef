/** Redundant pairs among the hand-made networks (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { registryContext } from "../../engine/networks/context.ts";
import { memberSetsAt } from "../../engine/networks/pilotIndicators.ts";
import { redundantNetworks } from "../../engine/networks/redundantNetworks.ts";
import { handMadeRegistry } from "./handMadeRegistry.ts";

describe("redundantNetworks", () => {
  it("finds pairs with overlapping activities, territory and members, and rejects the others", () => {
    const { registry, graph } = handMadeRegistry();
    const sets = memberSetsAt(registryContext(registry, graph), "2024-12-31");
    const pairs = redundantNetworks(registry.networks, sets, "2024-12-31");
    // N1–N4: 25.62 ⊇ 25.62A; territories equal (Jaccard 2/2 = 1); members {A,B,C} vs {A,B}: 2/3.
    // N1–N2: 25 ⊇ 25.62; territory {74001,74002} vs {74001,74002,74003}: 2/3 ≥ 0.5; members 2/5 = 0.4.
    // Rejected: N2–N4 (member Jaccard 1/5 = 0.2 < 0.3); N3 with any (10 is unrelated to 25…).
    expect(pairs.map((p) => [p.a, p.b, p.territoryJaccard, p.memberJaccard])).toEqual([
      ["N1", "N4", 1, 0.666667],
      ["N1", "N2", 0.666667, 0.4],
    ]);
    expect(pairs[0].activities).toEqual([["25.62", "25.62A"]]);
    expect(pairs[0].sharedMembers).toEqual(["A", "B"]);
    expect(pairs[0].sharedCommunes).toEqual(["74001", "74002"]);
    expect(pairs[0].evidence).toBe(
      "activities 25.62~25.62A; 2 shared communes (Jaccard 1.00); 2 shared members (Jaccard 0.67)",
    );
    // With the member threshold at 0.2 (documented option) N2–N4 (0.2) becomes redundant too.
    const loose = redundantNetworks(registry.networks, sets, "2024-12-31", { minMemberJaccard: 0.2 });
    expect(loose.map((p) => `${p.a}-${p.b}`)).toEqual(["N1-N4", "N1-N2", "N2-N4"]);
    // A network ended before asOf is no candidate; nor is one without territory.
    const ended = registry.networks.map((n) => (n.id === "N4" ? { ...n, ended: "2024-01-01" } : n));
    expect(redundantNetworks(ended, sets, "2024-12-31").map((p) => `${p.a}-${p.b}`)).toEqual(["N1-N2"]);
    const noTerritory = registry.networks.map((n) => (n.id === "N1" ? { ...n, territory: [] } : n));
    expect(redundantNetworks(noTerritory, sets, "2024-12-31")).toEqual([]);
  });
});
