/**
 * The network-of-networks dashboard: one self-contained HTML page (`html.ts`) for a chamber piloting the
 * business networks it animates or knows. Summary first; then one card per network (its record, its
 * piloting indicators against the registry's median, a trend plot of members and active members, the
 * members who carry it); the registry-wide comparison; the overlap matrix and the firms that bridge
 * networks; redundant networks and suggested inter-network meetings; the territory's coverage gaps on
 * maps. It presents what `engine/networks/` computed and computes nothing of its own beyond counts for
 * display.
 */
import * as Plot from "@observablehq/plot";
import { schemeBlues, schemeOranges } from "d3-scale-chromatic";
import type { IndicatorStanding, NetworkOfNetworks, RegisteredNetwork } from "../networks/index.ts";
import { choropleth, type Outline } from "./choropleth.ts";
import { escapeHtml } from "./escape.ts";
import { formatDecimal, formatInteger, formatPercent, MISSING } from "./format.ts";
import type { CommuneFeature } from "./geo.ts";
import { facts, htmlDocument, list, paragraph, type ReportSection } from "./html.ts";
import {
  bridgeColumns,
  CANDIDATE_COVERAGE_COLUMNS,
  communeGapColumns,
  meetingColumns,
  NETWORK_COLUMNS,
  type NetworkRow,
  overlapColumns,
  redundantColumns,
} from "./networksTables.ts";
import { linePlot, plotHtml } from "./plot.ts";
import { sortableTable } from "./table.ts";

export interface NetworksReportInput {
  result: NetworkOfNetworks;
  networks: readonly RegisteredNetwork[];
  /** Where the data comes from (dataset, store, files), for the subtitle. */
  source: string;
  /** Commune boundaries for the coverage maps (no maps without them). */
  features?: readonly CommuneFeature[] | null;
  /** Communes of the study zone (the establishment table's, else the registry's territories). */
  zone: ReadonlySet<string>;
  communeName: (code: string) => string | null;
  /** What the typology of each network's members says (by network id), beside the registry's type. */
  typologies?: ReadonlyMap<string, { type: string; reason: string | null; missing: readonly string[] }>;
}

/** Rows of the indicator table: every network with its standing (registry order). */
export function networkRows(result: NetworkOfNetworks, networks: readonly RegisteredNetwork[]): NetworkRow[] {
  const byId = new Map(networks.map((n) => [n.id, n]));
  const standing = new Map(result.comparison.networks.map((s) => [s.network, s]));
  return result.indicators.flatMap((indicators) => {
    const network = byId.get(indicators.network);
    if (!network) return [];
    const s = standing.get(indicators.network);
    return [{ network, indicators, standings: s?.indicators ?? [], weak: s?.weak ?? [] }];
  });
}

const displayName = (n: RegisteredNetwork) => n.name ?? n.id;

function standingText(s: IndicatorStanding | undefined, format: (v: number) => string): string {
  if (!s || s.rank === null || s.median === null) return "";
  return ` — rank ${s.rank} of ${s.of}, median ${format(s.median)}${s.weak ? " ▼" : ""}`;
}

