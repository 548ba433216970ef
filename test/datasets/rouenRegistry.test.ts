/**
 * The registry of business networks of the built-in `rouen` dataset (networks/registry.csv,
 * networks/actions.csv, the registry's membership links in links.csv and truth.json's `registry`
 * section): the files are what the generator makes, and every planted structure — overlaps, the
 * redundant pair, the uncovered concentration, the commune gap, carriers and silent members — can be
 * read back from the files alone. Territories, activity relations and Jaccard indices are computed
 * here from their definitions (EPCI members straight from @etalab/decoupage-administratif's data),
 * not through engine/networks.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateRouenDataset } from "../../datasets/rouen/generate/dataset.ts";
import { readCsv } from "../../engine/io/csvRead.ts";
import { parseDate } from "../../engine/model/dates.ts";
import { NETWORK_SUBTYPES } from "../../engine/model/vocabulary.ts";
import { ACTION_KINDS } from "../../engine/networks/types.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIR = join(ROOT, "datasets", "rouen");
const AS_OF = "2024-12-19";
/** AS_OF − 12 months: the last-12-months window is (WINDOW_FROM, AS_OF]. */
const WINDOW_FROM = "2023-12-19";

type Rec = Record<string, string>;
function recordsOf(rel: string, delimiter = ","): { header: string[]; records: Rec[] } {
  const { header, records, bad } = readCsv(join(DIR, rel), { delimiter });
  expect(bad, rel).toEqual([]);
  return {
    header,
    records: records.map(({ cells }) => Object.fromEntries(header.map((h, j) => [h, cells[j]]))),
  };
}

interface Overlap {
  a: string;
  b: string;
  shared_members: string[];
  jaccard: number;
}
interface RegistryTruth {
  as_of: string;
  networks: string[];
  existing: string[];
  added: string[];
  ended: string[];
  memberships: number;
  members_at_as_of: Record<string, number>;
  overlaps: Overlap[];
  redundant: { pair: [string, string]; shared_members: string[]; member_jaccard: number };
  uncovered_candidate: {
    id: string;
    activity: string;
    communes: string[];
    establishments: number;
    jobs: number;
  };
  covered_top_candidates: {
    id: string;
    rank: number;
    activity: string;
    communes: string[];
    covering: string[];
  }[];
  commune_gap: { commune: string; division: string; establishments: number; location_quotient: number };
  actions: {
    count: number;
    carriers: Record<string, string[]>;
    never_attend: Record<string, string[]>;
    silent_last_12_months: { network: string; members: string[] };
  };
}
interface Truth {
  seed: string;
  streams: string[];
  pivot: { id: string; tier1: string[]; tier2: string[] };
  district: { firms: string[] };
  associations: { club: { members: string[]; former_members: string[] } };
  registry: RegistryTruth;
}

let truth: Truth;
let reg: RegistryTruth;
let networks: Rec[];
let actions: Rec[];
let actors: Rec[];
let actorById: Map<string, Rec>;
let links: Rec[];
let memberships: Rec[];

/** Communes of each EPCI (SIREN), from the package's own data file. */
const require = createRequire(import.meta.url);
const epci = new Map<string, string[]>(
  (
    JSON.parse(readFileSync(require.resolve("@etalab/decoupage-administratif/data/epci.json"), "utf8")) as {
      code: string;
      membres: { code: string }[];
    }[]
  ).map((e) => [e.code, e.membres.map((m) => m.code)]),
);
const territoryOf = (n: Rec): Set<string> =>
  new Set(n.territory.split("|").flatMap((code) => (/^\d{9}$/.test(code) ? (epci.get(code) ?? []) : [code])));
const activitiesOf = (n: Rec): string[] => (n.activities === "" ? [] : n.activities.split("|"));
/** Dotted NAF codes of one branch: one is a prefix of the other (the registry uses no section letters). */
const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
const listsRelated = (a: string[], b: string[]) =>
  a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => related(x, y)));
const activeAt = (l: Rec, date: string) => l.start <= date && (l.end === "" || l.end > date);
const membersAt = (network: string, date = AS_OF) =>
  memberships
    .filter((l) => l.target === network && activeAt(l, date))
    .map((l) => l.source)
    .sort();
