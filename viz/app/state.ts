/**
 * What the page shows (view, encodings, filters, selection, camera), kept in the URL hash so that a
 * view can be shared: `#v=geo&c=kind&cat=market&sel=ID…`. Absent keys take the defaults below.
 */
import type { LayoutName, MetricName } from "../types.ts";

export type ViewName = LayoutName | "communities";
export type ColorBy = "community" | "activity" | "kind" | "size_class" | "form";

export interface ViewState {
  view: ViewName;
  color: ColorBy;
  size: MetricName;
  /** Link categories shown. */
  categories: string[];
  /** Link kinds shown; null = all. */
  linkKinds: string[] | null;
  /** Actor kinds shown; null = all. */
  actorKinds: string[] | null;
  /** NAF division shown; null = all. */
  division: string | null;
  commune: string | null;
  /** Size classes shown (`unknown` for actors without headcount); null = all. */
  sizeClasses: string[] | null;
  /** Links active at some time in [from, to] (ISO dates, open ends allowed). */
  from: string | null;
  to: string | null;
  selected: string | null;
  /** Ego network depth around the selected actor; 0 = off. */
  ego: 0 | 1 | 2;
  labels: boolean;
  /** Only the members of this community (drill-down from the aggregated view). */
  community: number | null;
  camera: { x: number; y: number; ratio: number } | null;
}

export const VIEWS: readonly ViewName[] = ["force", "geo", "bipartite", "communities"];
export const COLORS: readonly ColorBy[] = ["community", "activity", "kind", "size_class", "form"];
export const SIZES: readonly MetricName[] = ["degree", "strength", "betweenness", "pagerank"];
const ALL_CATEGORIES = ["market", "non_market", "unknown"];

export function defaultState(large: boolean): ViewState {
  return {
    view: large ? "communities" : "force",
    color: "community",
    size: "degree",
    categories: [...ALL_CATEGORIES],
    linkKinds: null,
    actorKinds: null,
    division: null,
    commune: null,
    sizeClasses: null,
    from: null,
    to: null,
    selected: null,
    ego: 0,
    labels: true,
    community: null,
    camera: null,
  };
}

const list = (v: string | null) => (v === null ? null : v === "" ? [] : v.split(","));
const oneOf = <T extends string>(v: string | null, options: readonly T[], fallback: T): T =>
  v !== null && (options as readonly string[]).includes(v) ? (v as T) : fallback;

/** Read a state from a hash (`#k=v&…`); unknown or malformed values fall back to the defaults. */
export function decodeState(hash: string, large: boolean): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const d = defaultState(large);
  const camera = p.get("cam")?.split(",").map(Number);
  const ego = Number(p.get("ego"));
  const community = p.get("cm");
  return {
    view: oneOf(p.get("v"), VIEWS, d.view),
    color: oneOf(p.get("c"), COLORS, d.color),
    size: oneOf(p.get("s"), SIZES, d.size),
    categories: list(p.get("cat")) ?? d.categories,
    linkKinds: list(p.get("lk")),
    actorKinds: list(p.get("ak")),
    division: p.get("naf"),
    commune: p.get("com"),
    sizeClasses: list(p.get("sc")),
    from: p.get("from"),
    to: p.get("to"),
    selected: p.get("sel"),
    ego: ego === 1 || ego === 2 ? ego : 0,
    labels: p.get("lab") !== "0",
    community: community !== null && /^\d+$/.test(community) ? Number(community) : null,
    camera:
      camera && camera.length === 3 && camera.every(Number.isFinite)
        ? { x: camera[0], y: camera[1], ratio: camera[2] }
        : null,
  };
}

/** The hash of a state: only what differs from the defaults, in a fixed key order. */
export function encodeState(state: ViewState, large: boolean): string {
  const d = defaultState(large);
  const p = new URLSearchParams();
  if (state.view !== d.view) p.set("v", state.view);
  if (state.color !== d.color) p.set("c", state.color);
  if (state.size !== d.size) p.set("s", state.size);
  if (state.categories.join(",") !== d.categories.join(",")) p.set("cat", state.categories.join(","));
  if (state.linkKinds) p.set("lk", state.linkKinds.join(","));
  if (state.actorKinds) p.set("ak", state.actorKinds.join(","));
  if (state.division) p.set("naf", state.division);
  if (state.commune) p.set("com", state.commune);
  if (state.sizeClasses) p.set("sc", state.sizeClasses.join(","));
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.selected) p.set("sel", state.selected);
  if (state.ego) p.set("ego", String(state.ego));
  if (!state.labels) p.set("lab", "0");
  if (state.community !== null) p.set("cm", String(state.community));
  if (state.camera) {
    const { x, y, ratio } = state.camera;
    p.set("cam", [x, y, ratio].map((v) => Number(v.toFixed(4))).join(","));
  }
  const text = p.toString();
  return text ? `#${text}` : "";
}