function card(
  row: NetworkRow,
  result: NetworkOfNetworks,
  placed?: { type: string; reason: string | null; missing: readonly string[] },
): string {
  const { network, indicators: p } = row;
  const describe = new Map(result.comparison.indicators.map((i) => [i.key, i.description]));
  const by = new Map(row.standings.map((s) => [s.indicator, s]));
  const pct = (v: number) => formatPercent(v);
  const dec = (v: number) => formatDecimal(v, 3);
  const int = (v: number) => formatInteger(v);
  const line = (label: string, key: string, value: number | null, format: (v: number) => string) =>
    [label, `${value === null ? MISSING : format(value)}${standingText(by.get(key), format)}`] as const;
  const record = facts([
    [
      "Type",
      `${network.type ?? "not given"}${network.typeSource === "typology" ? " (placed by the typology)" : ""}`,
    ],
    ...(placed
      ? [
          [
            "Typology of its members",
            `${placed.type}${placed.reason ? ` (${placed.reason})` : placed.missing.length ? ` (missing ${placed.missing.join(", ")})` : ""}`,
          ] as const,
        ]
      : []),
    [
      "Territory",
      `${formatInteger(network.territory.length)} communes (${network.territoryGiven.join(", ")})`,
    ],
    ["Activities", network.activities.length ? network.activities.join(", ") : "all activities"],
    ["Animator", network.animator ?? MISSING],
    ["Founded", network.founded ?? MISSING],
    ...(network.ended ? [["Ended", network.ended] as const] : []),
  ]);
  const measures = facts([
    line("Members", "members", p.members, int),
    [
      "Joins / leaves",
      `${int(p.joins)} / ${int(p.leaves)} (net ${p.netGrowth >= 0 ? "+" : ""}${int(p.netGrowth)})`,
    ],
    line("Active members", "activeShare", p.activeShare.value, pct),
    line("Density of ties", "density", p.density.value, dec),
    line("New ties", "newTies", p.newTies, int),
    line("Tied to other networks", "outwardShare", p.outwardShare.value, pct),
    line("Reach", "reach", p.reach.value, pct),
    line("Participation Gini", "gini", p.concentration.gini.value, (v) => formatDecimal(v)),
    line("Carried by top 20 %", "topShare", p.concentration.topShare.value, pct),
    line("Actions", "actions", p.actions, int),
  ]);
  const reasons = [p.activeShare, p.density, p.outwardShare, p.reach, p.concentration.gini]
    .filter((m) => m.value === null && m.reason)
    .map((m) => m.reason as string);
  const series = result.series.find((s) => s.network === network.id);
  const plot =
    series && series.points.length > 1
      ? linePlot(
          [
            {
              name: "members",
              points: series.points.map((pt) => ({ x: Number(pt.date.slice(0, 4)), y: pt.members })),
            },
            {
              name: "active members",
              points: series.points.map((pt) => ({ x: Number(pt.date.slice(0, 4)), y: pt.active })),
            },
          ],
          { y: "members", width: 420, height: 170 },
        )
      : paragraph("No yearly series (fewer than two dates).", "note");
  const carriers = p.concentration.carriers.slice(0, 5).map((c) => `${c.name ?? c.id} (${c.participations})`);
  const weak = row.weak.length
    ? `<p class="weak">Bottom quartile of the registry on: ${escapeHtml(row.weak.map((k) => describe.get(k) ?? k).join("; "))}.</p>`
    : "";
  return `<article class="card" id="network-${escapeHtml(network.id)}"><h3>${escapeHtml(displayName(network))}</h3>${record}${measures}${weak}${
    reasons.length ? paragraph(`Undefined: ${[...new Set(reasons)].join("; ")}.`, "note") : ""
  }${plot}${carriers.length ? `<p><strong>Carried by</strong> ${escapeHtml(carriers.join(", "))}${p.concentration.carriers.length > 5 ? "…" : ""} (participations in the window).</p>` : ""}</article>`;
}

function overlapMatrix(result: NetworkOfNetworks, names: ReadonlyMap<string, string>): string {
  const pairs = result.overlap.filter((o) => o.jaccard.value !== null);
  if (pairs.length === 0) return paragraph("No pair of networks with members to compare.", "note");
  // Axis labels are cut to 30 characters so the matrix keeps its room; the table below has full names.
  const short = (id: string) => {
    const name = names.get(id) ?? id;
    return name.length > 30 ? `${name.slice(0, 29)}…` : name;
  };
  const cells = pairs.flatMap((o) => [
    { a: short(o.a), b: short(o.b), jaccard: o.jaccard.value as number, shared: o.shared },
    { a: short(o.b), b: short(o.a), jaccard: o.jaccard.value as number, shared: o.shared },
  ]);
  const order = [...names.keys()].map(short);
  return `<figure class="plot"><figcaption>Shared members between networks (colour: Jaccard; number: members shared)</figcaption>${plotHtml(
    {
      width: 760,
      height: 120 + 34 * order.length,
      marginLeft: 200,
      marginBottom: 160,
      style: { fontSize: "11px" },
      x: { domain: order, label: null, tickRotate: -40 },
      y: { domain: order, label: null },
      // A classed scale: a continuous legend would need a canvas, which the static rendering has not.
      color: {
        type: "threshold",
        domain: [0.05, 0.1, 0.2, 0.3, 0.5],
        scheme: "purples",
        legend: true,
        label: "Jaccard of memberships",
      },
      marks: [
        Plot.cell(cells, { x: "a", y: "b", fill: "jaccard", inset: 0.5 }),
        Plot.text(cells, {
          x: "a",
          y: "b",
          text: (d: (typeof cells)[number]) => (d.shared > 0 ? String(d.shared) : ""),
          fill: (d: (typeof cells)[number]) => (d.jaccard > 0.5 ? "white" : "black"),
        }),
      ],
    },
  )}</figure>`;
}

