/**
 * Classification on hand-built inputs: a star, missing inputs (fewer than 3 actors, no link kinds,
 * no activity codes), the form score's arithmetic, the territory and the typology.
 */
import { describe, expect, it } from "vitest";
import { analysisGraph } from "../../engine/analyse/analysisGraph.ts";
import { classify, classifyNetwork } from "../../engine/classify/classify.ts";
import { contribution, formScore } from "../../engine/classify/formScore.ts";
import { INDICATORS, type Measured } from "../../engine/classify/indicators.ts";
import { removalImpact } from "../../engine/classify/removal.ts";
import { territorialConcentration } from "../../engine/classify/territory.ts";
import { typology } from "../../engine/classify/typology.ts";
import { buildNetwork, type NetworkGraph } from "../../engine/model/graph.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import { type Actor, blankActor, type Link } from "../../engine/model/types.ts";
import type { LinkKind } from "../../engine/model/vocabulary.ts";
import { link as builtLink } from "../networkBuilders.ts";

function actor(id: string, extra: Partial<Actor> = {}): Actor {
  const a = { ...blankActor(id, "firm"), ...extra };
  a.size_class = sizeClassOf(a.headcount);
  return a;
}

/** A link of the given kind (default `unspecified`), with its kind's default direction. */
const link = (
  source: string,
  target: string,
  kind: LinkKind = "unspecified",
  extra: Partial<Link> = {},
): Link => builtLink(source, target, kind, extra);

function star(leaves: number): NetworkGraph {
  const actors = [actor("hub", { headcount: 3000, commune: "76540" })];
  const links: Link[] = [];
  for (let i = 0; i < leaves; i++) {
    actors.push(actor(`s${i}`, { headcount: 20, commune: i % 2 ? "76001" : "76002" }));
    links.push(link(`s${i}`, "hub", "supply", { formality: "formal" }));
  }
  return buildNetwork(actors, links);
}

describe("classify", () => {
  it("reads a supply star as a firme-réseau around its hub", () => {
    const [n] = classify(star(8), { scope: "graph" });
    expect(n.pivots[0].id).toBe("hub");
    const e = n.pivots[0].evidence;
    expect(e.tieShare).toBe(1);
    expect(e.betweenness).toBe(1);
    expect(e.removal).toEqual({ pairsDisconnected: 1, largestComponentShare: 1 / 8, pieces: 8 });
    expect(e.suppliersInbound).toBe(1);
    expect(e.largerThan).toBe(1);
    expect(n.indicators.degree_centralization.value).toBe(1);
    expect(n.indicators.betweenness_centralization.value).toBe(1);
    expect(n.indicators.vertical_share.value).toBe(1);
    expect(n.indicators.size_mix.value).toBe(-1);
    expect(n.label).toBe("firme-réseau");
    expect(n.score).toBeLessThan(-0.5);
  });

  it("never crashes on fewer than 3 actors, and lists what is missing", () => {
    const tiny = buildNetwork([actor("a"), actor("b")], [link("a", "b")]);
    const [n] = classify(tiny, { scope: "graph" });
    expect(n.size).toBe(2);
    expect(n.missing).toContain("degree_centralization");
    expect(n.missing).toContain("size_mix");
    expect(n.indicators.degree_centralization.missing).toBe("fewer than 3 actors");
    expect(JSON.stringify(n)).not.toContain("NaN");
    const empty = classifyNetwork(buildNetwork([], []), { id: "none", members: [], organisation: null });
    expect(empty.score).toBeNull();
    expect(empty.label).toBe("undetermined");
  });

  it("scores without link kinds or activity codes from what is available", () => {
    const actors = ["a", "b", "c", "d", "e"].map((id) => actor(id));
    const links = [link("a", "b"), link("b", "c"), link("c", "a"), link("c", "d"), link("d", "e")];
    const [n] = classify(buildNetwork(actors, links), { scope: "graph" });
    expect(n.score).not.toBeNull();
    for (const m of [
      "vertical_share",
      "formal_share",
      "sme_non_market_density",
      "size_mix",
      "territorial_concentration",
    ])
      expect(n.missing).toContain(m);
    expect(n.missing).not.toContain("clustering");
  });

  it("drops membership links and cuts the firm-to-firm view into components", () => {
    const actors = [
      ...["a", "b", "c", "x", "y", "z"].map((id) => actor(id)),
      { ...blankActor("club", "network_org"), subtype: "club" as const },
    ];
    const links = [
      link("a", "b", "information"),
      link("b", "c", "information"),
      link("x", "y", "supply"),
      link("y", "z", "supply"),
      ...["a", "b", "c", "x", "y", "z"].map((m) => link(m, "club", "membership")),
    ];
    const found = classify(buildNetwork(actors, links));
    expect(found.map((n) => n.size)).toEqual([3, 3]);
    const byAssociation = classify(buildNetwork(actors, links), { scope: "association" });
    expect(byAssociation).toHaveLength(1);
    expect(byAssociation[0].id).toBe("club");
    expect(byAssociation[0].typology.chamberCategories[0]).toMatchObject({
      category: "business club",
      share: 1,
    });
  });
});

