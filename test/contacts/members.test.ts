/**
 * The animator's view of a member network (`engine/contacts/members/`): exact results on a hand-made
 * network, and on the built-in rouen data the planted grappe and zone association (truth.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memberNetworkReview } from "../../engine/contacts/members/memberNetwork.ts";
import { divisionPairKey, valueChains } from "../../engine/contacts/members/valueChains.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { buildNetwork } from "../../engine/model/graph.ts";
import { nafDivision } from "../../engine/model/naf.ts";
import { type Actor, blankActor, blankLink, type Link } from "../../engine/model/types.ts";
import type { ActorKind, LinkKind } from "../../engine/model/vocabulary.ts";
import { parseAdjacencyCsv } from "../../engine/territory/adjacency.ts";
import { maillage } from "../cli/run.ts";
import { tempDir, writeIn } from "../helpers.ts";
import { rouenFiles } from "./fixtures.ts";

const actor = (
  id: string,
  kind: ActorKind,
  naf: string | null = null,
  commune: string | null = null,
): Actor => ({
  ...blankActor(id, kind),
  naf,
  commune,
});

const link = (
  source: string,
  target: string,
  kind: LinkKind,
  start: string,
  end: string | null = null,
): Link => blankLink(source, target, kind, { start, end });

interface ReferenceRun {
  asOf: string;
  lastFrom: string;
  previousFrom: string;
  organisations: Record<
    string,
    {
      id: string;
      members: string[];
      dropping: unknown[];
      left: string[];
      pairs: [string, string, number, string, number][] | null;
      growth: { year: number; joined: number; left: number; members: number }[];
    }
  >;
}

/** A club of six firms; E left in 2024; F's ties all ended in 2023; X supplies Y (divisions 22 → 29). */
function handMade() {
  const actors = [
    actor("club", "network_org"),
    actor("org2", "association"),
    actor("A", "firm", "49.41A", "76001"),
    actor("B", "firm", "49.41B", "76001"),
    actor("C", "firm", "29.10Z", "76002"),
    actor("D", "firm", "22.29A", "76003"),
    actor("E", "firm", "49.41A", "76009"),
    actor("F", "firm", "49.41A", "76001"),
    actor("X", "firm", "22.29A", "76050"),
    actor("Y", "firm", "29.10Z", "76050"),
    actor("Z", "firm", "70.22Z", "76050"),
  ];
  const links = [
    link("A", "club", "membership", "2020-01-01"),
    link("B", "club", "membership", "2020-01-01"),
    link("C", "club", "membership", "2021-06-01"),
    link("D", "club", "membership", "2022-03-01"),
    link("E", "club", "membership", "2019-01-01", "2024-06-30"),
    link("F", "club", "membership", "2020-01-01"),
    link("D", "org2", "membership", "2020-01-01"),
    link("X", "Y", "supply", "2015-01-01"),
    link("A", "C", "information", "2021-01-01"),
    link("A", "Z", "business", "2024-12-31"),
    link("F", "A", "friendship", "2018-01-01", "2023-06-30"),
    link("F", "Z", "information", "2019-01-01", "2023-05-01"),
    link("B", "D", "advice", "2023-06-01"),
    link("C", "Z", "information", "2020-01-01"),
    link("B", "Z", "information", "2020-01-01"),
  ];
  return buildNetwork(actors, links);
}

const ADJACENCY = [
  { a: "76001", b: "76002" },
  { a: "76002", b: "76003" },
];