function coverageMaps(input: NetworksReportInput): string {
  const { result, features } = input;
  if (!features || features.length === 0)
    return paragraph("No commune boundaries given: the coverage is shown as tables only.", "note");
  const existing = new Set(result.networks.filter((n) => n.existsAtAsOf).map((n) => n.id));
  const served = new Map<string, number>();
  for (const code of input.zone) served.set(code, 0);
  for (const n of input.networks)
    if (existing.has(n.id)) for (const c of n.territory) served.set(c, (served.get(c) ?? 0) + 1);
  const uncovered = (result.coverage.uncovered ?? []).slice(0, 6);
  const outlines: Outline[] = uncovered.map((c) => ({
    id: c.candidate,
    label: `#${c.rank} ${c.activity} ${c.label ?? ""} — no network`,
    communes: c.communes,
    stroke: "#c1121f",
  }));
  const maps = [
    choropleth({
      id: "map-networks-served",
      title: `Networks serving each commune, ${result.asOf}`,
      features,
      values: served,
      zone: input.zone,
      scale: {
        domain: [1, 2, 3, 5, 8],
        range: [...schemeBlues[6]],
        label: "networks whose territory holds the commune",
      },
      format: (v) => formatInteger(v),
      outlines,
      width: 520,
      caption:
        "Outlined in red: candidate districts / concentrations of the territorial diagnostic that no network of their activity covers (the first six by rank).",
    }),
  ];
  const gaps = result.coverage.communes?.gaps ?? [];
  if (gaps.length > 0) {
    const perCommune = new Map<string, number>();
    for (const code of input.zone) perCommune.set(code, 0);
    for (const g of gaps) perCommune.set(g.commune, (perCommune.get(g.commune) ?? 0) + 1);
    const c = result.coverage.communes;
    maps.push(
      choropleth({
        id: "map-commune-gaps",
        title: "Activity concentrations without a network member",
        features,
        values: perCommune,
        zone: input.zone,
        scale: {
          domain: [1, 2, 3, 4],
          range: [...schemeOranges[5]],
          label: "activities uncovered in the commune",
        },
        format: (v) => formatInteger(v),
        width: 520,
        caption: c
          ? `Commune × ${c.level} cells with ≥ ${c.minEstablishments} establishments and an establishment LQ ≥ ${c.minLq} (${c.year}) where no member of a network of that activity is located.`
          : undefined,
      }),
    );
  }
  return `<div class="maps">${maps.join("")}</div>`;
}