describe("formScore", () => {
  it("ramps linearly between the anchors and averages with weights", () => {
    expect(contribution(0.6, { firmeReseau: 0.6, reseauDeFirmes: 0.1 })).toBe(-1);
    expect(contribution(0.35, { firmeReseau: 0.6, reseauDeFirmes: 0.1 })).toBeCloseTo(0, 12);
    expect(contribution(0, { firmeReseau: 0.6, reseauDeFirmes: 0.1 })).toBe(1);
    const measured = Object.fromEntries(INDICATORS.map((k) => [k, { value: null, missing: "x" }])) as Record<
      (typeof INDICATORS)[number],
      Measured
    >;
    measured.clustering = { value: 0.3, missing: null }; // +1
    measured.vertical_share = { value: 0.8, missing: null }; // −1
    const even = formScore(measured);
    expect(even.score).toBeCloseTo(0, 12);
    expect(even.label).toBe("mixed");
    const weighted = formScore(measured, { weights: { clustering: 3 } });
    expect(weighted.score).toBeCloseTo((3 - 1) / 4, 12);
    expect(weighted.label).toBe("réseau de firmes");
    expect(weighted.missing).toHaveLength(INDICATORS.length - 2);
  });
});

describe("removal and territory", () => {
  it("counts pieces and disconnected pairs on a path", () => {
    const g = analysisGraph(
      buildNetwork(
        ["a", "b", "c", "d"].map((id) => actor(id)),
        [link("a", "b"), link("b", "c"), link("c", "d")],
      ),
    );
    // removing b: pairs among a, c, d were 3, one left (c–d)
    expect(removalImpact(g, "b")).toEqual({
      pairsDisconnected: 2 / 3,
      largestComponentShare: 2 / 3,
      pieces: 2,
    });
    expect(removalImpact(g, "a")).toEqual({ pairsDisconnected: 0, largestComponentShare: 1, pieces: 1 });
  });

  it("counts pairs in the same or adjacent communes", () => {
    const g = buildNetwork(
      [
        actor("a", { commune: "76001" }),
        actor("b", { commune: "76001" }),
        actor("c", { commune: "76002" }),
        actor("d", { commune: "76009" }),
      ],
      [],
    );
    expect(territorialConcentration(g)).toBeCloseTo(1 / 6, 12);
    expect(territorialConcentration(g, [{ a: "76001", b: "76002" }])).toBeCloseTo(3 / 6, 12);
    expect(territorialConcentration(buildNetwork([actor("a")], []))).toBeNull();
  });
});

describe("typology", () => {
  const firms = ["a", "b", "c"].map((id) => actor(id));
  it("industrial district, SPL, cluster, pôle", () => {
    const lab = { ...blankActor("lab", "research") };
    const labelled = {
      ...blankActor("grappe", "network_org"),
      subtype: "grappe" as const,
      public_label: "Région",
    };
    const plain = buildNetwork([...firms, lab, labelled], [link("a", "b"), link("b", "c")]);
    expect(typology(plain, ["a", "b", "c"], { minMembers: 3 }).type).toBe("industrial district");
    const member = (m: string) => link(m, "grappe", "membership");
    const recognised = buildNetwork([...firms, lab, labelled], [link("a", "b"), member("a"), member("b")]);
    const spl = typology(recognised, ["a", "b", "c"], { minMembers: 3 });
    expect(spl.type).toBe("SPL");
    expect(spl.evidence.labelledMembersShare).toBeCloseTo(2 / 3, 12);
    expect(spl.chamberCategories[0]).toMatchObject({ category: "grappe d'entreprises" });
    const withLab = buildNetwork([...firms, lab, labelled], [link("a", "lab", "co_production")]);
    expect(typology(withLab, ["a", "b", "c"], { minMembers: 3 }).type).toBe("cluster");
    const pole = buildNetwork(
      [...firms, lab, labelled],
      [link("a", "lab", "co_production"), member("a"), member("b")],
    );
    expect(typology(pole, ["a", "b", "c"], { minMembers: 3 }).type).toBe("pôle de compétitivité");
  });

  it("is undetermined with the missing attribute", () => {
    const none = buildNetwork(firms, [link("a", "b")]);
    const t = typology(none, ["a", "b", "c"], { minMembers: 3 });
    expect(t.type).toBe("undetermined");
    expect(t.missing).toEqual(["public_label"]);
    expect(typology(none, ["a", "b", "c"], { recognised: false, minMembers: 3 }).type).toBe(
      "industrial district",
    );
    const unknown = buildNetwork(
      ["a", "b"].map((id) => blankActor(id)),
      [],
    );
    expect(typology(unknown, ["a", "b"]).missing).toEqual(["kind", "public_label"]);
  });

  it("leaves small networks and firmes-réseaux out of the grid, with the reason", () => {
    const plain = buildNetwork(firms, [link("a", "b"), link("b", "c")]);
    // 3 members, fewer than the default 10
    const small = typology(plain, ["a", "b", "c"], { recognised: false });
    expect(small.type).toBe("undetermined");
    expect(small.reason).toMatch(/3 members: fewer than 10/);
    expect(small.missing).toEqual([]);
    const pivoted = typology(plain, ["a", "b", "c"], {
      recognised: false,
      minMembers: 3,
      form: "firme-réseau",
    });
    expect(pivoted.type).toBe("undetermined");
    expect(pivoted.reason).toMatch(/firme-réseau/);
    expect(typology(plain, ["a", "b", "c"], { recognised: false, minMembers: 3 }).reason).toBeNull();
  });
});
