/** Columns of the files the dataset scripts write, taken from the engine's contract (engine/io/columns.ts). */
import { LINK_FIELDS, type LinkField } from "../engine/io/columns.ts";

/**
 * The contract's link columns but those a dataset cannot fill, in contract order: a links file may
 * leave optional columns out, and what it writes stays a subset of `LINK_FIELDS`. A field added to the
 * contract shows up as a new column at the next conversion (the byte-comparison tests then fail until
 * the committed files are regenerated).
 */
export function linkColumnsWithout<Omitted extends LinkField>(
  ...omitted: readonly Omitted[]
): ReadonlyArray<Exclude<LinkField, Omitted>> {
  const left = new Set<LinkField>(omitted);
  return LINK_FIELDS.filter((field): field is Exclude<LinkField, Omitted> => !left.has(field));
}
