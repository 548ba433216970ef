/** What `maillage info` says of a registry, on the hand-made registry (values counted from its comment). */
import { describe, expect, it } from "vitest";
import { registrySummary } from "../../engine/networks/registrySummary.ts";
import { handMadeRegistry } from "./handMadeRegistry.ts";

describe("registrySummary", () => {
  it("counts networks by type, memberships to them and actions by kind", () => {
    const { registry, graph } = handMadeRegistry();
    const s = registrySummary(registry, graph);
    expect(s.networks).toBe(4);
    // N1 and N4 clubs, N2 grappe, N3 association
    expect(s.networksByType).toEqual({ association: 1, club: 2, grappe: 1 });
    // N1: A B C D; N2: A C D E; N3: F G H; N4: A B → 4 + 4 + 3 + 2
    expect(s.memberships).toBe(13);
    // a1 a3 a4 meetings, a2 training
    expect(s.actions).toBe(4);
    expect(s.actionsByKind).toEqual({ meeting: 3, training: 1 });
    expect(s.actionDates).toEqual({ first: "2023-06-01", last: "2024-11-20" });
  });

  it("says untyped and has no dates for an empty action list", () => {
    const { registry, graph } = handMadeRegistry();
    const s = registrySummary(
      { networks: registry.networks.map((n) => ({ ...n, type: null, typeSource: null })), actions: [] },
      graph,
    );
    expect(s.networksByType).toEqual({ untyped: 4 });
    expect(s.actionDates).toBeNull();
  });
});
