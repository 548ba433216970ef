/**
 * Network-of-networks benchmark: seeded synthetic registries of growing size (networks × firms), with
 * memberships (spells, rejoins, ends), ties among firms (half of them between co-members, a tenth
 * formed in the last year), actions with listed participants or a count, and an establishment table
 * (2021–2022, blanks) on real commune codes and NAF sub-classes. Times `networkOfNetworks` (no yearly
 * series, no candidates: the territorial diagnostic is not run) and, apart, the indicators the peer
 * computes (registry context, member sets, piloting indicators, overlap, bridges, redundant pairs,
 * commune gaps), against the pandas peer (`networks_peer.py`, which runs the functions of
 * test/fixtures/networks/make_reference.py on the same tables, written as CSV) in the same run.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/networks.ts [20x2000,200x20000,500x100000]
 *
 * MAILLAGE_BENCH_NO_PEER=1 skips the python peer. The totals printed under `checks` (members, ties,
 * new ties, outward, shared members, bridges, redundant pairs, commune gaps) must be equal on both sides.
 *
 * Measured on the 2-core dev machine (2026-11-26, load ≈ 1; figures in bench/README.md): at 500 × 100,000
 * the indicators the peer computes take 5.6 s against 6.8 s for pandas (ratio 0.83), the whole call
 * 7.3 s, 1.5 s of it in the inter-network meetings.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildNetwork } from "../engine/model/graph.ts";
import { type Actor, blankActor, blankLink, type Link } from "../engine/model/types.ts";
import type { LinkKind } from "../engine/model/vocabulary.ts";
import { bridgeFirms } from "../engine/networks/bridgeFirms.ts";
import { registryContext } from "../engine/networks/context.ts";
import { communeGaps } from "../engine/networks/coverageGaps.ts";
import { interNetworkMeetings } from "../engine/networks/interNetworkMeetings.ts";
import { membershipOverlap } from "../engine/networks/membershipOverlap.ts";
import { networkOfNetworks } from "../engine/networks/networkOfNetworks.ts";
import { memberSetsAt, pilotIndicators } from "../engine/networks/pilotIndicators.ts";
import { redundantNetworks } from "../engine/networks/redundantNetworks.ts";
import { registryComparison } from "../engine/networks/registryComparison.ts";
import type { NetworkAction, RegisteredNetwork, Registry } from "../engine/networks/types.ts";
import { createRng, type Rng } from "../engine/random/prng.ts";
import type { EstablishmentRow } from "../engine/store/loadEstablishments.ts";

const sizes = (process.argv[2] ?? "20x2000,200x20000,500x100000").split(",").map((s) => {
  const [n, f] = s.split("x").map(Number);
  return { networks: n, firms: f };
});
const skipPeer = process.env.MAILLAGE_BENCH_NO_PEER === "1";
const AS_OF = "2024-12-19";

const require = createRequire(import.meta.url);
const allCommunes = (
  JSON.parse(readFileSync(require.resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8")) as {
    code: string;
    type: string;
  }[]
)
  .filter((c) => c.type === "commune-actuelle" && c.code.startsWith("76"))
  .map((c) => c.code)
  .sort();
const allNaf = (require("@socialgouv/codes-naf/index.json") as { id: string }[])
  .map((e) => e.id)
  .filter((id) => /^\d{2}\.\d{2}[A-Z]$/.test(id))
  .sort();

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const dateIn = (rng: Rng, from: number, to: number) =>
  `${from + Math.floor(rng() * (to - from + 1))}-${pad(1 + Math.floor(rng() * 12), 2)}-${pad(1 + Math.floor(rng() * 28), 2)}`;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
/** Zipf-like index in [0, n): small indices are drawn more often. */
const zipf = (rng: Rng, n: number) => Math.min(n - 1, Math.floor(n * rng() ** 2.2));
const csv = (rows: (string | number | null)[][]) =>
  `${rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n")}\n`;

interface Instance {
  registry: Registry;
  actors: Actor[];
  links: Link[];
  establishments: EstablishmentRow[];
  /** Counts of the inputs. */
  size: Record<string, number>;
}

/** Supply and membership links are directed (their kinds' defaults), the others not. */
const link = (
  source: string,
  target: string,
  kind: LinkKind,
  start: string | null,
  end: string | null,
): Link => blankLink(source, target, kind, { start, end });