const jaccard = (a: readonly string[], b: readonly string[]) => {
  const sb = new Set(b);
  const shared = a.filter((x) => sb.has(x));
  return { shared, value: shared.length / new Set([...a, ...b]).size };
};
const liveAt = (n: Rec, date: string) =>
  (n.founded === "" || n.founded <= date) && (n.ended === "" || n.ended >= date);

beforeAll(() => {
  truth = JSON.parse(readFileSync(join(DIR, "truth.json"), "utf8"));
  reg = truth.registry;
  const r = recordsOf("networks/registry.csv");
  expect(r.header).toEqual(["id", "name", "type", "territory", "activities", "animator", "founded", "ended"]);
  networks = r.records;
  const a = recordsOf("networks/actions.csv");
  expect(a.header).toEqual(["id", "network", "date", "kind", "title", "participants", "attendance"]);
  actions = a.records;
  actors = recordsOf("actors.csv").records;
  actorById = new Map(actors.map((x) => [x.id, x]));
  links = recordsOf("links.csv").records;
  memberships = links.filter((l) => l.kind === "membership");
});

describe("rouen registry: files", () => {
  it("are what the generator makes from the committed seed, drawn from streams of their own", () => {
    const files = generateRouenDataset({
      establishments: readFileSync(
        join(DIR, "establishments", "urssaf_commune_ape_2006_2022_rouen.csv"),
        "utf8",
      ),
      adjacency: readFileSync(join(DIR, "geo", "communes_76_adjacency.csv"), "utf8"),
    });
    for (const rel of ["networks/registry.csv", "networks/actions.csv"] as const) {
      expect(files[rel] === readFileSync(join(DIR, rel), "utf8"), `${rel} differs`).toBe(true);
    }
    for (const s of ["registry-redundant", "registry", "registry-overlaps", "registry-actions"]) {
      expect(truth.streams).toContain(`${truth.seed}/${s}`);
    }
  });

  it("appends the new networks and their memberships after every earlier row", () => {
    const added = new Set(reg.added);
    const firstNew = actors.findIndex((x) => added.has(x.id));
    expect(
      actors
        .slice(firstNew)
        .map((x) => x.id)
        .sort(),
    ).toEqual([...reg.added].sort());
    const firstRegistryLink = links.findIndex((l) => l.source_ref === "synthetic:registry");
    const tail = links.slice(firstRegistryLink);
    expect(tail.every((l) => l.source_ref === "synthetic:registry" && l.kind === "membership")).toBe(true);
    expect(tail).toHaveLength(reg.memberships);
  });

  it("registers the five organisations and the new networks with valid types, territories, activities and dates", () => {
    expect(networks.map((n) => n.id)).toEqual(reg.networks);
    expect(reg.existing).toEqual([
      "org-cci-rouen-metropole",
      "org-club-entreprendre-seine",
      "org-zone-rive-gauche",
      "org-grappe-transport-seine-sud",
      "org-equipementiers-auto-normands",
    ]);
    expect(reg.added.length).toBeGreaterThanOrEqual(4);
    const types = [...NETWORK_SUBTYPES, "association", "chamber"];
    for (const n of networks) {
      const actor = actorById.get(n.id) as Rec;
      expect(actor, n.id).toBeDefined();
      expect(types).toContain(n.type);
      if (n.type === "chamber" || n.type === "association") expect(actor.kind).toBe(n.type);
      else expect([actor.kind, actor.subtype]).toEqual(["network_org", n.type]);
      for (const code of n.territory.split("|")) {
        expect(code).toMatch(/^(\d{5}|\d{9})$/);
        if (code.length === 9) expect(epci.has(code), code).toBe(true);
      }
      for (const code of activitiesOf(n)) expect(code).toMatch(/^\d{2}(\.\d(\d[A-Z]?)?)?$/);
      if (n.founded !== "") {
        expect(parseDate(n.founded)).toBe(n.founded);
        expect(Number(n.founded.slice(0, 4))).toBe(Number(actor.founded));
        // a network exists before its members join
        for (const l of memberships.filter((x) => x.target === n.id)) expect(l.start >= n.founded).toBe(true);
      }
      if (n.ended !== "") {
        expect(parseDate(n.ended)).toBe(n.ended);
        for (const l of memberships.filter((x) => x.target === n.id)) {
          expect(l.end !== "" && l.end <= n.ended).toBe(true);
        }
      }
      expect(membersAt(n.id).length).toBe(reg.members_at_as_of[n.id]);
    }
    expect(reg.ended).toEqual(networks.filter((n) => n.ended !== "").map((n) => n.id));
    const foundedYears = new Set(networks.filter((n) => n.founded !== "").map((n) => n.founded.slice(0, 4)));
    expect(foundedYears.size).toBeGreaterThanOrEqual(8);
  });

  it("recruits the new networks' members among background firms, joining and leaving over the years", () => {
    const planted = new Set([
      truth.pivot.id,
      ...truth.pivot.tier1,
      ...truth.pivot.tier2,
      ...truth.district.firms,
    ]);
    const added = new Set(reg.added);
    const mine = memberships.filter((l) => added.has(l.target));
    expect(mine).toHaveLength(reg.memberships);
    for (const l of mine) {
      expect(actorById.get(l.source)?.kind).toBe("firm");
      expect(planted.has(l.source), l.source).toBe(false);
    }
    const startYears = new Set(mine.map((l) => l.start.slice(0, 4)));
    const endYears = new Set(mine.filter((l) => l.end !== "").map((l) => l.end.slice(0, 4)));
    expect(startYears.size).toBeGreaterThanOrEqual(10);
    expect(endYears.size).toBeGreaterThanOrEqual(5);
  });
});

