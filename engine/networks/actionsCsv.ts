/**
 * One row of the registry's actions file turned into a `NetworkAction`, or into the reason it cannot be
 * one: no network, a missing or unreadable date, a kind in no list (meeting, visit, training, event,
 * project, platform, inter_network and their French synonyms), an attendance that is no whole number.
 * Whether the networks and the participants exist is checked by `readRegistry`.
 *
 * Networks and participants are `|`-separated lists, stored sorted and distinct. An action without an id
 * gets a stable one, `action-` and 12 hex digits of the SHA-256 of its networks, date, kind and title,
 * so re-importing the same file finds the same actions.
 */
import { createHash } from "node:crypto";
import type { RowCells, RowResult } from "../io/records.ts";
import { parseCount } from "../io/values.ts";
import { parseDate } from "../model/dates.ts";
import { type ActionField, parseActionKind, splitCellList } from "./registryColumns.ts";
import { given, textOf } from "./registryCsv.ts";
import { ACTION_KINDS, type ActionKind, type NetworkAction } from "./types.ts";

const bad = (field: string, value: string, reason: string): RowResult<NetworkAction> => ({
  ok: false,
  problem: { field, value, reason },
});

/** The id of an action given none: a hash of what identifies it (networks sorted, date, kind, title). */
export function actionId(a: Pick<NetworkAction, "networks" | "date" | "kind" | "title">): string {
  const basis = JSON.stringify([[...a.networks].sort(), a.date, a.kind, a.title ?? ""]);
  return `action-${createHash("sha256").update(basis).digest("hex").slice(0, 12)}`;
}

export function actionFromRow(row: RowCells<ActionField>): RowResult<NetworkAction> {
  const networks = splitCellList(row.network).sort();
  if (networks.length === 0) return bad("network", row.network ?? "", "no network");
  if (!given(row.date)) return bad("date", row.date ?? "", "no date");
  const date = parseDate(row.date);
  if (!date) return bad("date", row.date, "not a date (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)");
  if (!given(row.kind)) return bad("kind", row.kind ?? "", `no kind (${ACTION_KINDS.join(", ")})`);
  const kind: ActionKind | undefined = parseActionKind(row.kind);
  if (!kind) return bad("kind", row.kind, `unknown action kind (accepted: ${ACTION_KINDS.join(", ")})`);
  let attendance: number | null = null;
  if (given(row.attendance)) {
    const n = parseCount(row.attendance);
    if (n === undefined) return bad("attendance", row.attendance, "not a non-negative whole number");
    attendance = n;
  }
  const title = textOf(row.title);
  const participants = splitCellList(row.participants).sort();
  const id = textOf(row.id) ?? actionId({ networks, date, kind, title });
  return { ok: true, record: { id, networks, date, kind, title, participants, attendance } };
}