export function networksReport(input: NetworksReportInput): string {
  const { result } = input;
  const names = new Map(input.networks.map((n) => [n.id, displayName(n)]));
  const rows = networkRows(result, input.networks);
  const existing = result.networks.filter((n) => n.existsAtAsOf).length;
  const memberFirms = new Set(
    rows.flatMap((r) => r.indicators.concentration.participations.map((p) => p.id)),
  );
  const uncovered = result.coverage.uncovered;
  const candidates = result.coverage.candidates;
  const gaps = result.coverage.communes?.gaps ?? null;
  const findings: string[] = [];
  const describe = new Map(result.comparison.indicators.map((i) => [i.key, i.description]));
  for (const r of rows)
    if (r.weak.length)
      findings.push(
        `${displayName(r.network)}: among the weakest of the registry on ${r.weak.map((k) => describe.get(k) ?? k).join("; ")}.`,
      );
  for (const p of result.redundant)
    findings.push(
      `${names.get(p.a) ?? p.a} and ${names.get(p.b) ?? p.b} duplicate each other: ${p.evidence}`,
    );
  for (const m of result.meetings.slice(0, 3))
    findings.push(
      `${names.get(m.a) ?? m.a} and ${names.get(m.b) ?? m.b} should meet: complementary along ${m.chains
        .slice(0, 2)
        .map((c) => `${c.divisions[0]}↔${c.divisions[1]}`)
        .join(", ")} and not tied (${m.ties} ties).`,
    );
  for (const c of (uncovered ?? []).slice(0, 3))
    findings.push(
      `No network covers candidate #${c.rank} ${c.activity} ${c.label ?? ""} (${formatInteger(c.jobs)} jobs, ${c.communes.length} communes).`,
    );
  const summary = [
    facts([
      [
        "As of",
        `${result.asOf} (window ${result.window.from} excluded → ${result.window.to}, ${result.window.months} months)`,
      ],
      [
        "Networks registered",
        `${formatInteger(result.networks.length)} (${formatInteger(existing)} running at that date)`,
      ],
      ["Member actors", formatInteger(memberFirms.size)],
      ["Actors in two networks or more", formatInteger(result.bridges.length)],
      ["Redundant pairs", formatInteger(result.redundant.length)],
      ["Suggested inter-network meetings", formatInteger(result.meetings.length)],
      [
        "Candidate districts without a network",
        uncovered && candidates
          ? `${formatInteger(uncovered.length)} of ${formatInteger(candidates.length)}`
          : MISSING,
      ],
      ["Commune × activity gaps", gaps ? formatInteger(gaps.length) : MISSING],
    ]),
    findings.length ? `<h3>What to act on</h3>${list(findings)}` : "",
    ...result.notes.map((n) => paragraph(n, "note")),
    ...result.coverage.reasons.map((n) => paragraph(n, "note")),
  ].join("");

  const sections: ReportSection[] = [
    {
      id: "networks",
      title: "Networks",
      body: `${paragraph(
        "Each network at the as-of date, its indicators with its rank among the registry's networks and the registry's median (▼: bottom quartile, in the direction that is worse), members and active members by year, and the members who carry it.",
        "note",
      )}<div class="cards">${rows.map((r) => card(r, result, input.typologies?.get(r.network.id))).join("")}</div>`,
    },
    {
      id: "comparison",
      title: "Comparison",
      body: sortableTable(NETWORK_COLUMNS, rows, { id: "network-indicators" }),
    },
    {
      id: "overlaps",
      title: "Overlaps and bridges",
      body: [
        overlapMatrix(result, names),
        sortableTable(
          overlapColumns(names),
          result.overlap.filter((o) => o.shared > 0),
          { id: "overlap", caption: "Pairs of networks sharing members" },
        ),
        "<h3>Firms bridging networks</h3>",
        sortableTable(bridgeColumns(names), result.bridges, { id: "bridges", limit: 40 }),
      ].join(""),
    },
    {
      id: "redundant",
      title: "Redundant networks",
      body: result.redundant.length
        ? sortableTable(redundantColumns(names), result.redundant, { id: "redundant" })
        : paragraph(
            "No pair of networks serves the same activities on the same territory with the same members.",
            "note",
          ),
    },
    {
      id: "meetings",
      title: "Suggested inter-network meetings",
      body: result.meetings.length
        ? `${paragraph(
            "Networks whose members are complementary along the territory's observed value chains (supply, subcontracting) but have no tie and no joint inter-network action yet.",
            "note",
          )}${sortableTable(meetingColumns(names), result.meetings, { id: "meetings", limit: 20 })}`
        : paragraph("No complementary pair of networks left unconnected.", "note"),
    },
    {
      id: "coverage",
      title: "Coverage of the territory",
      body: [
        coverageMaps(input),
        candidates
          ? sortableTable(CANDIDATE_COVERAGE_COLUMNS, candidates, {
              id: "candidate-coverage",
              caption:
                "Candidate districts / concentrations and the networks of their activity on their communes",
              limit: 40,
            })
          : "",
        gaps?.length
          ? sortableTable(communeGapColumns(input.communeName), gaps, {
              id: "commune-gaps",
              caption: "Communes with many establishments of an activity and no member of a network of it",
              limit: 40,
            })
          : "",
      ].join(""),
    },
  ];
  return htmlDocument({
    title: "Network of networks",
    subtitle: `${input.source} — as of ${result.asOf}`,
    summary,
    sections,
    footer: paragraph(
      "maillage networks report. Definitions of every indicator: engine/networks/ (README, 'Network of networks'). The as-of date is the latest date in the data unless --as-of is given.",
    ),
  });
}