describe("rouen registry: overlaps and the redundant pair", () => {
  it("plants overlaps whose shared members and Jaccard at as_of are those of links.csv", () => {
    expect(reg.overlaps.length).toBeGreaterThanOrEqual(3);
    for (const o of reg.overlaps) {
      const j = jaccard(membersAt(o.a), membersAt(o.b));
      expect(j.shared.sort()).toEqual(o.shared_members);
      expect(j.shared.length).toBeGreaterThanOrEqual(3);
      expect(j.value).toBeCloseTo(o.jaccard, 4);
    }
    // the new networks share no member with one another (nor with the club) but the planted ones
    const plantedPairs = new Set(reg.overlaps.map((o) => [o.a, o.b].sort().join("|")));
    const ids = [...reg.added, "org-club-entreprendre-seine"];
    for (let i = 0; i < ids.length; i++)
      for (let k = i + 1; k < ids.length; k++) {
        if (plantedPairs.has([ids[i], ids[k]].sort().join("|"))) continue;
        expect(jaccard(membersAt(ids[i]), membersAt(ids[k])).shared, `${ids[i]} ${ids[k]}`).toEqual([]);
      }
  });

  it("has one redundant pair: same activities, same territory, membership Jaccard ≥ 0.4, and no other pair near it", () => {
    const [a, b] = reg.redundant.pair.map((id) => networks.find((n) => n.id === id) as Rec);
    expect(a.activities).toBe(b.activities);
    expect(a.territory).toBe(b.territory);
    const j = jaccard(membersAt(a.id), membersAt(b.id));
    expect(j.shared.sort()).toEqual(reg.redundant.shared_members);
    // committed data: 8 shared of 12 and 11 members, 8 / (12 + 11 − 8) = 0.5333
    expect(j.value).toBeGreaterThanOrEqual(0.4);
    expect(j.value).toBeCloseTo(reg.redundant.member_jaccard, 4);

    const live = networks.filter((n) => liveAt(n, AS_OF));
    const flagged: string[] = [];
    for (let i = 0; i < live.length; i++)
      for (let k = i + 1; k < live.length; k++) {
        const x = live[i];
        const y = live[k];
        if (!listsRelated(activitiesOf(x), activitiesOf(y))) continue;
        const territory = jaccard([...territoryOf(x)], [...territoryOf(y)]).value;
        const members = jaccard(membersAt(x.id), membersAt(y.id)).value;
        if (territory >= 0.5 && members >= 0.3) flagged.push(`${x.id}|${y.id}`);
      }
    expect(flagged).toEqual([`${a.id}|${b.id}`]);
  });
});

