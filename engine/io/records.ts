/**
 * Turning one input row (whatever the format: CSV, JSON, GEXF, GraphML) into an `Actor` or a `Link`,
 * or into the reason it cannot be one. Every format goes through these two functions, so a token,
 * a number or a date is read the same way everywhere.
 */
import { COMMUNE_CODE_REASON, normalizeCommune } from "../model/commune.ts";
import { parseDate } from "../model/dates.ts";
import { normalizeNaf } from "../model/naf.ts";
import { sizeClassOf } from "../model/sizeClass.ts";
import type { Actor, Link } from "../model/types.ts";
import {
  DIRECTED_BY_DEFAULT,
  linkCategory,
  parseActorKind,
  parseFormality,
  parseLinkKind,
  parseOrientation,
  parseSubtype,
} from "../model/vocabulary.ts";
import type { ActorField, LinkField } from "./columns.ts";
import { parseCount, parseFrequency, parseNumber, parsePublicLabel } from "./values.ts";

/** Why a row was refused: the field and value at fault. */
export interface RowProblem {
  field: string;
  value: string;
  reason: string;
}

export type RowResult<T> = { ok: true; record: T } | { ok: false; problem: RowProblem };

/** A row as text cells by field; absent columns are undefined, blank cells are "" (both read as "not given"). */
export type RowCells<F extends string> = Partial<Record<F, string | null | undefined>>;

const given = (v: string | null | undefined): v is string => v !== undefined && v !== null && v.trim() !== "";
const bad = <T>(field: string, value: string, reason: string): RowResult<T> => ({
  ok: false,
  problem: { field, value, reason },
});

export function actorFromRow(row: RowCells<ActorField>): RowResult<Actor> {
  const id = row.id?.trim() ?? "";
  if (id === "") return bad("id", row.id ?? "", "blank id");

  let kind: Actor["kind"] = "unspecified";
  if (given(row.kind)) {
    const k = parseActorKind(row.kind);
    if (!k)
      return bad(
        "kind",
        row.kind,
        "unknown actor kind (accepted: firm, association, chamber, public_body, research, training, network_org, person)",
      );
    kind = k;
  }
  let subtype: Actor["subtype"] = null;
  if (given(row.subtype)) {
    const s = parseSubtype(row.subtype);
    if (!s)
      return bad(
        "subtype",
        row.subtype,
        "unknown network subtype (accepted: club, zone_association, grappe, spl, cluster, pole, virtual, cooperative, gie)",
      );
    if (kind === "unspecified") kind = "network_org";
    else if (kind !== "network_org")
      return bad("subtype", row.subtype, `a subtype applies to network_org actors, not to kind ${kind}`);
    subtype = s;
  }
  let naf: string | null = null;
  if (given(row.naf)) {
    const n = normalizeNaf(row.naf);
    if (!n) return bad("naf", row.naf, "not a NAF rev.2 sub-class code (expected e.g. 25.62A or 2562A)");
    naf = n;
  }
  let commune: string | null = null;
  if (given(row.commune)) {
    const c = normalizeCommune(row.commune);
    if (!c) return bad("commune", row.commune, COMMUNE_CODE_REASON);
    commune = c;
  }
  let headcount: number | null = null;
  if (given(row.headcount)) {
    const h = parseCount(row.headcount);
    if (h === undefined) return bad("headcount", row.headcount, "not a non-negative whole number");
    headcount = h;
  }
  let founded: number | null = null;
  if (given(row.founded)) {
    const year = /^\d{4}$/.test(row.founded.trim())
      ? Number(row.founded.trim())
      : Number(parseDate(row.founded)?.slice(0, 4));
    if (!Number.isInteger(year) || year < 1000 || year > 2999)
      return bad("founded", row.founded, "not a year or a date");
    founded = year;
  }
  let public_label: string | null = null;
  if (given(row.public_label)) {
    public_label = parsePublicLabel(row.public_label);
  }
  const name = given(row.name) ? row.name.trim() : null;
  return {
    ok: true,
    record: {
      id,
      name,
      kind,
      subtype,
      naf,
      commune,
      headcount,
      size_class: sizeClassOf(headcount),
      founded,
      public_label,
    },
  };
}

