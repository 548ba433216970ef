/**
 * The planted firme-réseau: the Cléon car plant as pivot, tier-1 suppliers delivering to it, tier-2
 * suppliers delivering to the tier-1s, and the pivot mentoring some tier-1 SMEs. Every link is
 * vertical, formal and directed supplier → customer (mentoring: pivot → SME), so the component is a
 * centralised, star-like tree around the pivot: the signature of DOMAIN.md §3.
 *
 * Suppliers are real establishments of the zone (drawn from the pool) in the activities a carmaker
 * buys from: plastics and rubber (22), metals (24, 25), electrical equipment (27), machinery (28),
 * car parts (29.3) and industrial maintenance (33); tier-2s also in chemicals, glass and ceramics,
 * electronics, other manufacturing, engineering offices (71.12B) and industrial supplies (46.69B).
 */

import { sizeClassOf } from "../../../engine/model/sizeClass.ts";
import type { LinkKind } from "../../../engine/model/vocabulary.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt, sample, weightedPick } from "../../../engine/random/sampling.ts";
import { LAST_START_YEAR, PIVOT, SOURCE_REF } from "./config.ts";
import { syntheticSiret } from "./ids.ts";
import { inventFirmName, type NameBook } from "./names.ts";
import type { EstablishmentPool } from "./pool.ts";
import { dateInYear, type FirmRow, type LinkRow, link } from "./records.ts";
import { drawFounded, drawHeadcount } from "./traits.ts";
import { cellKey, type EstablishmentCell, establishmentsIn, jobsIn } from "./urssaf.ts";

const TIER1_DIVISIONS = new Set(["22", "24", "25", "27", "28", "33"]);
const TIER2_DIVISIONS = new Set(["20", "22", "23", "24", "25", "26", "27", "28", "32", "33"]);
const TIER2_SERVICES = new Set(["71.12B", "46.69B"]);
/** A carmaker's direct suppliers are rarely micro firms: tier-1s come from cells that can hold 20 jobs. */
const TIER1_MIN_HEADCOUNT = 20;

const isTier1Activity = (naf: string) => TIER1_DIVISIONS.has(naf.slice(0, 2)) || naf.startsWith("29.3");
const isTier2Activity = (naf: string) =>
  TIER2_DIVISIONS.has(naf.slice(0, 2)) || naf.startsWith("29.3") || TIER2_SERVICES.has(naf);

/** Machining, surface treatment and maintenance work to order; the rest delivers parts. */
const supplyKind = (naf: string): LinkKind =>
  naf.startsWith("25.6") || naf.startsWith("33.") ? "subcontracting" : "supply";

/** The pivot's cell, reserved in the pool before anything else is drawn. */
export function reservePivotCell(pool: EstablishmentPool): EstablishmentCell {
  const cell = pool.table.byKey.get(cellKey(PIVOT.commune, PIVOT.naf));
  if (!cell) throw new Error(`the URSSAF table has no cell ${PIVOT.commune} x ${PIVOT.naf}`);
  pool.take(cell.key);
  return cell;
}

export interface PivotInput {
  rng: Rng;
  pool: EstablishmentPool;
  pivotCell: EstablishmentCell;
  names: NameBook;
  ratios: Map<string, number>;
}

export interface PivotNetwork {
  pivot: FirmRow;
  /** Real jobs of the pivot's cell in the reference year. */
  jobs: number;
  tier1: FirmRow[];
  tier2: FirmRow[];
  /** Tier-1 SMEs the pivot mentors. */
  mentored: string[];
  /** For each tier-2 supplier, the tier-1 firms it delivers to. */
  customers: Map<string, string[]>;
  links: LinkRow[];
}

/** A start year in [lo, hi], lifted to lo when a late founding leaves no room. */
function startYear(rng: Rng, lo: number, hi: number): number {
  return randomInt(rng, lo, Math.max(lo, hi));
}

