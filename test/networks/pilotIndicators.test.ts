/** Piloting indicators of each network of the hand-made registry (handMadeRegistry.ts), by hand. */
import { describe, expect, it } from "vitest";
import { registryContext, resolveRegistryAsOf } from "../../engine/networks/context.ts";
import { pilotIndicators, referenceYear } from "../../engine/networks/pilotIndicators.ts";
import type { EstablishmentRow } from "../../engine/store/loadEstablishments.ts";
import { actor, network } from "../networkBuilders.ts";
import { action, handMadeRegistry, member, registered } from "./handMadeRegistry.ts";

const row = (
  commune: string,
  naf: string,
  year: number,
  establishments: number | null,
): EstablishmentRow => ({
  commune,
  naf,
  year,
  establishments,
  jobs: establishments === null ? null : establishments * 10,
  size_class: null,
});

/**
 * Reference year for asOf 2024-12-31: 2024 (2025 is after asOf's year, 2023 is older).
 * 2024 rows: 74001 25.62A 4, 74001 25.62B blank, 74002 25.62A 2, 74002 25.73A 3, 74003 25.62A 5.
 */
const table: EstablishmentRow[] = [
  row("74001", "25.62A", 2023, 40),
  row("74001", "25.62A", 2024, 4),
  row("74001", "25.62B", 2024, null),
  row("74002", "25.62A", 2024, 2),
  row("74002", "25.73A", 2024, 3),
  row("74003", "25.62A", 2024, 5),
  row("74001", "25.62A", 2025, 400),
];

function setup() {
  const { registry, graph } = handMadeRegistry();
  const ctx = registryContext(registry, graph);
  const asOf = resolveRegistryAsOf(registry, graph);
  const of = (id: string) => {
    const n = registry.networks.find((x) => x.id === id);
    if (!n) throw new Error(id);
    return pilotIndicators(ctx, n, asOf, { establishments: table });
  };
  return { asOf, of };
}

