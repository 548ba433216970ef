/**
 * A hand-made registry of four networks over eleven firms, shared by the network-of-networks tests.
 * Every expected value in the tests is derived by hand from the lists below.
 *
 * Firms (NAF, commune): A 25.62A 74001, B 25.62B 74001, C 25.62A 74002, D 25.73A 74002, E 28.41Z 74003,
 * F 10.71C 74010, G 10.13A 74010, H 46.90Z 74010; non-members Z 25.62A 74001, P 10.71C 74010,
 * Q 28.93Z 74003.
 *
 * Networks (activities; territory; founded) and memberships [start, end]:
 * - N1 club (25.62; 74001 74002; 2021-03-01): A [2021-03-01, –], B [2022-05-01, –], C [2024-03-01, –],
 *   D [2021-06-01, 2024-06-30];
 * - N2 grappe (25; 74001 74002 74003; 2020-01-01): A [2020-02-01, –], C [2023-01-15, –],
 *   D [2020-02-01, –], E [2024-09-01, –];
 * - N3 association (10; 74010; 2019-01-01): F, G [2019-02-01, –], H [2024-02-01, 2024-12-31];
 * - N4 club (25.62A; 74001 74002; 2021-01-01): A, B [2021-01-01, –].
 *
 * Ties: A–B information 2022-06-01; A→C supply 2024-04-01; B–C friendship 2021-01-01..2023-06-30;
 * C→E subcontracting 2022-01-01; B–D advice 2023-01-01; D–E co_location 2024-10-01;
 * F–G business 2018-01-01; Q→P supply 2020-05-01.
 *
 * Actions: a1 N1 meeting 2024-05-10 [A, C, Z]; a2 N1 training 2024-11-20 [A];
 * a3 N1 meeting 2023-06-01 [B]; a4 N2 meeting 2024-02-15 [D].
 * The latest date is H's end, 2024-12-31: the default asOf.
 */
import type { NetworkGraph } from "../../engine/model/graph.ts";
import type { Link } from "../../engine/model/types.ts";
import type { LinkKind } from "../../engine/model/vocabulary.ts";
import type { NetworkAction, RegisteredNetwork, Registry } from "../../engine/networks/types.ts";
import { actor, link, network } from "../networkBuilders.ts";

export function registered(id: string, fields: Partial<RegisteredNetwork> = {}): RegisteredNetwork {
  return {
    id,
    name: id,
    type: "club",
    typeSource: "given",
    territory: [],
    territoryGiven: [],
    activities: [],
    animator: null,
    founded: null,
    ended: null,
    ...fields,
  };
}

export function action(
  id: string,
  networks: string[],
  date: string,
  participants: string[],
  kind: NetworkAction["kind"] = "meeting",
): NetworkAction {
  return { id, networks, date, kind, title: null, participants, attendance: null };
}

export const member = (m: string, organisation: string, start: string, end: string | null = null): Link =>
  link(m, organisation, "membership", { start, end });

export const tie = (a: string, b: string, kind: LinkKind, start: string, end: string | null = null): Link =>
  link(a, b, kind, { start, end });

export function handMadeRegistry(): { registry: Registry; graph: NetworkGraph } {
  const firms: [string, string, string][] = [
    ["A", "25.62A", "74001"],
    ["B", "25.62B", "74001"],
    ["C", "25.62A", "74002"],
    ["D", "25.73A", "74002"],
    ["E", "28.41Z", "74003"],
    ["F", "10.71C", "74010"],
    ["G", "10.13A", "74010"],
    ["H", "46.90Z", "74010"],
    ["Z", "25.62A", "74001"],
    ["P", "10.71C", "74010"],
    ["Q", "28.93Z", "74003"],
  ];
  const actors = [
    actor("N1", { kind: "network_org", subtype: "club" }),
    actor("N2", { kind: "network_org", subtype: "grappe" }),
    actor("N3", { kind: "association" }),
    actor("N4", { kind: "network_org", subtype: "club" }),
    ...firms.map(([id, naf, commune]) => actor(id, { name: `Firm ${id}`, naf, commune })),
  ];
  const links = [
    member("A", "N1", "2021-03-01"),
    member("B", "N1", "2022-05-01"),
    member("C", "N1", "2024-03-01"),
    member("D", "N1", "2021-06-01", "2024-06-30"),
    member("A", "N2", "2020-02-01"),
    member("C", "N2", "2023-01-15"),
    member("D", "N2", "2020-02-01"),
    member("E", "N2", "2024-09-01"),
    member("F", "N3", "2019-02-01"),
    member("G", "N3", "2019-02-01"),
    member("H", "N3", "2024-02-01", "2024-12-31"),
    member("A", "N4", "2021-01-01"),
    member("B", "N4", "2021-01-01"),
    tie("A", "B", "information", "2022-06-01"),
    tie("A", "C", "supply", "2024-04-01"),
    tie("B", "C", "friendship", "2021-01-01", "2023-06-30"),
    tie("C", "E", "subcontracting", "2022-01-01"),
    tie("B", "D", "advice", "2023-01-01"),
    tie("D", "E", "co_location", "2024-10-01"),
    tie("F", "G", "business", "2018-01-01"),
    tie("Q", "P", "supply", "2020-05-01"),
  ];
  const registry: Registry = {
    networks: [
      registered("N1", { activities: ["25.62"], territory: ["74001", "74002"], founded: "2021-03-01" }),
      registered("N2", {
        type: "grappe",
        activities: ["25"],
        territory: ["74001", "74002", "74003"],
        founded: "2020-01-01",
      }),
      registered("N3", {
        type: "association",
        activities: ["10"],
        territory: ["74010"],
        founded: "2019-01-01",
      }),
      registered("N4", { activities: ["25.62A"], territory: ["74001", "74002"], founded: "2021-01-01" }),
    ],
    actions: [
      action("a1", ["N1"], "2024-05-10", ["A", "C", "Z"]),
      action("a2", ["N1"], "2024-11-20", ["A"], "training"),
      action("a3", ["N1"], "2023-06-01", ["B"]),
      action("a4", ["N2"], "2024-02-15", ["D"]),
    ],
  };
  return { registry, graph: network(actors, links) };
}
