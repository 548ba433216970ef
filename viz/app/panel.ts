/** The side panel of a selected actor: its attributes, its measures with their rank, its links. */
import type { VizDocument, VizNode } from "../types.ts";

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
<h3>Measures</h3>
<table id="panel-metrics">${metricRows.join("")}</table>
<h3>Links (${[...byKind.values()].reduce((a, b) => a + b, 0)})</h3>
<p>${escapeHtml(kinds.join(" · ") || "none")}</p>
<ul id="panel-neighbours">${neighbours.join("")}</ul>
${partners.size > 60 ? `<p class="note">and ${partners.size - 60} more partners</p>` : ""}`;
}
