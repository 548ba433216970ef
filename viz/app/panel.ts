/** The side panel of a selected actor: its attributes, its measures with their rank, its links. */
import {
  LEADER_MEASURE_LABELS,
  type VizDocument,
  type VizLeader,
  type VizNode,
  type VizPivot,
} from "../types.ts";

const PIVOT_EVIDENCE: Array<[keyof VizPivot["evidence"], string]> = [
  ["tieShare", "share of the network's ties"],
  ["verticalTieShare", "share of its vertical market ties"],
  ["betweenness", "betweenness"],
  ["pairsDisconnected", "pairs disconnected by its removal"],
  ["largestComponentShare", "largest piece left without it"],
  ["suppliersInbound", "supply links where it is the customer"],
  ["largerThan", "share of actors smaller than it"],
  ["formalShare", "formal links"],
];

/** The pivot section: the network, its form, and the evidence (engine/classify/pivots.ts). */
export function pivotPanelHtml(pivot: VizPivot, node: VizNode): string {
  const rows = PIVOT_EVIDENCE.map(
    ([key, label]) =>
      `<tr data-pivot-evidence="${key}"><td>${label}</td><td>${formatNumber(pivot.evidence[key])}</td></tr>`,
  );
  const form = node.form;
  return `<section id="panel-pivot">
<h3>Pivot firm of ${escapeHtml(pivot.network)}</h3>
<p class="note">the actor this firme-réseau is organised around${form ? ` (${form.size} firms, form score ${form.score === null ? "—" : form.score.toFixed(2)}: −1 firme-réseau … +1 réseau de firmes)` : ""}</p>
<table><tr><td>pivot score</td><td>${pivot.score.toFixed(3)}</td></tr>${rows.join("")}</table>
</section>`;
}

export const ROLE_LABELS: Record<VizLeader["role"], string> = {
  broker: "broker",
  hub: "hub",
  broker_hub: "broker and hub",
};

const ROLE_MEANING: Record<VizLeader["role"], string> = {
  broker:
    "relays between actors and groups that are not tied otherwise: its brokerage percentiles exceed its hub percentiles by more than 0.1",
  hub: "central among well-connected actors: its hub percentiles (eigenvector, PageRank) exceed its brokerage percentiles by more than 0.1",
  broker_hub: "both: its brokerage and hub percentiles are within 0.1 of each other",
};

/** The leader section: role, score, ranks and the evidence (raw value and percentile of each measure). */
export function leaderPanelHtml(leader: VizLeader): string {
  const where = [
    `${leader.rank} of ${leader.of} overall`,
    leader.networkRank !== null && leader.network !== null
      ? `leader ${leader.networkRank} of network #${leader.network} (${leader.networkSize} actors)`
      : null,
  ].filter((s): s is string => s !== null);
  const e = leader.evidence;
  const raw: Record<keyof typeof LEADER_MEASURE_LABELS, number | null> = {
    betweenness: e.betweenness,
    lowConstraint: e.constraint === null ? null : 1 - e.constraint,
    crossGroupBrokerage: e.crossGroupBrokerage,
    reach2: e.reach2,
    eigenvector: e.eigenvector,
    pagerank: e.pagerank,
  };
  const rows = (Object.keys(LEADER_MEASURE_LABELS) as Array<keyof typeof LEADER_MEASURE_LABELS>).map(
    (m) =>
      `<tr data-evidence="${m}"><td>${LEADER_MEASURE_LABELS[m]}</td><td>${formatNumber(raw[m])}</td><td>${Math.round(leader.percentiles[m] * 100)}%</td></tr>`,
  );
  return `<section id="panel-leader" data-role="${leader.role}">
<h3>Opinion leader: ${ROLE_LABELS[leader.role]}</h3>
<p class="note">${escapeHtml(ROLE_MEANING[leader.role])}</p>
<table><tr><td>score</td><td id="leader-score">${leader.score.toFixed(3)}</td></tr>
<tr><td>rank</td><td>${escapeHtml(where.join("; "))}</td></tr>
<tr><td>degree</td><td>${e.degree}</td></tr>
<tr><td>constraint</td><td>${formatNumber(e.constraint)}</td></tr></table>
<table id="panel-evidence"><tr><th>measure</th><th>value</th><th>percentile</th></tr>${rows.join("")}</table>
<p class="note">within its network: betweenness normalised by the network's pairs, eigenvector scaled to max 1, PageRank × network size (1 = average member), reach = actors within two steps</p>
</section>`;
}

