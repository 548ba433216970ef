/**
 * The rows the generator writes (the columns of the actors and links files, CONVENTIONS.md) and the
 * small date arithmetic it needs. Dates are ISO strings computed from whole UTC days, so nothing
 * depends on the machine's time zone or clock.
 */

import {
  type ActorKind,
  DIRECTED_BY_DEFAULT,
  type Formality,
  type LinkKind,
  type NetworkSubtype,
} from "../../../engine/model/vocabulary.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { randomInt } from "../../../engine/random/sampling.ts";
import { linkColumnsWithout } from "../../columns.ts";

/** The links file's columns: the contract's but `orientation`, which the generator does not plant. */
export const LINK_COLUMNS = linkColumnsWithout("orientation");

export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  subtype: NetworkSubtype | null;
  naf: string | null;
  commune: string | null;
  headcount: number | null;
  founded: number | null;
  public_label: string | null;
}

/** Which part of the dataset a firm belongs to (not written to the actors file; truth.json says it). */
export type FirmRole = "pivot" | "tier1" | "tier2" | "district" | "background";

export interface FirmRow extends ActorRow {
  role: FirmRole;
  /** The URSSAF cell the firm was placed from. */
  cell: string;
}

export interface LinkRow {
  source: string;
  target: string;
  kind: LinkKind;
  weight: number;
  direction: "directed" | "undirected";
  formality: Formality | null;
  /** Interactions per year. */
  frequency: number | null;
  start: string | null;
  end: string | null;
  source_ref: string;
}

/** A link with the direction its kind has by default (vocabulary.ts). */
export function link(fields: Omit<LinkRow, "direction">): LinkRow {
  const row: LinkRow = {
    source: fields.source,
    target: fields.target,
    kind: fields.kind,
    weight: fields.weight,
    direction: DIRECTED_BY_DEFAULT.has(fields.kind) ? "directed" : "undirected",
    formality: fields.formality,
    frequency: fields.frequency,
    start: fields.start,
    end: fields.end,
    source_ref: fields.source_ref,
  };
  return row;
}

/**
 * Key of a tie for deduplication: a directed link's ends in order, an undirected link's ends sorted,
 * so that a→b and b→a of the same undirected kind count once.
 */
export function tieKey(kind: LinkKind, a: string, b: string): string {
  if (DIRECTED_BY_DEFAULT.has(kind)) return `${kind}|${a}|${b}`;
  return a < b ? `${kind}|${a}|${b}` : `${kind}|${b}|${a}`;
}

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day n months earlier (day clamped to the month's length). */
export function monthsBefore(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = m - 1 - n;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A uniform date within a year. One draw. */
export function dateInYear(rng: Rng, year: number): string {
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const last = Date.UTC(year, 11, 31) / DAY_MS;
  return isoOf(randomInt(rng, first, last));
}

/** A uniform date between two ISO dates, both included. One draw. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  return isoOf(randomInt(rng, dayOf(from), dayOf(to)));
}

/** Sort rows by a string key (code-unit order, not locale order: the output must not depend on ICU). */
export function byKey<T>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