describe("rouen registry: coverage gaps", () => {
  /** Real 2022 establishments and jobs of the URSSAF table, per (commune, APE without dot). */
  const urssaf = () => {
    const { records } = recordsOf("establishments/urssaf_commune_ape_2006_2022_rouen.csv", ";");
    return records.map((r) => ({
      commune: r.Commune.slice(0, 5),
      ape: r.APE.slice(0, 5),
      establishments: Number(r["Nombre d'établissements 2022"] || 0),
      jobs: Number(r["Effectifs salariés 2022"] || 0),
    }));
  };

  it("leaves the accounting concentration north of Rouen uncovered, and covers the candidates ranked above it", () => {
    const c = reg.uncovered_candidate;
    expect(c.id).toBe("69.20Z@76108");
    const rows = urssaf().filter((r) => r.ape === "6920Z" && c.communes.includes(r.commune));
    expect(rows.reduce((s, r) => s + r.establishments, 0)).toBe(c.establishments);
    expect(rows.reduce((s, r) => s + r.jobs, 0)).toBe(c.jobs);
    const meeting = (communes: readonly string[]) =>
      networks.filter((n) => liveAt(n, AS_OF) && communes.some((x) => territoryOf(n).has(x)));
    // networks meeting its communes exist (the chamber, the club, the health cluster…) but none of them
    // lists an activity of 69.20Z's branch (69, 69.2, 69.20, 69.20Z)
    expect(meeting(c.communes).length).toBeGreaterThanOrEqual(3);
    for (const n of meeting(c.communes)) {
      for (const code of activitiesOf(n)) expect(related(code, c.activity), `${n.id} ${code}`).toBe(false);
    }
    expect(reg.covered_top_candidates.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of reg.covered_top_candidates) {
      const covering = meeting(t.communes).filter((n) =>
        activitiesOf(n).some((code) => related(code, t.activity)),
      );
      expect(covering.map((n) => n.id)).toEqual(t.covering);
      expect(covering.length, t.id).toBeGreaterThan(0);
    }
  });

  it("plants a commune gap: many establishments of a division, LQ ≥ 1.5, no member of its networks there", () => {
    const { commune, division } = reg.commune_gap;
    let eij = 0;
    let ei = 0;
    let ej = 0;
    let e = 0;
    for (const r of urssaf()) {
      e += r.establishments;
      if (r.ape.startsWith(division)) ej += r.establishments;
      if (r.commune === commune) {
        ei += r.establishments;
        if (r.ape.startsWith(division)) eij += r.establishments;
      }
    }
    // committed data: 72 of Bois-Guillaume's 510 establishments, against 630 of 14,978 in the table:
    // (72 / 510) / (630 / 14978) = 3.356
    expect(eij).toBe(reg.commune_gap.establishments);
    expect(eij).toBeGreaterThanOrEqual(10);
    const lq = eij / ei / (ej / e);
    expect(lq).toBeCloseTo(reg.commune_gap.location_quotient, 3);
    expect(lq).toBeGreaterThanOrEqual(1.5);
    const ofDivision = networks.filter(
      (n) => liveAt(n, AS_OF) && activitiesOf(n).some((code) => related(code, division)),
    );
    expect(ofDivision.length).toBeGreaterThan(0);
    // a network of the division serves the commune, yet has no member there
    expect(ofDivision.some((n) => territoryOf(n).has(commune))).toBe(true);
    for (const n of ofDivision) {
      for (const m of membersAt(n.id)) expect(actorById.get(m)?.commune, `${n.id} ${m}`).not.toBe(commune);
    }
  });
});

