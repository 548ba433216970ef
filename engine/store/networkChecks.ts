/**
 * Checks on actors and links before they reach the store. Readers already produce valid records;
 * these checks catch a caller that did not (a repeated identity, a fractional headcount, a date that
 * is not ISO) before the transaction begins, with a message naming the record, instead of a DuckDB
 * error half-way or, worse, a silently rounded value that would not read back equal.
 */
import type { Actor, Link } from "../model/types.ts";
import { linkKey } from "../model/types.ts";
import { isoDateDays } from "./staging.ts";

const INT32_MAX = 2_147_483_647;

function wholeOrNull(v: number | null, what: string): void {
  if (v !== null && !(Number.isInteger(v) && Math.abs(v) <= INT32_MAX)) {
    throw new Error(`${what}: ${v} is not a whole number the store can hold`);
  }
}

function finiteOrNull(v: number | null, what: string): void {
  if (v !== null && !Number.isFinite(v)) throw new Error(`${what}: ${v} is not a finite number`);
}

function dateOrNull(v: string | null, what: string): void {
  if (v === null) return;
  try {
    isoDateDays(v);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`);
  }
}

function text(v: unknown, what: string): void {
  if (typeof v !== "string" || v === "") throw new Error(`${what}: a non-empty string is required`);
}

/** Throw on the first record the store cannot take as it is; return the links' identities, in order. */
export function checkNetwork(actors: readonly Actor[], links: readonly Link[]): string[] {
  const ids = new Set<string>();
  for (const actor of actors) {
    text(actor.id, "actor id");
    const at = `actor ${actor.id}`;
    if (ids.has(actor.id)) throw new Error(`${at} appears twice in one import`);
    ids.add(actor.id);
    text(actor.kind, `${at}, kind`);
    wholeOrNull(actor.headcount, `${at}, headcount`);
    wholeOrNull(actor.founded, `${at}, founded`);
  }
  const keys = new Set<string>();
  const ordered: string[] = new Array(links.length);
  links.forEach((link, i) => {
    const key = linkKey(link);
    ordered[i] = key;
    const at = `link ${key}`;
    if (keys.has(key))
      throw new Error(`${at} appears twice in one import (identity: source, target, kind, start)`);
    keys.add(key);
    text(link.source, `${at}, source`);
    text(link.target, `${at}, target`);
    if (link.source === link.target)
      throw new Error(`${at}: a link from an actor to itself (the model has no loops)`);
    text(link.kind, `${at}, kind`);
    text(link.category, `${at}, category`);
    if (typeof link.weight !== "number" || !Number.isFinite(link.weight)) {
      throw new Error(`${at}, weight: ${link.weight} is not a finite number`);
    }
    finiteOrNull(link.frequency, `${at}, frequency`);
    dateOrNull(link.start, `${at}, start`);
    dateOrNull(link.end, `${at}, end`);
    if (typeof link.directed !== "boolean") throw new Error(`${at}, directed: a boolean is required`);
  });
  return ordered;
}
