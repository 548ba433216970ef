/**
 * Leaders and introductions on the rouen contact book and network, against networkx
 * (test/fixtures/contacts/reference.py builds the same graphs independently from the CSVs).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assembleBook } from "../../engine/contacts/book.ts";
import { alterGraph, contactNode, reachGraph } from "../../engine/contacts/egoNetwork.ts";
import { introductionChains } from "../../engine/contacts/introductions.ts";
import { networkLeaders } from "../../engine/contacts/leaders.ts";
import { parseContactFile } from "../../engine/contacts/sources.ts";
import type { Contact } from "../../engine/contacts/types.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { fixture, rouenFiles } from "./fixtures.ts";

const files = rouenFiles();
const reference = JSON.parse(readFileSync(fixture("reference.json"), "utf8"));
const TOLERANCE = 1e-12;

async function load() {
  const c = parseContactFile(readFileSync(files.contacts), files.contacts);
  if (c.kind !== "contacts") throw new Error("contacts expected");
  const book = assembleBook([c.read], []);
  const network = (await readNetwork({ nodes: files.actors, edges: files.links })).graph;
  return { contacts: book.contacts, network };
}

describe("leaders: betweenness in the ego network without ego", async () => {
  const { contacts, network } = await load();

  it("builds the same alter graph as the reference", () => {
    const g = alterGraph(contacts, network);
    expect({ nodes: g.order, edges: g.size }).toEqual(reference.alter_graph);
  });

  it("matches networkx betweenness_centrality(normalized=True) for every contact", () => {
    const all = networkLeaders(contacts, network, { limit: 0 });
    const byId = new Map(all.map((l) => [l.id, l.betweenness]));
    for (const [id, value] of Object.entries(reference.betweenness) as [string, number][]) {
      expect(Math.abs((byId.get(id) ?? 0) - value)).toBeLessThan(TOLERANCE);
    }
    const ranked = all.map((l) => l.betweenness);
    expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
  });

  it("counts introductions and the spheres a contact bridges", () => {
    const mk = (id: string, sphere: Contact["sphere"], extra: Partial<Contact> = {}): Contact => ({
      id,
      firstName: id,
      lastName: null,
      displayName: null,
      emails: [],
      phones: [],
      organisationId: null,
      organisation: null,
      position: null,
      sphere,
      subsphere: null,
      closeness: 3,
      formality: null,
      usefulness: null,
      introducedBy: null,
      connectedOn: null,
      sources: [],
      ...extra,
    });
    // B introduced A (private) and C (educational); D and E are B's colleagues.
    const book = [
      mk("A", "private", { introducedBy: "B" }),
      mk("B", "professional", { organisation: "Club" }),
      mk("C", "educational", { introducedBy: "B" }),
      mk("D", "professional", { organisation: "Club" }),
    ];
    const [top] = networkLeaders(book);
    // B lies on every shortest path between A, C and D: 3 pairs of the 3 = (n-1)(n-2)/2 possible.
    expect(top).toEqual({
      id: "B",
      betweenness: 1,
      spheres: ["educational", "private", "professional"],
      degree: 3,
      introduced: 2,
    });
  });
});

describe("introductions: shortest chains through trusted ties", async () => {
  const { contacts, network } = await load();
  const graph = reachGraph(contacts, network);

  it("trusts exactly the contacts with closeness >= 4", () => {
    expect(
      graph
        .neighbors("ego")
        .map((n) => n.slice(2))
        .sort(),
    ).toEqual(reference.trusted);
  });

  for (const target of Object.keys(reference.introductions)) {
    it(`finds chains to ${target} of the networkx lengths, each a path of the graph`, () => {
      const expected: Record<string, number> = reference.introductions[target];
      const { target: match, chains } = introductionChains(contacts, network, target, { limit: 1000 });
      expect(match.found).toBe(true);
      expect(chains).toHaveLength(Object.keys(expected).length);
      for (const chain of chains) {
        expect(chain.length).toBe(expected[chain.via]);
        expect(chain.steps).toHaveLength(chain.length + 1);
        expect(chain.steps[0].type).toBe("ego");
        expect(chain.steps[1].id).toBe(chain.via);
      }
      const lengths = chains.map((c) => c.length);
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
      if (chains.length > 0) expect(lengths[0]).toBe(Math.min(...Object.values(expected)));
    });
  }

  it("walks only existing ties and resolves names", () => {
    const { chains } = introductionChains(contacts, network, "Verinand Fret", { limit: 3 });
    expect(chains[0].steps.at(-1)).toMatchObject({ type: "organisation", id: "00000415000017" });
    for (const chain of chains) {
      const nodes = chain.steps.map((s) =>
        s.type === "ego" ? "ego" : s.type === "contact" ? contactNode(s.id as string) : `a:${s.id}`,
      );
      for (let i = 1; i < nodes.length; i++) expect(graph.hasEdge(nodes[i - 1], nodes[i])).toBe(true);
    }
    const none = introductionChains(contacts, network, "zzz-nobody");
    expect(none.target.found).toBe(false);
    // Every word of the target, in any order and without accents, among the organisation's words.
    const pivot = JSON.parse(readFileSync(files.truth, "utf8")).pivot.id;
    const byName = introductionChains(contacts, network, "cleon usine", { limit: 1 });
    expect(byName.target).toMatchObject({ found: true, node: `a:${pivot}` });
    const several = introductionChains(contacts, network, "Fret");
    expect(several.target.found).toBe(false);
    if (!several.target.found) expect(several.target.candidates.length).toBeGreaterThan(1);
  });
});