describe("rouen registry: actions", () => {
  const networksOf = (a: Rec) => a.network.split("|");
  const participantsOf = (a: Rec) => (a.participants === "" ? [] : a.participants.split("|"));

  it("records actions 2015 to as_of with valid kinds, networks and participants who are members then", () => {
    expect(actions).toHaveLength(reg.actions.count);
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    const byId = new Map(networks.map((n) => [n.id, n]));
    for (const a of actions) {
      expect(parseDate(a.date)).toBe(a.date);
      expect(a.date >= "2015-01-01" && a.date <= AS_OF).toBe(true);
      expect(ACTION_KINDS).toContain(a.kind);
      for (const id of networksOf(a)) {
        const n = byId.get(id) as Rec;
        expect(n, id).toBeDefined();
        expect(liveAt(n, a.date), `${a.id} ${id}`).toBe(true);
      }
      const ps = participantsOf(a);
      expect(ps.length > 0).toBe(a.attendance === "");
      if (ps.length === 0) expect(Number(a.attendance)).toBeGreaterThan(0);
      for (const p of ps) {
        const member = networksOf(a).some((id) => membersAt(id, a.date).includes(p));
        expect(member, `${a.id} ${p}`).toBe(true);
      }
      // nothing within a day of the last-12-months boundary (2023-12-19, or 2023-12-20 counting 365 days)
      expect(Math.abs(Date.parse(a.date) - Date.parse(WINDOW_FROM))).toBeGreaterThan(86_400_000);
    }
    expect(actions[actions.length - 1].date).toBe(AS_OF);
  });

  it("holds meetings several times a year, visits and trainings, inter-network meetings and a shared platform", () => {
    for (const n of networks) {
      for (let year = 2016; year <= 2023; year++) {
        const from = `${year}-01-01`;
        const to = `${year}-12-31`;
        // a network live all year with two members or more all year
        if (!liveAt(n, from) || !liveAt(n, to)) continue;
        if (membersAt(n.id, from).filter((m) => membersAt(n.id, to).includes(m)).length < 2) continue;
        const meetings = actions.filter(
          (a) => a.kind === "meeting" && networksOf(a).includes(n.id) && a.date >= from && a.date <= to,
        );
        expect(meetings.length, `${n.id} ${year}`).toBeGreaterThanOrEqual(2);
      }
    }
    const club = actions.filter((a) => a.network === "org-club-entreprendre-seine" && a.kind === "meeting");
    // the club's meetings: third Thursday of each month but August
    for (const a of club) {
      const d = new Date(`${a.date}T00:00:00Z`);
      expect(d.getUTCDay()).toBe(4);
      expect(d.getUTCDate()).toBeGreaterThanOrEqual(15);
      expect(d.getUTCDate()).toBeLessThanOrEqual(21);
      expect(d.getUTCMonth()).not.toBe(7);
    }
    for (const kind of ["visit", "training", "event"])
      expect(actions.some((a) => a.kind === kind)).toBe(true);
    const inter = actions.filter((a) => a.kind === "inter_network");
    expect(inter.length).toBeGreaterThanOrEqual(1);
    for (const a of inter) {
      expect(networksOf(a).length).toBe(2);
      // participants come from both networks
      for (const id of networksOf(a)) {
        expect(
          participantsOf(a).some((p) => membersAt(id, a.date).includes(p)),
          `${a.id} ${id}`,
        ).toBe(true);
      }
    }
    const platform = actions.filter((a) => a.kind === "platform");
    expect(platform).toHaveLength(1);
    expect(networksOf(platform[0]).length).toBeGreaterThanOrEqual(2);
  });

  it("has carriers who attend most of the club's actions, and silent members in the last 12 months", () => {
    const club = "org-club-entreprendre-seine";
    const carriers = reg.actions.carriers[club];
    expect(carriers.length).toBeGreaterThanOrEqual(3);
    const ofClub = actions.filter((a) => networksOf(a).includes(club));
    const rate = new Map<string, { held: number; attended: number }>();
    for (const a of ofClub) {
      const ps = new Set(participantsOf(a));
      for (const m of membersAt(club, a.date)) {
        const r = rate.get(m) ?? { held: 0, attended: 0 };
        r.held++;
        if (ps.has(m)) r.attended++;
        rate.set(m, r);
      }
    }
    for (const [m, r] of rate) {
      if (carriers.includes(m)) {
        expect(r.held).toBeGreaterThanOrEqual(100);
        expect(r.attended / r.held, m).toBeGreaterThanOrEqual(0.75);
      } else if (r.held >= 20) expect(r.attended / r.held, m).toBeLessThan(0.6);
    }
    // members who never attend attend nothing of their network
    for (const [network, never] of Object.entries(reg.actions.never_attend)) {
      for (const m of never) {
        const attended = actions.filter(
          (a) => networksOf(a).includes(network) && participantsOf(a).includes(m),
        );
        expect(attended, `${network} ${m}`).toEqual([]);
      }
    }
    // silent: members at as_of with no participation in an action of the club in (as_of − 12 months, as_of]
    const seen = new Set(
      ofClub.filter((a) => a.date > WINDOW_FROM && a.date <= AS_OF).flatMap((a) => participantsOf(a)),
    );
    const silent = membersAt(club).filter((m) => !seen.has(m));
    expect(silent).toEqual(reg.actions.silent_last_12_months.members);
    expect(silent.length).toBeGreaterThanOrEqual(3);
    for (const m of reg.actions.never_attend[club])
      if (membersAt(club).includes(m)) expect(silent).toContain(m);
  });
});