describe("member network review on a hand-made club", () => {
  const network = handMade();
  const r = memberNetworkReview(network, "club", { adjacency: ADJACENCY, maxMembers: 4 });

  it("takes the latest link date as asOf and the members active that day", () => {
    expect(r.asOf).toBe("2024-12-31");
    expect(r.windows).toEqual({ asOf: "2024-12-31", lastFrom: "2023-12-31", previousFrom: "2022-12-31" });
    expect(r.members).toEqual(["A", "B", "C", "D", "F"]);
  });

  it("flags F, whose ties all ended, as silent in both scopes, and E as left", () => {
    expect(r.dropping).toEqual([
      {
        id: "F",
        members: { last: 0, previous: 1 },
        all: { last: 0, previous: 2 },
        kind: "silent",
        scopes: ["members", "all"],
        reason:
          "with members: 0 links active in the last window < 0.5 x 1 in the previous one; with anyone: 0 links active in the last window < 0.5 x 2 in the previous one",
      },
    ]);
    expect(r.left).toEqual([{ id: "E", left: "2024-06-30", since: "2019-01-01" }]);
  });

  it("suggests exactly the untied close pairs of the same or complementary divisions, ranked", () => {
    expect(r.pairs.map((p) => [p.a, p.b, p.score, p.relation, p.proximity, p.shared])).toEqual([
      ["A", "B", 3, "horizontal", "same_commune", ["Z"]],
      ["B", "F", 2, "horizontal", "same_commune", []],
      ["C", "D", 1.5, "complementary", "adjacent", []],
    ]);
    expect(r.pairs[2].chainLinks).toBe(1);
    expect(r.pairs[2].reason).toBe(
      "complementary divisions 29 (Industrie automobile) and 22 (Fabrication de produits en caoutchouc et en plastique): 1 supply/subcontracting/client links observed between the divisions; adjacent communes 76002 and 76003; no shared contact; no tie yet",
    );
    expect(r.pairs[0].reason).toMatch(
      /^same division 49 \(.+\); same commune 76001; 1 shared contacts \(Z\); no tie yet$/,
    );
  });

  it("adds pairs from a table of complementary divisions", () => {
    const t = memberNetworkReview(network, "club", { adjacency: ADJACENCY, complementary: [["49", "29"]] });
    expect(t.pairs.map((p) => [p.a, p.b, p.score])).toEqual([
      ["A", "B", 3],
      ["B", "C", 2],
      ["B", "F", 2],
      ["C", "D", 1.5],
      ["C", "F", 1],
    ]);
    expect(t.pairs[1].reason).toContain("complementary in the given table");
  });

  it("compares the size with the threshold and gives the yearly growth", () => {
    expect(r.selectivity).toEqual({
      members: 5,
      maxMembers: 4,
      share: 1.25,
      over: true,
      growth: [
        { year: 2020, joined: 3, left: 0, net: 3, members: 4 },
        { year: 2021, joined: 1, left: 0, net: 1, members: 5 },
        { year: 2022, joined: 1, left: 0, net: 1, members: 6 },
        { year: 2023, joined: 0, left: 0, net: 0, members: 6 },
        { year: 2024, joined: 0, left: 1, net: -1, members: 5 },
      ],
      verdict:
        "5 members > 4 (selectivity threshold): over the threshold, at risk of dilution; +4 since the end of 2019 (1)",
    });
  });

  it("takes another as-of date, ratio and window; finds the organisation by name", () => {
    const earlier = memberNetworkReview(network, "club", {
      asOf: "2023-07-01",
      months: 6,
      activity: { ratio: 1 },
    });
    expect(earlier.members).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(earlier.windows.lastFrom).toBe("2023-01-01");
    // Without adjacency only same-commune pairs remain.
    expect(earlier.pairs.every((p) => p.proximity === "same_commune")).toBe(true);
    network.setNodeAttribute("club", "name", "Le Club des Entreprises");
    expect(memberNetworkReview(network, "le club des entreprises").organisation.id).toBe("club");
    expect(() => memberNetworkReview(network, "nobody")).toThrow(/no actor id or name.*club/);
  });
});