const DIRECTED_WORDS = new Set([
  "directed",
  "oriente",
  "orientee",
  "dirige",
  "->",
  "yes",
  "oui",
  "true",
  "1",
]);
const UNDIRECTED_WORDS = new Set([
  "undirected",
  "non_oriente",
  "non_orientee",
  "both",
  "mutual",
  "<->",
  "--",
  "no",
  "non",
  "false",
  "0",
]);

export function linkFromRow(row: RowCells<LinkField>): RowResult<Link> {
  const source = row.source?.trim() ?? "";
  const target = row.target?.trim() ?? "";
  if (source === "") return bad("source", row.source ?? "", "blank source");
  if (target === "") return bad("target", row.target ?? "", "blank target");
  if (source === target) return bad("target", target, "a link from an actor to itself");

  let kind: Link["kind"] = "unspecified";
  if (given(row.kind)) {
    const k = parseLinkKind(row.kind);
    if (!k) return bad("kind", row.kind, "unknown link kind (see the link kinds in the README)");
    kind = k;
  }
  let weight = 1;
  if (given(row.weight)) {
    const w = parseNumber(row.weight);
    if (w === undefined || w <= 0) return bad("weight", row.weight, "not a positive number");
    weight = w;
  }
  let directed = DIRECTED_BY_DEFAULT.has(kind);
  if (given(row.direction)) {
    const d = row.direction
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    if (DIRECTED_WORDS.has(d) || DIRECTED_WORDS.has(row.direction.trim())) directed = true;
    else if (UNDIRECTED_WORDS.has(d) || UNDIRECTED_WORDS.has(row.direction.trim())) directed = false;
    else return bad("direction", row.direction, "not a direction (directed or undirected)");
  }
  let orientation: Link["orientation"] = null;
  if (given(row.orientation)) {
    const o = parseOrientation(row.orientation);
    if (!o)
      return bad("orientation", row.orientation, "not an orientation (vertical, horizontal, intersectoral)");
    orientation = o;
  }
  let formality: Link["formality"] = null;
  if (given(row.formality)) {
    const f = parseFormality(row.formality);
    if (!f) return bad("formality", row.formality, "not a formality (formal or informal)");
    formality = f;
  }
  let frequency: number | null = null;
  if (given(row.frequency)) {
    const f = parseFrequency(row.frequency);
    if (f === undefined)
      return bad(
        "frequency",
        row.frequency,
        "not a frequency (interactions per year, or daily/weekly/monthly/…)",
      );
    frequency = f;
  }
  let start: string | null = null;
  if (given(row.start)) {
    const d = parseDate(row.start);
    if (!d) return bad("start", row.start, "not a date (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)");
    start = d;
  }
  let end: string | null = null;
  if (given(row.end)) {
    const d = parseDate(row.end, { end: true });
    if (!d) return bad("end", row.end, "not a date (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)");
    end = d;
  }
  if (start && end && end < start) return bad("end", row.end ?? "", `ends before it starts (${start})`);
  const source_ref = given(row.source_ref) ? row.source_ref.trim() : null;
  return {
    ok: true,
    record: {
      source,
      target,
      kind,
      category: linkCategory(kind),
      orientation,
      formality,
      weight,
      frequency,
      start,
      end,
      directed,
      source_ref,
    },
  };
}

/** The first field where two records of the same identity differ, or undefined when they are equal. */
export function firstDifference<T extends object>(a: T, b: T): keyof T | undefined {
  for (const key of Object.keys(a) as Array<keyof T>) if (a[key] !== b[key]) return key;
  return undefined;
}