function instance(networkCount: number, firmCount: number): Instance {
  const rng = createRng(`bench/networks ${networkCount}x${firmCount}`);
  const communes = allCommunes.slice(0, Math.min(allCommunes.length, 100 + Math.round(firmCount / 250)));
  const naf = allNaf.slice(0, 400);
  const divisions = [...new Set(naf.map((c) => c.slice(0, 2)))];
  const groups = [...new Set(naf.map((c) => c.slice(0, 4)))];

  const actors: Actor[] = [];
  const firms: string[] = [];
  for (let i = 0; i < firmCount; i++) {
    const id = `f${pad(i, 7)}`;
    firms.push(id);
    const a = blankActor(id, "firm");
    a.naf = rng() < 0.02 ? null : naf[zipf(rng, naf.length)];
    a.commune = communes[zipf(rng, communes.length)];
    actors.push(a);
  }
  const networks: RegisteredNetwork[] = [];
  // One network in twenty is a near twin of an earlier one (same territory and activities, most of its
  // members shared): the redundant pairs to find.
  const twinOf = new Map<number, number>();
  for (let j = 0; j < networkCount; j++) {
    const id = `n${pad(j, 4)}`;
    actors.push({ ...blankActor(id, "network_org"), commune: pick(rng, communes) });
    // Contiguous runs of communes (in code order) so that territories overlap; a fifth of the networks
    // serve every activity, the others 1–4 codes at the division or group level.
    const width = 3 + Math.floor(rng() * Math.min(60, communes.length - 3));
    const from = Math.floor(rng() * (communes.length - width));
    const activities =
      rng() < 0.2
        ? []
        : [
            ...new Set(
              Array.from({ length: 1 + Math.floor(rng() * 4) }, () =>
                rng() < 0.5 ? pick(rng, divisions) : pick(rng, groups),
              ),
            ),
          ].sort();
    const founded = rng() < 0.1 ? null : dateIn(rng, 1990, 2020);
    if (j > 0 && rng() < 0.05) {
      const i = Math.floor(rng() * j);
      twinOf.set(j, i);
      networks.push({ ...networks[i], id, name: `Network ${j}`, founded, ended: null });
      continue;
    }
    networks.push({
      id,
      name: `Network ${j}`,
      type: "club",
      typeSource: "given",
      territory: communes.slice(from, from + width),
      territoryGiven: communes.slice(from, from + width),
      activities,
      animator: null,
      founded,
      ended: rng() < 0.05 ? dateIn(rng, 2021, 2026) : null,
    });
  }

  const links: Link[] = [];
  const keys = new Set<string>();
  const add = (l: Link) => {
    const key = `${l.source}|${l.target}|${l.kind}|${l.start}`;
    if (l.source === l.target || keys.has(key)) return;
    keys.add(key);
    links.push(l);
  };
  // Memberships: a Zipf choice of networks (a few large ones), 0–5 per firm, a tenth ended, some rejoins.
  const membersOf: string[][] = networks.map(() => []);
  for (const firm of firms) {
    const k = Math.floor(rng() * rng() * 7);
    for (let t = 0; t < k; t++) {
      const j = zipf(rng, networkCount);
      const start = rng() < 0.03 ? null : dateIn(rng, 2000, 2024);
      const ended = rng() < 0.1;
      const end = ended ? dateIn(rng, Number((start ?? "2000").slice(0, 4)), 2025) : null;
      add(link(firm, networks[j].id, "membership", start, end && start && end < start ? start : end));
      if (ended && rng() < 0.3) add(link(firm, networks[j].id, "membership", dateIn(rng, 2024, 2024), null));
      membersOf[j].push(firm);
    }
  }
  for (const [j, i] of twinOf)
    for (const firm of membersOf[i])
      if (rng() < 0.7) {
        add(link(firm, networks[j].id, "membership", dateIn(rng, 2000, 2024), null));
        membersOf[j].push(firm);
      }
  // Ties: 5 per firm on average, half between co-members of one network; a tenth start in the last year.
  const kinds: LinkKind[] = ["supply", "business", "information", "friendship"];
  for (let i = 0; i < firmCount * 2.5; i++) {
    const j = zipf(rng, networkCount);
    const pool = membersOf[j].length >= 2 && rng() < 0.5 ? membersOf[j] : firms;
    const a = pick(rng, pool);
    const b = pick(rng, pool);
    const start = rng() < 0.02 ? null : rng() < 0.1 ? dateIn(rng, 2024, 2024) : dateIn(rng, 2005, 2023);
    const end = rng() < 0.1 ? dateIn(rng, 2020, 2026) : null;
    add(link(a, b, pick(rng, kinds), start, end && start && end < start ? start : end));
  }
  // Actions: about 6 a year per network over 2022–2024, participants drawn from the members.
  const actions: NetworkAction[] = [];
  let n = 0;
  for (let j = 0; j < networkCount; j++) {
    const count = 12 + Math.floor(rng() * 12);
    for (let t = 0; t < count; t++) {
      const pool = membersOf[j];
      const joint = rng() < 0.05 ? [networks[zipf(rng, networkCount)].id] : [];
      const participants =
        pool.length === 0 || rng() < 0.1
          ? []
          : [...new Set(Array.from({ length: 1 + Math.floor(rng() * 12) }, () => pick(rng, pool)))].sort();
      actions.push({
        id: `a${pad(n++, 7)}`,
        networks: [...new Set([networks[j].id, ...joint])].sort(),
        date: dateIn(rng, 2022, 2024),
        kind: "meeting",
        title: null,
        participants,
        attendance: participants.length === 0 ? Math.floor(rng() * 40) : null,
      });
    }
  }
  actions.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
  // Establishment table, 2021 and 2022: a third of the commune × sub-class cells, some blanks.
  const establishments: EstablishmentRow[] = [];
  for (let c = 0; c < communes.length; c++)
    for (let a = 0; a < naf.length; a++) {
      if (rng() > 0.33) continue;
      const weight = 1 + 40 / (1 + c) + 20 / (1 + a);
      for (const year of [2021, 2022]) {
        const est = rng() < 0.05 ? null : 1 + Math.floor(-Math.log(1 - rng()) * weight);
        establishments.push({
          commune: communes[c],
          naf: naf[a],
          year,
          establishments: est,
          jobs: est === null || rng() < 0.05 ? null : est * (1 + Math.floor(rng() * 20)),
          size_class: null,
        });
      }
    }
  return {
    registry: { networks, actions },
    actors,
    links,
    establishments,
    size: {
      networks: networkCount,
      firms: firmCount,
      memberships: links.filter((l) => l.kind === "membership").length,
      ties: links.filter((l) => l.kind !== "membership").length,
      actions: actions.length,
      establishment_rows: establishments.length,
    },
  };
}