describe("member network review on the built-in rouen data", async () => {
  const files = rouenFiles();
  const truth = JSON.parse(readFileSync(files.truth, "utf8")).associations;
  const dir = files.truth.replace(/truth\.json$/, "");
  const { graph } = await readNetwork({ nodes: `${dir}actors.csv`, edges: `${dir}links.csv` });
  const adjacency = parseAdjacencyCsv(
    readFileSync(`${dir}geo/communes_76_adjacency.csv`, "utf8"),
    "adjacency",
  );
  const chains = valueChains(graph);

  for (const key of ["grappe", "zone_association"] as const) {
    it(`${key}: members as planted, pairs untied and of one or complementary divisions`, () => {
      const planted = truth[key];
      const r = memberNetworkReview(graph, planted.id, { adjacency });
      expect(r.asOf).toBe("2024-12-30");
      expect([...r.members].sort()).toEqual([...planted.members].sort());
      expect(r.selectivity.members).toBe(planted.members.length);
      for (const f of planted.former_members) expect(r.members).not.toContain(f);
      expect(r.pairs.length).toBeGreaterThan(0);
      for (const p of r.pairs) {
        expect(graph.edges(p.a, p.b)).toHaveLength(0);
        const da = nafDivision(graph.getNodeAttribute(p.a, "naf") as string);
        const db = nafDivision(graph.getNodeAttribute(p.b, "naf") as string);
        if (p.relation === "horizontal") expect(da).toBe(db);
        else expect(chains.get(divisionPairKey(da, db))?.links ?? 0).toBeGreaterThan(0);
      }
    });
  }

  const reference = JSON.parse(
    readFileSync(
      join(import.meta.dirname, "..", "fixtures", "contacts-members", "rouen_members.json"),
      "utf8",
    ),
  ) as ReferenceRun[];
  for (const run of reference) {
    for (const [key, ref] of Object.entries(run.organisations)) {
      it(`${key} as of ${run.asOf}: equal to the independent pandas computation`, () => {
        const r = memberNetworkReview(graph, ref.id, {
          adjacency,
          asOf: run.asOf === reference[0].asOf ? undefined : run.asOf,
        });
        expect(r.asOf).toBe(run.asOf);
        expect(r.windows.lastFrom).toBe(run.lastFrom);
        expect(r.windows.previousFrom).toBe(run.previousFrom);
        expect([...r.members].sort()).toEqual(ref.members);
        expect(
          r.dropping.map((d) => ({
            id: d.id,
            kind: d.kind,
            scopes: d.scopes,
            counts: { members: [d.members.last, d.members.previous], all: [d.all.last, d.all.previous] },
          })),
        ).toEqual(ref.dropping);
        expect(r.left.map((l) => l.id).sort()).toEqual(ref.left);
        expect(r.selectivity.growth.map(({ net: _net, ...g }) => g)).toEqual(ref.growth);
        if (ref.pairs === null) return;
        expect(r.pairs).toHaveLength(ref.pairs.length);
        r.pairs.forEach((p, i) => {
          const [a, b, score, relation, shared] = ref.pairs?.[i] ?? [];
          expect([p.a, p.b, p.relation, p.shared.length]).toEqual([a, b, relation, shared]);
          expect(p.score).toBeCloseTo(score as number, 9);
        });
      });
    }
  }

  it("grappe: within 60 members, all pairs among the district hauliers; zone association over it", () => {
    const grappe = memberNetworkReview(graph, truth.grappe.id, { adjacency });
    expect(grappe.selectivity.over).toBe(false);
    expect(new Set(grappe.pairs.map((p) => p.relation))).toEqual(new Set(["horizontal"]));
    const zone = memberNetworkReview(graph, truth.zone_association.id, { adjacency });
    expect(zone.selectivity.over).toBe(true);
    expect(zone.pairs.some((p) => p.relation === "complementary")).toBe(true);
  });
});

describe("maillage contacts members", () => {
  it("reviews a hand-made network from files and reports as JSON", () => {
    const dir = tempDir();
    const nodes = writeIn(
      dir,
      "actors.csv",
      "id,kind,naf,commune\nclub,network_org,,\nA,firm,49.41A,76001\nB,firm,49.41B,76001\nC,firm,29.10Z,76002\n",
    );
    const edges = writeIn(
      dir,
      "links.csv",
      "source,target,kind,start,end\nA,club,membership,2020-01-01,\nB,club,membership,2020-01-01,\nC,club,membership,2020-01-01,2024-02-01\nA,C,information,2024-06-01,\n",
    );
    const adjacency = writeIn(dir, "adjacency.csv", "code_a,code_b\n76001,76002\n");
    const r = maillage([
      "contacts",
      "members",
      "club",
      "--nodes",
      nodes,
      "--edges",
      edges,
      "--adjacency",
      adjacency,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe("2024-06-01");
    expect(out.members).toEqual(["A", "B"]);
    expect(out.left).toEqual([{ id: "C", left: "2024-02-01", since: "2020-01-01" }]);
    expect(out.pairs.map((p: { a: string; b: string }) => [p.a, p.b])).toEqual([["A", "B"]]);
    expect(out.selectivity.maxMembers).toBe(60);
  });

  it("prints the grappe's review from the rouen dataset; a wrong option is a usage error", () => {
    const r = maillage([
      "contacts",
      "members",
      "org-grappe-transport-seine-sud",
      "--dataset",
      "rouen",
      "--pairs",
      "2",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("size: 35 members <= 60");
    expect(r.stdout).toMatch(/pairs of members who should meet \(\d+, best 2;/);
    expect(maillage(["contacts", "members", "x", "--max-members", "-3"]).code).toBe(2);
    expect(maillage(["contacts", "members", "nobody", "--dataset", "rouen"]).code).toBe(1);
  });
});
