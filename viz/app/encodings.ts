/**
 * Colours and sizes: one categorical palette for communities, NAF divisions and actor kinds (the ten
 * most frequent values get a colour, the rest share grey), a sequential one for size classes, node
 * size by the square root of the chosen measure, links coloured by category.
 */
import { schemeTableau10 } from "d3-scale-chromatic";
import { FORM_LABELS, type MetricName, SIZE_CLASS_ORDER, type VizDocument, type VizNode } from "../types.ts";
import type { ColorBy } from "./state.ts";

export const OTHER = "#b8b8b8";
/** Tableau 10 with its grey replaced by teal, so no category looks like "others". */
const PALETTE = [...schemeTableau10.slice(0, 9), "#17a2b8"];
export const BACKGROUND = "#ffffff";
/** Opaque: sigma blends premultiplied colours, so a translucent hex would wash out to white. */
export const EDGE_COLORS: Record<string, string> = {
  market: "#e8883a",
  non_market: "#98b8e0",
  unknown: "#c2c2c2",
};
export const EDGE_LABELS: Record<string, string> = {
  market: "market link",
  non_market: "non-market link",
  unknown: "unknown category",
};
const KIND_COLORS: Record<string, string> = {
  firm: "#4e79a7",
  association: "#e15759",
  chamber: "#b07aa1",
  public_body: "#59a14f",
  research: "#edc948",
  training: "#76b7b2",
  network_org: "#f28e2b",
  person: "#9c755f",
  unspecified: OTHER,
};
const SIZE_CLASS_COLORS: Record<string, string> = {
  micro: "#c6dbef",
  sme: "#6baed6",
  midcap: "#2171b5",
  large: "#08306b",
  unknown: OTHER,
};

/** Firme-réseau warm, réseau de firmes cool, mixed in between (engine/classify's score runs −1 … +1). */
const FORM_COLORS: Record<string, string> = {
  "firme-réseau": "#d6604d",
  mixed: "#b8a3c9",
  "réseau de firmes": "#4393c3",
  undetermined: "#8c8c8c",
  none: OTHER,
};

export interface LegendEntry {
  color: string;
  label: string;
  count: number;
}

export interface NodeColoring {
  colorOf(node: VizNode): string;
  legend: LegendEntry[];
}

function categoryOf(node: VizNode, by: ColorBy): string {
  if (by === "community") return node.community === null ? "none" : String(node.community);
  if (by === "activity") return node.division ?? "none";
  if (by === "kind") return node.kind;
  if (by === "form") return node.form?.label ?? "none";
  return node.size_class ?? "unknown";
}

function labelOf(doc: VizDocument, by: ColorBy, value: string): string {
  if (value === "none")
    return by === "community" ? "no link" : by === "form" ? "not in a firm network" : "unknown";
  if (by === "community") {
    const c = doc.communities[Number(value)];
    return c ? `#${c.id} ${c.label}` : value;
  }
  if (by === "activity") return `${value} ${doc.labels.divisions[value] ?? ""}`.trim();
  return value.replace("_", " ");
}

export function nodeColoring(doc: VizDocument, by: ColorBy, nodes: readonly VizNode[]): NodeColoring {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const v = categoryOf(node, by);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const colors = new Map<string, string>();
  if (by === "kind") for (const v of counts.keys()) colors.set(v, KIND_COLORS[v] ?? OTHER);
  else if (by === "size_class") for (const v of counts.keys()) colors.set(v, SIZE_CLASS_COLORS[v] ?? OTHER);
  else if (by === "form") for (const v of counts.keys()) colors.set(v, FORM_COLORS[v] ?? OTHER);
  else {
    const ranked = [...counts.entries()]
      .filter(([v]) => v !== "none")
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    ranked.slice(0, 10).forEach(([v], i) => {
      colors.set(v, PALETTE[i]);
    });
  }
  const legend: LegendEntry[] = [];
  let otherCount = 0;
  const order =
    by === "size_class"
      ? [...SIZE_CLASS_ORDER, "unknown"].filter((v) => counts.has(v))
      : by === "form"
        ? [...FORM_LABELS, "none"].filter((v) => counts.has(v))
        : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1));
  // Kinds and size classes are few and fixed: each keeps its own line, grey ones included.
  const own = by === "kind" || by === "size_class" || by === "form";
  for (const v of order) {
    const color = colors.get(v);
    if (color && (color !== OTHER || own))
      legend.push({ color, label: labelOf(doc, by, v), count: counts.get(v) ?? 0 });
    else otherCount += counts.get(v) ?? 0;
  }
  if (otherCount > 0) legend.push({ color: OTHER, label: "others", count: otherCount });
  return { colorOf: (node) => colors.get(categoryOf(node, by)) ?? OTHER, legend };
}

export interface NodeSizing {
  sizeOf(node: VizNode): number;
  min: number;
  max: number;
}

/** Radius in pixels: 2 + 16·√(value / max), so the area grows with the measure. */
export function nodeSizing(nodes: readonly VizNode[], metric: MetricName): NodeSizing {
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    const v = node.metrics[metric];
    if (v === null) continue;
    max = Math.max(max, v);
    min = Math.min(min, v);
  }
  return {
    sizeOf: (node) => {
      const v = node.metrics[metric];
      return 2 + (max > 0 && v !== null ? 16 * Math.sqrt(v / max) : 0);
    },
    min: Number.isFinite(min) ? min : 0,
    max,
  };
}

/** Link thickness in pixels (at zoom 1) by weight: 0.5 + 0.6·log2(weight), at least 0.5. */
export function edgeSize(weight: number): number {
  return 0.5 + 0.6 * Math.max(0, Math.log2(Math.max(1, weight)));
}