/** The instance as the peer reads it. */
function writeInstance(dir: string, x: Instance): void {
  writeFileSync(
    join(dir, "actors.csv"),
    csv([["id", "naf", "commune"], ...x.actors.map((a) => [a.id, a.naf, a.commune])]),
  );
  const memberships = x.links.filter((l) => l.kind === "membership");
  const ties = x.links.filter((l) => l.kind !== "membership");
  writeFileSync(
    join(dir, "memberships.csv"),
    csv([
      ["member", "network", "start", "end"],
      ...memberships.map((l) => [l.source, l.target, l.start, l.end]),
    ]),
  );
  writeFileSync(
    join(dir, "ties.csv"),
    csv([["a", "b", "start", "end"], ...ties.map((l) => [l.source, l.target, l.start, l.end])]),
  );
  writeFileSync(
    join(dir, "networks.json"),
    JSON.stringify(
      x.registry.networks.map((n) => ({
        id: n.id,
        territory: n.territory,
        activities: n.activities,
        founded: n.founded,
        ended: n.ended,
      })),
    ),
  );
  writeFileSync(
    join(dir, "actions.csv"),
    csv([
      ["id", "networks", "date", "participants", "attendance"],
      ...x.registry.actions.map((a) => [
        a.id,
        a.networks.join("|"),
        a.date,
        a.participants.join("|"),
        a.attendance,
      ]),
    ]),
  );
  writeFileSync(
    join(dir, "establishments.csv"),
    csv([
      ["commune", "naf", "year", "est", "jobs"],
      ...x.establishments.map((r) => [r.commune, r.naf, r.year, r.establishments, r.jobs]),
    ]),
  );
}

