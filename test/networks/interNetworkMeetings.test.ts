/** Suggested meetings between the hand-made networks (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { addLink } from "../../engine/model/graph.ts";
import { registryContext } from "../../engine/networks/context.ts";
import { interNetworkMeetings } from "../../engine/networks/interNetworkMeetings.ts";
import { memberSetsAt } from "../../engine/networks/pilotIndicators.ts";
import { action, handMadeRegistry, tie } from "./handMadeRegistry.ts";

describe("interNetworkMeetings", () => {
  it("suggests N2–N3: complementary along the 28–10 chain and not tied", () => {
    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    const meetings = interNetworkMeetings(ctx, memberSetsAt(ctx, "2024-12-31"), "2024-12-31");
    // Chains in the graph: Q (28) → P (10) supply: 10|28 = 1 link; C (25) → E (28) subcontracting:
    // 25|28 = 1 link (A → C is within 25).
    // N2–N3: N2' = {A, C, D (25), E (28)}, N3' = {F, G (10), H (46)}; no tie between them.
    // Pairs with a chain: 28 × 10: 1 · 2 members · 1 link = 2 → score 2 / (4 · 3) = 0.166667.
    // Not suggested: N1–N2 and N2–N4 (B–D advice ties N1'/N4' = {B} to D in N2'), N1–N3 and N3–N4
    // (no chain between 25 and 10 or 46), N1–N4 (N4 ⊂ N1: nothing left once shared members are out).
    expect(meetings).toEqual([
      {
        a: "N2",
        b: "N3",
        membersA: 4,
        membersB: 3,
        sharedMembers: 0,
        complementarity: 2,
        score: 0.166667,
        ties: 0,
        chains: [{ divisions: ["28", "10"], links: 1, memberPairs: 2, contribution: 2 }],
      },
    ]);
  });

  it("drops a pair once tied or once met at an inter-network action, and honours maxTies", () => {
    const { registry, graph } = handMadeRegistry();
    addLink(graph, tie("E", "F", "information", "2024-05-01"));
    let ctx = registryContext(registry, graph);
    // E–F ties N2' and N3' once: rejected by default (maxTies 0). With maxTies 1 the pairs tied once
    // come back: N1–N2 (N1' = {B} 25, N2' = {D 25, E 28}, B–D): 25 × 28 via C → E, 1·1·1 = 1 → 1/(1·2)
    // = 0.5; N2–N4 (N4' = {B}, N2' = {C, D, E}, B–D; B–C ended): 1 → 1/(1·3) = 0.333333;
    // N2–N3 (E–F): 2 → 0.166667.
    expect(interNetworkMeetings(ctx, memberSetsAt(ctx, "2024-12-31"), "2024-12-31")).toEqual([]);
    const tolerant = interNetworkMeetings(ctx, memberSetsAt(ctx, "2024-12-31"), "2024-12-31", { maxTies: 1 });
    expect(tolerant.map((m) => [m.a, m.b, m.ties, m.complementarity, m.score])).toEqual([
      ["N1", "N2", 1, 1, 0.5],
      ["N2", "N4", 1, 1, 0.333333],
      ["N2", "N3", 1, 2, 0.166667],
    ]);

    const fresh = handMadeRegistry();
    fresh.registry.actions.push(action("x", ["N3", "N2"], "2024-03-01", [], "inter_network"));
    ctx = registryContext(fresh.registry, fresh.graph);
    expect(interNetworkMeetings(ctx, memberSetsAt(ctx, "2024-12-31"), "2024-12-31")).toEqual([]);
    // An inter-network action after asOf has not happened yet: the pair is still suggested.
    const later = handMadeRegistry();
    later.registry.actions.push(action("y", ["N2", "N3"], "2025-03-01", [], "inter_network"));
    ctx = registryContext(later.registry, later.graph);
    expect(interNetworkMeetings(ctx, memberSetsAt(ctx, "2024-12-31"), "2024-12-31").map((m) => m.b)).toEqual([
      "N3",
    ]);
  });
});