export function generatePivotNetwork(input: PivotInput): PivotNetwork {
  const { rng, pool, pivotCell, names, ratios } = input;
  const { table, year } = pool;
  const jobs = jobsIn(table, pivotCell, year);
  if (jobs === null || establishmentsIn(table, pivotCell, year) !== 1) {
    throw new Error("the pivot cell must hold one establishment with published jobs");
  }
  const pivot: FirmRow = {
    id: syntheticSiret("pivot", 0),
    name: names.reserve(PIVOT.name),
    kind: "firm",
    subtype: null,
    naf: PIVOT.naf,
    commune: PIVOT.commune,
    headcount: jobs,
    founded: PIVOT.founded,
    public_label: null,
    role: "pivot",
    cell: pivotCell.key,
  };

  const ratioOf = (c: EstablishmentCell) => {
    const e = establishmentsIn(table, c, year);
    const j = jobsIn(table, c, year);
    return j !== null && e > 0 ? j / e : (ratios.get(c.naf) ?? 5);
  };
  // A cell whose jobs leave room for a firm of TIER1_MIN_HEADCOUNT or more (secret jobs: judged by ratio).
  const room = (c: EstablishmentCell) => {
    const j = jobsIn(table, c, year);
    return j !== null ? j - (establishmentsIn(table, c, year) - 1) : 3 * ratioOf(c);
  };
  const tier1Cells = table.cells.filter(
    (c) => isTier1Activity(c.naf) && c.key !== pivotCell.key && room(c) >= TIER1_MIN_HEADCOUNT,
  );
  const tier2Cells = table.cells.filter((c) => isTier2Activity(c.naf) && c.key !== pivotCell.key);

  const makeFirm = (
    cell: EstablishmentCell,
    role: "tier1" | "tier2",
    index: number,
    lean: number,
    min?: number,
  ) =>
    ({
      id: syntheticSiret(role, index),
      name: names.unique(() => inventFirmName(rng, cell.naf)),
      kind: "firm",
      subtype: null,
      naf: cell.naf,
      commune: cell.commune,
      headcount: drawHeadcount(rng, table, cell, year, ratios, { lean, min }),
      founded: drawFounded(rng, table, cell, year),
      public_label: null,
      role,
      cell: cell.key,
    }) satisfies FirmRow;

  // Tier-1: lean towards cells of larger establishments (a carmaker's direct suppliers are rarely tiny).
  const tier1: FirmRow[] = [];
  const n1 = randomInt(rng, 22, 28);
  for (let i = 0; i < n1; i++) {
    const cell = pool.draw(rng, tier1Cells, (c) => Math.sqrt(Math.max(1, ratioOf(c))));
    if (!cell) break;
    tier1.push(makeFirm(cell, "tier1", i, 3, TIER1_MIN_HEADCOUNT));
  }
  const tier2: FirmRow[] = [];
  const n2 = randomInt(rng, 55, 75);
  for (let i = 0; i < n2; i++) {
    const cell = pool.draw(rng, tier2Cells, (c) => (TIER2_SERVICES.has(c.naf) ? 0.4 : 1));
    if (!cell) break;
    tier2.push(makeFirm(cell, "tier2", i, 2));
  }

  const links: LinkRow[] = [];
  for (const s of tier1) {
    const kind = supplyKind(s.naf as string);
    links.push(
      link({
        source: s.id,
        target: pivot.id,
        kind,
        weight: randomInt(rng, 3, 10),
        formality: "formal",
        frequency: randomInt(rng, 48, 250),
        start: dateInYear(rng, startYear(rng, Math.max(1985, (s.founded ?? 0) + 1), 2021)),
        end: null,
        source_ref: SOURCE_REF.pivot,
      }),
    );
  }

  const smes = tier1.filter((f) => sizeClassOf(f.headcount) === "sme");
  const mentored = sample(rng, smes, randomInt(rng, 6, 9)).map((f) => f.id);
  const mentoredSet = new Set(mentored);
  for (const s of tier1) {
    if (!mentoredSet.has(s.id)) continue;
    links.push(
      link({
        source: pivot.id,
        target: s.id,
        kind: "mentoring",
        weight: 1,
        formality: "formal",
        frequency: randomInt(rng, 4, 12),
        start: dateInYear(rng, startYear(rng, Math.max(2008, (s.founded ?? 0) + 1), LAST_START_YEAR)),
        end: null,
        source_ref: SOURCE_REF.pivot,
      }),
    );
  }

  // Tier-2 → tier-1: one customer, sometimes two; larger tier-1s have more suppliers.
  const customers = new Map<string, string[]>();
  const pull = tier1.map((f) => Math.sqrt(Math.max(1, f.headcount ?? 1)));
  for (const s of tier2) {
    const first = weightedPick(rng, tier1, pull);
    const chosen = [first];
    if (bernoulli(rng, 0.3)) {
      const second = weightedPick(rng, tier1, pull);
      if (second.id !== first.id) chosen.push(second);
    }
    customers.set(
      s.id,
      chosen.map((c) => c.id),
    );
    for (const c of chosen) {
      const lo = Math.max(1990, (s.founded ?? 0) + 1, (c.founded ?? 0) + 1);
      links.push(
        link({
          source: s.id,
          target: c.id,
          kind: supplyKind(s.naf as string),
          weight: randomInt(rng, 1, 6),
          formality: "formal",
          frequency: randomInt(rng, 12, 120),
          start: dateInYear(rng, startYear(rng, lo, 2022)),
          end: null,
          source_ref: SOURCE_REF.pivot,
        }),
      );
    }
  }

  return { pivot, jobs, tier1, tier2, mentored, customers, links };
}