const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;
const results: unknown[] = [];
for (const { networks, firms } of sizes) {
  const t0 = performance.now();
  const x = instance(networks, firms);
  const generate = seconds(t0);
  const t1 = performance.now();
  const graph = buildNetwork(x.actors, x.links);
  const build = seconds(t1);

  const t2 = performance.now();
  const full = networkOfNetworks(x.registry, graph, {
    asOf: AS_OF,
    establishments: x.establishments,
    series: false,
  });
  const fullSeconds = seconds(t2);

  // The indicators the peer computes, one by one (what networkOfNetworks does for them).
  const t3 = performance.now();
  const ctx = registryContext(x.registry, graph);
  const sets = memberSetsAt(ctx, AS_OF);
  const contextSeconds = seconds(t3);
  const t4 = performance.now();
  const indicators = x.registry.networks.map((n) =>
    pilotIndicators(ctx, n, AS_OF, { establishments: x.establishments, memberSets: sets }),
  );
  const pilotSeconds = seconds(t4);
  const t5 = performance.now();
  const order = x.registry.networks.map((n) => n.id);
  const overlap = membershipOverlap(order, sets);
  const overlapSeconds = seconds(t5);
  const t6 = performance.now();
  const bridges = bridgeFirms(graph, order, sets);
  const redundant = redundantNetworks(x.registry.networks, sets, AS_OF);
  const gaps = communeGaps(x.establishments, x.registry.networks, sets, graph, AS_OF);
  const restSeconds = seconds(t6);
  const sameSet = contextSeconds + pilotSeconds + overlapSeconds + restSeconds;
  // What networkOfNetworks adds and the peer does not compute.
  const t7 = performance.now();
  const meetings = interNetworkMeetings(ctx, sets, AS_OF);
  const meetingsSeconds = seconds(t7);
  const t8 = performance.now();
  registryComparison(indicators);
  const comparisonSeconds = seconds(t8);

  const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  const mine = {
    members: sum(indicators.map((p) => p.members)),
    joins: sum(indicators.map((p) => p.joins)),
    ties: sum(indicators.map((p) => p.ties)),
    newTies: sum(indicators.map((p) => p.newTies)),
    active: sum(indicators.map((p) => p.active)),
    outward: sum(indicators.map((p) => p.outward)),
    attendance: sum(indicators.map((p) => p.attendance)),
    reachMembers: sum(indicators.map((p) => p.reach.members ?? 0)),
    shared: sum(overlap.map((o) => o.shared)),
    bridges: bridges.length,
    redundant: redundant.length,
    gaps: gaps.gaps.length,
  };
  if (full.indicators.length !== indicators.length || full.bridges.length !== bridges.length)
    throw new Error("networkOfNetworks and its parts disagree");

  let peer: Record<string, unknown> | null = null;
  if (!skipPeer) {
    const dir = mkdtempSync(join(tmpdir(), "maillage-bench-networks-"));
    try {
      writeInstance(dir, x);
      peer = JSON.parse(
        execFileSync("/usr/bin/python3", [join(import.meta.dirname, "networks_peer.py"), dir, AS_OF], {
          encoding: "utf8",
          maxBuffer: 1 << 24,
        }),
      ) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const peerChecks = (peer?.checks ?? {}) as Record<string, number>;
  const peerSeconds = (peer?.compute_seconds as number | undefined) ?? Number.NaN;
  const entry = {
    size: x.size,
    maillage: {
      generate_seconds: generate,
      build_graph_seconds: build,
      network_of_networks_seconds: fullSeconds,
      same_indicators_seconds: Math.round(sameSet * 100) / 100,
      parts_seconds: {
        context_and_member_sets: contextSeconds,
        pilot_indicators: pilotSeconds,
        overlap: overlapSeconds,
        bridges_redundant_gaps: restSeconds,
      },
      not_in_peer_seconds: { meetings: meetingsSeconds, comparison: comparisonSeconds },
      meetings: meetings.length,
      peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    peer: peer
      ? {
          name: "pandas (make_reference.py functions)",
          read_seconds: peer.read_seconds,
          compute_seconds: peer.compute_seconds,
          parts_seconds: peer.parts_seconds,
        }
      : null,
    checks: mine,
    checks_differing_from_peer: peer
      ? Object.keys(mine).filter((k) => mine[k as keyof typeof mine] !== peerChecks[k])
      : null,
    ratio_same_indicators_maillage_over_pandas: Math.round((sameSet / peerSeconds) * 100) / 100,
    ratio_network_of_networks_over_pandas: Math.round((fullSeconds / peerSeconds) * 100) / 100,
  };
  results.push(entry);
  console.error(
    `${networks} × ${firms}: maillage ${fullSeconds} s (same indicators ${entry.maillage.same_indicators_seconds} s), pandas ${peerSeconds} s`,
  );
}
console.log(JSON.stringify(results, null, 2));