describe("pilotIndicators", () => {
  it("takes asOf from the latest link or action date and a 12-month window", () => {
    const { asOf, of } = setup();
    // H's membership ends 2024-12-31, the latest date; 2024-12-31 − 12 months = 2023-12-31.
    expect(asOf).toBe("2024-12-31");
    expect(of("N1").window).toEqual({ from: "2023-12-31", to: "2024-12-31", months: 12 });
    expect(referenceYear(table, 2024)).toBe(2024);
    expect(referenceYear(table, 2022)).toBeNull();
  });

  it("counts members, joins, leaves, activity, ties and reach of N1", () => {
    const p = setup().of("N1");
    // Members at 2024-12-31: A, B, C (D ended 2024-06-30). Joins in (2023-12-31, 2024-12-31]: C
    // (2024-03-01); leaves: D (2024-06-30); net 1 − 1 = 0.
    expect([p.members, p.joins, p.leaves, p.netGrowth]).toEqual([3, 1, 1, 0]);
    // Actions in the window: a1 (2024-05-10) and a2 (2024-11-20); a3 (2023-06-01) is before it.
    // Attendance 3 listed (A, C, Z) + 1 (A) = 4.
    expect([p.actions, p.attendance]).toEqual([2, 4]);
    // Active: A (a1, a2, tie with C 2024-04-01), C (a1, tie with A); B did nothing → 2/3.
    expect(p.active).toBe(2);
    expect(p.activeShare).toEqual({ value: 0.666667, reason: null });
    // Ties active at asOf among A, B, C: A–B, A–C (B–C ended 2023-06-30) → E = 2, 2·2/(3·2) = 0.666667.
    expect(p.ties).toBe(2);
    expect(p.density.value).toBe(0.666667);
    // New ties in the window: A–C only.
    expect(p.newTies).toBe(1);
    // Outward: B–D (D in N2, not in N1), C–E (E in N2); A's ties are to B and C, both in N1 → 2/3.
    expect(p.outward).toBe(2);
    expect(p.outwardShare.value).toBe(0.666667);
    // Reach: members in 74001/74002 within 25.62: A, B, C = 3; establishments 2024 of 25.62 in
    // 74001/74002: 4 + 0 (blank) + 2 = 6 → 3/6 = 0.5.
    expect(p.reach).toEqual({ value: 0.5, reason: null, members: 3, establishments: 6, year: 2024 });
  });

  it("measures who carries N1 and N2", () => {
    const { of } = setup();
    const c1 = of("N1").concentration;
    // N1 participations: A = 2 actions + 1 new tie = 3; C = 1 + 1 = 2; B = 0; total 5.
    expect(c1.participations.map((x) => [x.id, x.actions, x.newTies, x.participations])).toEqual([
      ["A", 2, 1, 3],
      ["C", 1, 1, 2],
      ["B", 0, 0, 0],
    ]);
    expect(c1.total).toBe(5);
    // Gini of [0, 2, 3]: Σ|xi − xj| over ordered pairs = 2·(2 + 3 + 1) = 12; / (2·3²·5/3) = 12/30 = 0.4.
    expect(c1.gini.value).toBe(0.4);
    // Top 20 %: ⌈0.2·3⌉ = 1 member, A with 3 of 5 = 0.6. Carriers: A alone (3 ≥ 2.5).
    expect(c1.topMembers).toBe(1);
    expect(c1.topShare.value).toBe(0.6);
    expect(c1.carriers.map((x) => x.id)).toEqual(["A"]);

    const p2 = of("N2");
    // N2 members A, C, D, E; joins E (2024-09-01), no leave; a4 (2024-02-15) with D.
    expect([p2.members, p2.joins, p2.leaves, p2.netGrowth, p2.actions]).toEqual([4, 1, 0, 1, 1]);
    // Ties at asOf: A–C, C–E, D–E → 2·3/(4·3) = 0.5; new: A–C (2024-04-01), D–E (2024-10-01).
    expect([p2.ties, p2.density.value, p2.newTies]).toEqual([3, 0.5, 2]);
    // Every member took part: A and C (tie A–C), D (a4, tie D–E), E (tie D–E) → 4/4.
    expect(p2.activeShare.value).toBe(1);
    // Outward: A–B and D–B (B in N1 and N4, not in N2); C–B ended; E's ties stay in N2 → 2/4.
    expect(p2.outwardShare.value).toBe(0.5);
    // Reach: A, C, D inside 25 and the territory (E is 28.41Z) = 3; establishments 4 + 0 + 2 + 3 + 5 = 14.
    expect(p2.reach.value).toBe(0.214286);
    expect([p2.reach.members, p2.reach.establishments]).toEqual([3, 14]);
    // Participations A 1, C 1, D 2, E 1 (total 5). Gini, sorted [1, 1, 1, 2]:
    // Σ(2i − n − 1)x = −3 − 1 + 1 + 6 = 3; / (n·total = 20) = 0.15.
    expect(p2.concentration.gini.value).toBe(0.15);
    // Top ⌈0.8⌉ = 1 member: D, 2/5 = 0.4. Carriers ≥ 2.5: D (2) then A (first of the 1s in graph order).
    expect(p2.concentration.topShare.value).toBe(0.4);
    expect(p2.concentration.carriers.map((x) => [x.id, x.participations])).toEqual([
      ["D", 2],
      ["A", 1],
    ]);
  });

  it("gives null with a reason when an indicator is undefined", () => {
    const { of } = setup();
    const p3 = of("N3");
    // N3: F, G, H at asOf (H's end = asOf still counts); H joined and left in the window.
    expect([p3.members, p3.joins, p3.leaves, p3.netGrowth]).toEqual([3, 1, 1, 0]);
    // F–G only: 2·1/(3·2) = 0.333333; no action, no new tie → share active 0, no participation.
    expect(p3.density.value).toBe(0.333333);
    expect(p3.activeShare.value).toBe(0);
    expect(p3.concentration.gini).toEqual({ value: null, reason: "no participation in the window" });
    expect(p3.concentration.carriers).toEqual([]);
    // No establishment of 10 in 74010 in the table.
    expect(p3.reach.value).toBeNull();
    expect(p3.reach.reason).toMatch(/no establishment of the network's activities/);

    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    const n1 = registry.networks[0];
    expect(pilotIndicators(ctx, n1, "2024-12-31").reach.reason).toBe("no establishment table");
    expect(
      pilotIndicators(ctx, { ...n1, activities: [] }, "2024-12-31", { establishments: table }).reach.reason,
    ).toBe("the registry lists no activity for the network");
    // At 2021-02-01 N1 has no member (A joins 2021-03-01): density and shares are undefined.
    const early = pilotIndicators(ctx, n1, "2021-02-01");
    expect(early.members).toBe(0);
    expect(early.density).toEqual({ value: null, reason: "fewer than 2 members at asOf" });
    expect(early.activeShare.reason).toBe("no member at asOf");
  });

  it("counts the top 20 % and the carriers on an even network of 15", () => {
    // 15 members who each attended the one action of the window: participations all 1, total 15.
    const ids = Array.from({ length: 15 }, (_, i) => `m${String(i + 1).padStart(2, "0")}`);
    const graph = network(
      [actor("club", { kind: "network_org" }), ...ids.map((id) => actor(id))],
      ids.map((id) => member(id, "club", "2024-01-01")),
    );
    const registry = { networks: [registered("club")], actions: [action("x", ["club"], "2024-06-01", ids)] };
    const p = pilotIndicators(registryContext(registry, graph), registry.networks[0], "2024-06-01");
    // ⌈0.2 · 15⌉ = 3 members carry 3/15 = 0.2
    // Gini of equal values 0; carriers: the first 8 in graph order reach 8 ≥ 7.5 = 50 % of 15.
    expect(p.concentration.topMembers).toBe(3);
    expect(p.concentration.topShare.value).toBe(0.2);
    expect(p.concentration.gini.value).toBe(0);
    expect(p.concentration.carriers.map((c) => c.id)).toEqual(ids.slice(0, 8));
    expect([p.active, p.activeShare.value, p.density.value]).toEqual([15, 1, 0]);
    // 0.28 · 25 is 7.000000000000001 in floating point: still 7 members of 25, carrying 7/25 = 0.28.
    const ids25 = Array.from({ length: 25 }, (_, i) => `n${String(i + 1).padStart(2, "0")}`);
    const graph25 = network(
      [actor("club", { kind: "network_org" }), ...ids25.map((id) => actor(id))],
      ids25.map((id) => member(id, "club", "2024-01-01")),
    );
    const registry25 = {
      networks: [registered("club")],
      actions: [action("x", ["club"], "2024-06-01", ids25)],
    };
    const ctx25 = registryContext(registry25, graph25);
    const p25 = pilotIndicators(ctx25, registry25.networks[0], "2024-06-01", { topShare: 0.28 });
    expect(p25.concentration.topMembers).toBe(7);
    expect(p25.concentration.topShare.value).toBe(0.28);
  });
});