const escapeHtml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

function formatNumber(v: number | null): string {
  if (v === null) return "—";
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return v < 0.01 ? v.toExponential(2) : v.toFixed(4);
}

/** Rank of each actor for each measure (1 = highest), computed once. */
export function metricRanks(doc: VizDocument): Map<string, Map<string, number>> {
  const ranks = new Map<string, Map<string, number>>();
  for (const metric of doc.metrics) {
    const byValue = doc.nodes
      .filter((n) => n.metrics[metric.name] !== null)
      .sort((a, b) => (b.metrics[metric.name] as number) - (a.metrics[metric.name] as number));
    const rank = new Map<string, number>();
    let previous: number | null = null;
    let current = 0;
    byValue.forEach((n, i) => {
      const v = n.metrics[metric.name] as number;
      if (v !== previous) current = i + 1;
      previous = v;
      rank.set(n.id, current);
    });
    ranks.set(metric.name, rank);
  }
  return ranks;
}

export function nodePanelHtml(
  doc: VizDocument,
  node: VizNode,
  ranks: Map<string, Map<string, number>>,
  names: Map<string, string>,
): string {
  const rows: Array<[string, string]> = [
    ["id", node.id],
    ["kind", node.subtype ? `${node.kind} (${node.subtype})` : node.kind],
    [
      "activity",
      node.naf
        ? `${node.naf} — ${node.division ? (doc.labels.divisions[node.division] ?? "") : ""}`
        : "unknown",
    ],
    [
      "commune",
      node.commune ? `${doc.labels.communes[node.commune] ?? ""} (${node.commune})`.trim() : "unknown",
    ],
    ["headcount", node.headcount === null ? "unknown" : String(node.headcount)],
    ["size class", node.size_class ?? "unknown"],
    ["founded", node.founded === null ? "unknown" : String(node.founded)],
    ["label", node.public_label ?? "—"],
    [
      "network form",
      node.form
        ? `${node.form.label} (${node.form.network}, ${node.form.size} firms, score ${node.form.score === null ? "—" : node.form.score.toFixed(2)})`
        : "—",
    ],
    [
      "community",
      node.community === null
        ? "none (no link)"
        : `#${node.community} (${doc.communities[node.community]?.size ?? "?"} actors)`,
    ],
  ];
  const metricRows = doc.metrics.map((m) => {
    const rank = ranks.get(m.name)?.get(node.id);
    return `<tr data-metric="${m.name}" title="${escapeHtml(m.definition)}"><td>${escapeHtml(m.label)}</td><td>${formatNumber(node.metrics[m.name])}${rank ? ` <span class="note">rank ${rank} of ${doc.nodes.length}</span>` : ""}</td></tr>`;
  });
  const byKind = new Map<string, number>();
  const partners = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const other = edge.source === node.id ? edge.target : edge.target === node.id ? edge.source : null;
    if (other === null) continue;
    byKind.set(edge.kind, (byKind.get(edge.kind) ?? 0) + 1);
    const arrow = edge.directed ? (edge.source === node.id ? "→" : "←") : "—";
    const list = partners.get(other) ?? [];
    list.push(`${arrow} ${edge.kind}`);
    partners.set(other, list);
  }
  const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  const neighbours = [...partners.entries()]
    .slice(0, 60)
    .map(
      ([id, how]) =>
        `<li><button class="link" type="button" data-node="${escapeHtml(id)}">${escapeHtml(names.get(id) ?? id)}</button> <span class="note">${escapeHtml(how.join(", "))}</span></li>`,
    );
  return `<h2 id="panel-name">${escapeHtml(node.name ?? node.id)}</h2>
<table>${rows.map(([k, v]) => `<tr><td>${k}</td><td>${escapeHtml(v)}</td></tr>`).join("")}</table>
${node.pivot ? pivotPanelHtml(node.pivot, node) : ""}
${node.leader ? leaderPanelHtml(node.leader) : ""}
<h3>Measures</h3>
<table id="panel-metrics">${metricRows.join("")}</table>
<h3>Links (${[...byKind.values()].reduce((a, b) => a + b, 0)})</h3>
<p>${escapeHtml(kinds.join(" · ") || "none")}</p>
<ul id="panel-neighbours">${neighbours.join("")}</ul>
${partners.size > 60 ? `<p class="note">and ${partners.size - 60} more partners</p>` : ""}`;
}
