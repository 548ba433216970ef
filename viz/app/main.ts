/**
 * The visualiser page: loads the engine's document, draws it with sigma, and keeps the controls, the
 * legend, the status line, the panel and the URL in step with one state object (`state.ts`).
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { LeaderRole, Position, VizDocument, VizNode } from "../types.ts";
import { EDGE_COLORS, EDGE_LABELS, edgeSize, nodeColoring, nodeSizing, OTHER } from "./encodings.ts";
import { download, viewToPngBlob, viewToSvg } from "./exportImage.ts";
import { type Visible, visibleItems } from "./filters.ts";
import { declutterLabels, type LabelDeclutter } from "./labels.ts";
import { addLeaderLayer, pivotSample, ringSample } from "./leaders.ts";
import { LoadError, loadDocument } from "./load.ts";
import { type MovingSnapshot, moveSnapshotWhileMoving } from "./movingSnapshot.ts";
import { addOutlineLayer } from "./outlines.ts";
import { metricRanks, nodePanelHtml, ROLE_LABELS } from "./panel.ts";
import { decodeState, encodeState, type ViewState } from "./state.ts";
import "./style.css";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function showMessage(text: string): void {
  const box = $("message");
  box.hidden = false;
  box.textContent = text;
  $("status").textContent = "no graph loaded";
  $("status").dataset.error = "1";
}

const escapeHtml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

class App {
  readonly doc: VizDocument;
  readonly large: boolean;
  state: ViewState;
  readonly byId = new Map<string, VizNode>();
  readonly names = new Map<string, string>();
  readonly graph: Graph;
  readonly aggregate: Graph;
  readonly renderer: Sigma;
  /** Frames moved rather than drawn while the camera moves (large graphs). */
  readonly snapshot: MovingSnapshot;
  readonly ranks: Map<string, Map<string, number>>;
  /** Force positions, updated when the in-page layout runs. */
  readonly force = new Map<string, Position>();
  visible: Visible = { nodes: new Set(), edges: new Set() };
  layout: FA2Layout | null = null;
  private shownGraph: "full" | "aggregate" = "full";
  private positionsOf: string | null = null;
  private urlTimer: number | undefined;

  constructor(doc: VizDocument) {
    this.doc = doc;
    this.large = doc.nodes.length > doc.aggregateAbove;
    this.state = decodeState(location.hash, this.large);
    for (const node of doc.nodes) {
      this.byId.set(node.id, node);
      this.names.set(node.id, node.name ?? node.id);
      this.force.set(node.id, node.layouts.force ?? [0, 0]);
    }
    this.ranks = metricRanks(doc);
    this.graph = this.buildGraph();
    this.aggregate = this.buildAggregate();
    this.renderer = new Sigma(this.graph, $("graph"), {
      defaultEdgeType: "line",
      renderEdgeLabels: false,
      labelDensity: 0.08,
      labelGridCellSize: 70,
      labelRenderedSizeThreshold: 7,
      zIndex: true,
      minCameraRatio: 0.005,
      maxCameraRatio: 20,
      nodeReducer: (node, data) => {
        if (this.shownGraph === "aggregate") return data;
        if (!this.visible.nodes.has(node)) return { ...data, hidden: true };
        if (node === this.state.selected)
          return { ...data, highlighted: true, zIndex: 2, forceLabel: true, size: data.size * 1.15 };
        // Leaders are drawn on top with their name always shown (their ring: `leaders.ts`).
        const shown = this.byId.get(node);
        if (shown?.leader || shown?.pivot) return { ...data, zIndex: 1, forceLabel: true };
        return data;
      },
      edgeReducer: (edge, data) => {
        if (this.shownGraph === "aggregate") return data;
        return this.visible.edges.has(Number(edge)) ? data : { ...data, hidden: true };
      },
    });
    // When a full frame is slow to draw (no GPU), the camera moves the last frame and draws at rest.
    this.snapshot = moveSnapshotWhileMoving(this.renderer, () => this.shownGraph === "full");
    addOutlineLayer(
      this.renderer,
      doc.outlines,
      () => this.state.view === "geo" && this.shownGraph === "full",
    );
    addLeaderLayer(
      this.renderer,
      (node) => this.leaderRole(node),
      (node) => this.pivotShown(node),
    );
    // Label priority: pivots, then leaders by rank.
    this.leaderOrder = [
      ...doc.nodes.filter((n) => n.pivot).map((n) => n.id),
      ...doc.nodes
        .filter((n) => n.leader && !n.pivot)
        .sort((a, b) => (a.leader?.rank ?? 0) - (b.leader?.rank ?? 0))
        .map((n) => n.id),
    ];
    this.labels = declutterLabels(this.renderer, () =>
      this.state.selected ? [this.state.selected, ...this.leaderOrder] : this.leaderOrder,
    );
    this.setupControls();
    this.apply(true);
    if (this.state.camera) this.renderer.getCamera().setState(this.state.camera);
    else if (this.state.selected) void this.focus(this.state.selected, false);
    this.renderer.getCamera().on("updated", () => {
      const { x, y, ratio } = this.renderer.getCamera().getState();
      this.state.camera = { x, y, ratio };
      this.scheduleUrl();
    });
    this.renderer.on("clickNode", ({ node }) => this.clickNode(node));
    this.renderer.on("clickStage", () => {
      if (this.state.selected && this.state.ego === 0) this.update({ selected: null });
    });
    // Milliseconds from navigation to the first drawn frame (sigma renders synchronously on refresh).
    $("status").dataset.readyAt = String(Math.round(performance.now()));
    this.snapshot.measure();
    $("status").dataset.frameMs = String(Math.round(this.snapshot.frameMs ?? 0));
    $("status").dataset.ready = "1";
  }

  /** Highlighted leaders, best first: their labels are drawn before any other. */
  private leaderOrder: string[] = [];
  private labels: LabelDeclutter | null = null;

  /** Whether a pivot firm is shown in the current view. */
  pivotShown(node: string): boolean {
    return this.shownGraph === "full" && this.visible.nodes.has(node) && !!this.byId.get(node)?.pivot;
  }

  /** The role of a highlighted leader shown in the current view, else null. */
  leaderRole(node: string): LeaderRole | null {
    if (this.shownGraph !== "full" || !this.visible.nodes.has(node)) return null;
    return this.byId.get(node)?.leader?.role ?? null;
  }

  private buildGraph(): Graph {
    const graph = new Graph({ multi: true, type: "directed", allowSelfLoops: true });
    for (const node of this.doc.nodes) {
      const [x, y] = node.layouts.force ?? [0, 0];
      graph.addNode(node.id, { x, y, size: 3, color: OTHER, label: node.name ?? node.id });
    }
    this.doc.edges.forEach((edge, i) => {
      graph.addEdgeWithKey(String(i), edge.source, edge.target, {
        size: edgeSize(edge.weight),
        weight: edge.weight,
        color: EDGE_COLORS[edge.category] ?? OTHER,
        // Direction is drawn for directed market links (supply, subcontracting…), the value chain.
        type: edge.directed && edge.category === "market" ? "arrow" : "line",
      });
    });
    return graph;
  }

  private buildAggregate(): Graph {
    const graph = new Graph({ type: "undirected" });
    const max = Math.max(1, ...this.doc.communities.map((c) => c.size));
    for (const c of this.doc.communities)
      graph.addNode(`c${c.id}`, {
        x: c.position[0],
        y: c.position[1],
        size: 3 + 20 * Math.sqrt(c.size / max),
        color: OTHER,
        label: `#${c.id} ${c.label} (${c.size})`,
        community: c.id,
      });
    const maxLinks = Math.max(1, ...this.doc.communityLinks.map((l) => l.links));
    for (const l of this.doc.communityLinks)
      graph.addEdge(`c${l.source}`, `c${l.target}`, {
        size: 0.5 + 6 * Math.sqrt(l.links / maxLinks),
        color: "#bdbdbd",
        links: l.links,
      });
    return graph;
  }

  // ---- state changes

  update(changes: Partial<ViewState>): void {
    const viewChanged = "view" in changes && changes.view !== this.state.view;
    this.state = { ...this.state, ...changes };
    if (viewChanged) this.stopLayout();
    this.apply(viewChanged || "community" in changes);
  }

  private apply(reframe: boolean): void {
    const wantAggregate = this.state.view === "communities" && this.state.community === null;
    const target = wantAggregate ? "aggregate" : "full";
    if (target !== this.shownGraph) {
      this.shownGraph = target;
      this.renderer.setGraph(target === "aggregate" ? this.aggregate : this.graph);
    }
    if (target === "full") this.placeNodes();
    this.visible = target === "full" ? visibleItems(this.doc, this.state) : this.aggregateVisible();
    this.encode();
    this.renderPanel();
    this.renderer.setSetting("renderLabels", this.state.labels);
    this.renderer.refresh();
    if (reframe && !this.state.camera)
      this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.syncControls();
    this.renderLegend();
    this.renderStatus();
    this.scheduleUrl();
  }

  private aggregateVisible(): Visible {
    return { nodes: new Set(this.aggregate.nodes()), edges: new Set() };
  }

  /** Move the nodes to the positions of the current layout; actors without one sit at the centre. */
  private placeNodes(): void {
    const layout = this.state.view === "communities" ? "force" : this.state.view;
    if (this.positionsOf === layout) return;
    this.positionsOf = layout;
    const pos = (node: VizNode): Position | null =>
      layout === "force" ? (this.force.get(node.id) ?? null) : node.layouts[layout];
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (const node of this.doc.nodes) {
      const p = pos(node);
      if (p) {
        sx += p[0];
        sy += p[1];
        n++;
      }
    }
    const centre: Position = n ? [sx / n, sy / n] : [0, 0];
    this.graph.updateEachNodeAttributes((id, attributes) => {
      const p = pos(this.byId.get(id) as VizNode) ?? centre;
      return { ...attributes, x: p[0], y: p[1] };
    });
  }

  private encode(): void {
    if (this.shownGraph === "aggregate") {
      const coloring = nodeColoring(this.doc, "community", this.doc.nodes);
      const member = new Map<number, VizNode>();
      for (const n of this.doc.nodes)
        if (n.community !== null && !member.has(n.community)) member.set(n.community, n);
      this.aggregate.forEachNode((key, a) => {
        const m = member.get(a.community as number);
        this.aggregate.setNodeAttribute(key, "color", m ? coloring.colorOf(m) : OTHER);
      });
      return;
    }
    const shown = this.doc.nodes.filter((n) => this.visible.nodes.has(n.id));
    const coloring = nodeColoring(this.doc, this.state.color, shown);
    const sizing = nodeSizing(this.doc.nodes, this.state.size);
    this.graph.updateEachNodeAttributes((id, a) => {
      const node = this.byId.get(id) as VizNode;
      return { ...a, color: coloring.colorOf(node), size: sizing.sizeOf(node) };
    });
    this.legendEntries = coloring.legend;
    this.sizeRange = [sizing.min, sizing.max];
  }

  private legendEntries: ReturnType<typeof nodeColoring>["legend"] = [];
  private sizeRange: [number, number] = [0, 0];

  // ---- layout in a web worker

  startLayout(): void {
    if (this.state.view !== "force" || this.shownGraph !== "full") return;
    if (!this.layout) {
      const settings = {
        ...forceAtlas2.inferSettings(this.graph),
        barnesHutOptimize: this.graph.order > 1000,
      };
      this.layout = new FA2Layout(this.graph, { settings, getEdgeWeight: "weight" });
    }
    this.layout.start();
    $<HTMLButtonElement>("layout-start").disabled = true;
    $<HTMLButtonElement>("layout-stop").disabled = false;
    $("status").dataset.layout = "running";
  }

  stopLayout(): void {
    if (!this.layout?.isRunning()) return;
    this.layout.stop();
    this.graph.forEachNode((id, a) => {
      this.force.set(id, [a.x, a.y]);
    });
    $<HTMLButtonElement>("layout-start").disabled = false;
    $<HTMLButtonElement>("layout-stop").disabled = true;
    $("status").dataset.layout = "stopped";
  }

  // ---- selection

  clickNode(node: string): void {
    if (this.shownGraph === "aggregate") {
      const community = this.aggregate.getNodeAttribute(node, "community") as number;
      this.update({ community, view: "force", camera: null });
      return;
    }
    this.update({ selected: node });
  }

  async focus(id: string, animate = true): Promise<void> {
    const status = $("status");
    delete status.dataset.focused;
    const data = this.renderer.getNodeDisplayData(id);
    if (!data) return;
    const target = { x: data.x, y: data.y, ratio: 0.15 };
    const camera = this.renderer.getCamera();
    if (animate) await camera.animate(target, { duration: 400 });
    else camera.setState(target);
    // Mark the focus once the frame with the final camera is drawn (sigma renders on the next frame).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    status.dataset.focused = id;
  }

  search(query: string): string | null {
    const q = query.trim().toLowerCase();
    const note = $("search-note");
    if (!q) return null;
    const match =
      this.doc.nodes.find((n) => (n.name ?? "").toLowerCase() === q) ??
      this.doc.nodes.find((n) => n.id.toLowerCase() === q) ??
      this.doc.nodes.find((n) => (n.name ?? "").toLowerCase().includes(q));
    if (!match) {
      note.textContent = `no actor matches “${query}”`;
      return null;
    }
    const changes: Partial<ViewState> = { selected: match.id };
    if (
      this.state.view === "communities" ||
      (this.state.community !== null && match.community !== this.state.community)
    )
      Object.assign(changes, {
        view: "force",
        community: this.state.view === "communities" ? match.community : null,
      });
    this.update(changes);
    note.textContent = this.visible.nodes.has(match.id) ? "" : "this actor is hidden by the filters";
    void this.focus(match.id);
    return match.id;
  }

  // ---- DOM

  private setupControls(): void {
    const doc = this.doc;
    $("title").textContent = doc.title;
    $("source").textContent = doc.source;
    // A layout no actor has a place in (no commune, no membership) cannot be chosen.
    for (const layout of ["geo", "bipartite"] as const) {
      const option = $("view").querySelector<HTMLOptionElement>(`option[value=${layout}]`);
      if (option) option.disabled = !doc.nodes.some((n) => n.layouts[layout]);
    }
    const size = $<HTMLSelectElement>("size");
    size.innerHTML = doc.metrics
      .map(
        (m) =>
          `<option value="${m.name}" title="${escapeHtml(m.definition)}">${escapeHtml(m.label)}</option>`,
      )
      .join("");
    const names = [...new Set(doc.nodes.map((n) => n.name).filter((n): n is string => !!n))].sort();
    $("names").innerHTML = names
      .slice(0, 20_000)
      .map((n) => `<option value="${escapeHtml(n)}"></option>`)
      .join("");
    const count = <T>(values: T[]) => {
      const m = new Map<T, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    const checkboxes = (
      container: string,
      prefix: string,
      entries: Map<string, number>,
      label = (v: string) => v,
    ) => {
      $(container).innerHTML = [...entries.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(
          ([v, n]) =>
            `<label><input type="checkbox" id="${prefix}-${escapeHtml(v)}" value="${escapeHtml(v)}" checked /> ${escapeHtml(label(v))} <span class="note">${n}</span></label>`,
        )
        .join("");
    };
    checkboxes("categories", "cat", count(doc.edges.map((e) => e.category)), (v) => EDGE_LABELS[v] ?? v);
    checkboxes("link-kinds", "lk", count(doc.edges.map((e) => e.kind)));
    checkboxes("actor-kinds", "ak", count(doc.nodes.map((n) => n.kind)));
    checkboxes("size-classes", "sc", count(doc.nodes.map((n) => n.size_class ?? "unknown")));
    const divisions = count(doc.nodes.map((n) => n.division).filter((d): d is string => d !== null));
    $("division").innerHTML += [...divisions.keys()]
      .sort()
      .map(
        (d) =>
          `<option value="${d}">${d} ${escapeHtml(doc.labels.divisions[d] ?? "")} (${divisions.get(d)})</option>`,
      )
      .join("");
    const communes = count(doc.nodes.map((n) => n.commune).filter((c): c is string => c !== null));
    $("commune").innerHTML += [...communes.keys()]
      .sort((a, b) => (doc.labels.communes[a] ?? a).localeCompare(doc.labels.communes[b] ?? b))
      .map(
        (c) =>
          `<option value="${c}">${escapeHtml(doc.labels.communes[c] ?? c)} (${communes.get(c)})</option>`,
      )
      .join("");

    const checked = (container: string) =>
      [...$(container).querySelectorAll<HTMLInputElement>("input[type=checkbox]")]
        .filter((i) => i.checked)
        .map((i) => i.value);
    const allOrList = (container: string) => {
      const all = $(container).querySelectorAll("input[type=checkbox]").length;
      const list = checked(container);
      return list.length === all ? null : list;
    };
    const on = (id: string, event: string, handler: () => void) => $(id).addEventListener(event, handler);
    on("view", "change", () =>
      this.update({
        view: $<HTMLSelectElement>("view").value as ViewState["view"],
        camera: null,
        community: null,
      }),
    );
    on("color", "change", () =>
      this.update({ color: $<HTMLSelectElement>("color").value as ViewState["color"] }),
    );
    on("size", "change", () =>
      this.update({ size: $<HTMLSelectElement>("size").value as ViewState["size"] }),
    );
    on("labels", "change", () => this.update({ labels: $<HTMLInputElement>("labels").checked }));
    on("categories", "change", () => this.update({ categories: checked("categories") }));
    on("link-kinds", "change", () => this.update({ linkKinds: allOrList("link-kinds") }));
    on("actor-kinds", "change", () => this.update({ actorKinds: allOrList("actor-kinds") }));
    on("size-classes", "change", () => this.update({ sizeClasses: allOrList("size-classes") }));
    on("division", "change", () => this.update({ division: $<HTMLSelectElement>("division").value || null }));
    on("commune", "change", () => this.update({ commune: $<HTMLSelectElement>("commune").value || null }));
    on("from", "change", () => this.update({ from: $<HTMLInputElement>("from").value || null }));
    on("to", "change", () => this.update({ to: $<HTMLInputElement>("to").value || null }));
    on("ego", "change", () => this.update({ ego: Number($<HTMLSelectElement>("ego").value) as 0 | 1 | 2 }));
    on("layout-start", "click", () => this.startLayout());
    on("layout-stop", "click", () => this.stopLayout());
    on("show-all", "click", () => this.update({ community: null, view: "communities", camera: null }));
    on("reset", "click", () => {
      this.stopLayout();
      location.hash = "";
      this.state = decodeState("", this.large);
      this.apply(true);
    });
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.search($<HTMLInputElement>("search").value);
    });
    on("export-png", "click", async () => {
      const blob = await viewToPngBlob(this.renderer);
      download(`${this.doc.title}-${this.state.view}.png`, blob);
    });
    on("export-svg", "click", () => {
      const svg = viewToSvg(
        this.renderer,
        this.state.view === "geo" && this.shownGraph === "full" ? this.doc.outlines : null,
        (node) => this.leaderRole(node),
        this.labels?.shown,
        (node) => this.pivotShown(node),
      );
      download(`${this.doc.title}-${this.state.view}.svg`, new Blob([svg], { type: "image/svg+xml" }));
    });
    $("panel").addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>("[data-node]");
      if (button?.dataset.node) {
        this.update({ selected: button.dataset.node });
        void this.focus(button.dataset.node);
      }
      if ((event.target as HTMLElement).id === "panel-close") this.update({ selected: null });
    });
    window.addEventListener("hashchange", () => {
      if (location.hash === this.lastHash) return;
      this.state = decodeState(location.hash, this.large);
      this.apply(true);
      if (this.state.camera) this.renderer.getCamera().setState(this.state.camera);
    });
  }

  private syncControls(): void {
    const s = this.state;
    $<HTMLSelectElement>("view").value = s.view;
    $<HTMLSelectElement>("color").value = s.color;
    $<HTMLSelectElement>("size").value = s.size;
    $<HTMLInputElement>("labels").checked = s.labels;
    $<HTMLSelectElement>("division").value = s.division ?? "";
    $<HTMLSelectElement>("commune").value = s.commune ?? "";
    $<HTMLInputElement>("from").value = s.from ?? "";
    $<HTMLInputElement>("to").value = s.to ?? "";
    $<HTMLSelectElement>("ego").value = String(s.ego);
    const setChecks = (container: string, values: string[] | null) => {
      for (const input of $(container).querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
        input.checked = values === null || values.includes(input.value);
    };
    setChecks("categories", s.categories);
    setChecks("link-kinds", s.linkKinds);
    setChecks("actor-kinds", s.actorKinds);
    setChecks("size-classes", s.sizeClasses);
    $("layout-buttons").hidden = s.view !== "force";
    $("show-all").hidden = s.community === null;
  }

  private renderLegend(): void {
    const parts: string[] = [];
    if (this.shownGraph === "aggregate") {
      parts.push(
        "<h3>Communities (Louvain)</h3>",
        `<div class="row wrap">one disc per community, area ∝ actors; line width ∝ links between them; click one to open it</div>`,
      );
      if (this.doc.modularity !== null)
        parts.push(`<div class="row">modularity ${this.doc.modularity.toFixed(3)}</div>`);
    } else {
      const title = {
        community: "Community (Louvain)",
        activity: "Activity (NAF division)",
        kind: "Actor kind",
        size_class: "Size class",
        form: "Organisational form (firm networks)",
      }[this.state.color];
      parts.push(`<h3>Colour: ${title}</h3>`);
      for (const e of this.legendEntries)
        parts.push(
          `<div class="row" title="${escapeHtml(e.label)}"><span class="swatch" style="background:${e.color}"></span><span class="text">${escapeHtml(e.label)}</span><span class="note">${e.count}</span></div>`,
        );
      const metric = this.doc.metrics.find((m) => m.name === this.state.size);
      parts.push(
        `<h3>Size: ${escapeHtml(metric?.label ?? this.state.size)}</h3>`,
        `<div class="row wrap">area ∝ value, from ${fmt(this.sizeRange[0])} to ${fmt(this.sizeRange[1])}</div>`,
        "<h3>Links</h3>",
      );
      const present = new Set<string>(this.doc.edges.map((e) => e.category));
      for (const category of this.state.categories.filter((c) => present.has(c)))
        parts.push(
          `<div class="row"><span class="line" style="background:${EDGE_COLORS[category]}"></span>${EDGE_LABELS[category] ?? category}</div>`,
        );
      parts.push(
        `<div class="row wrap">arrow: direction of a directed market link (supply, subcontracting…)</div>`,
      );
      parts.push(...this.leaderLegend());
      if (this.state.view === "geo") parts.push(`<div class="row">background: commune outlines</div>`);
      if (this.state.view === "bipartite")
        parts.push(`<div class="row wrap">top row: organisations; rows below: their members</div>`);
    }
    $("legend").innerHTML = parts.join("");
  }

  /** Legend of the leader rings: one line per role present among the visible leaders. */
  private leaderLegend(): string[] {
    const notes = (this.doc.notes ?? []).map(
      (note) => `<div class="row wrap note" data-note="1">${escapeHtml(note)}</div>`,
    );
    if (!this.doc.leaders && !this.doc.nodes.some((n) => n.pivot)) return notes;
    const counts = new Map<LeaderRole, number>();
    for (const id of this.visible.nodes) {
      const role = this.byId.get(id)?.leader?.role;
      if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
    }
    const rows = (["broker", "hub", "broker_hub"] as const)
      .filter((role) => counts.has(role))
      .map(
        (role) =>
          `<div class="row" data-legend-role="${role}">${ringSample(role)}<span class="text">${ROLE_LABELS[role]}</span><span class="note">${counts.get(role)}</span></div>`,
      );
    let pivots = 0;
    for (const id of this.visible.nodes) if (this.byId.get(id)?.pivot) pivots++;
    if (pivots > 0)
      rows.push(
        `<div class="row" data-legend-pivot="1">${pivotSample()}<span class="text">pivot firm of a firme-réseau</span><span class="note">${pivots}</span></div>`,
      );
    return [
      `<h3 id="legend-leaders" title="${escapeHtml(this.doc.leaders ?? "")}">Opinion leaders and pivots</h3>`,
      `<div class="row wrap">ring: the first leaders overall and of each network, name always shown; click one for the evidence</div>`,
      ...rows,
      ...notes,
    ];
  }

  private renderStatus(): void {
    const status = $("status");
    const nodes = this.visible.nodes.size;
    const edges = this.shownGraph === "aggregate" ? this.aggregate.size : this.visible.edges.size;
    status.dataset.nodes = String(nodes);
    status.dataset.edges = String(edges);
    status.dataset.view = this.shownGraph === "aggregate" ? "communities" : this.state.view;
    status.dataset.selected = this.state.selected ?? "";
    const what =
      this.shownGraph === "aggregate"
        ? `${nodes} communities · ${edges} community links`
        : `${nodes.toLocaleString("en-US")} actors · ${edges.toLocaleString("en-US")} links shown`;
    status.textContent = `${what} (of ${this.doc.nodes.length.toLocaleString("en-US")} actors · ${this.doc.edges.length.toLocaleString("en-US")} links)${
      this.state.community !== null ? ` · community #${this.state.community}` : ""
    }${this.state.selected ? ` · selected: ${this.names.get(this.state.selected) ?? this.state.selected}` : ""}`;
  }

  private renderPanel(): void {
    const panel = $("panel");
    const node = this.state.selected ? this.byId.get(this.state.selected) : undefined;
    if (!node) {
      panel.hidden = true;
      panel.innerHTML = "";
      delete panel.dataset.node;
    } else if (panel.dataset.node !== node.id) {
      panel.hidden = false;
      panel.dataset.node = node.id;
      panel.innerHTML = `<button id="panel-close" type="button" style="float:right">×</button>${nodePanelHtml(this.doc, node, this.ranks, this.names)}`;
    }
    this.renderer.resize();
  }

  private lastHash = "";

  private scheduleUrl(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => {
      const hash = encodeState(this.state, this.large);
      this.lastHash = hash;
      history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
    }, 150);
  }
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(3);
}

async function boot(): Promise<void> {
  let doc: VizDocument;
  try {
    doc = await loadDocument();
  } catch (error) {
    showMessage(
      error instanceof LoadError ? error.message : `the graph could not be loaded: ${String(error)}`,
    );
    return;
  }
  if (doc.nodes.length === 0) {
    showMessage("the graph has no actors: nothing to draw.");
    return;
  }
  try {
    const app = new App(doc);
    Object.assign(window, { maillage: app });
  } catch (error) {
    showMessage(`the graph could not be drawn: ${(error as Error).message}`);
    throw error;
  }
}

void boot();
