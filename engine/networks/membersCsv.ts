/**
 * One row of the registry's members file turned into a `membership` link, member → network
 * organisation, or into the reason it cannot be one (blank member or network, a network that is its own
 * member, an unreadable date, a leave date before the join date). Whether the member and the network
 * exist is checked by `readRegistry`, which knows the actors and the registry.
 *
 * The link is what a membership is in the model (CONVENTIONS.md): kind `membership`, category
 * non-market, directed member → organisation, weight 1, formality `formal` (an affiliation is a formal
 * tie); a year alone is a date (`start` 2015 → 2015-01-01, `end` 2019 → 2019-12-31).
 */
import type { RowCells, RowResult } from "../io/records.ts";
import { parseDate } from "../model/dates.ts";
import { blankLink, type Link } from "../model/types.ts";
import type { MemberField } from "./registryColumns.ts";
import { given, textOf } from "./registryCsv.ts";

const bad = (field: string, value: string, reason: string): RowResult<Link> => ({
  ok: false,
  problem: { field, value, reason },
});

const DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY";

/** A membership link with the model's defaults. */
export function membershipLink(
  member: string,
  network: string,
  spell: { start: string | null; end: string | null; sourceRef: string | null },
): Link {
  return blankLink(member, network, "membership", {
    formality: "formal",
    start: spell.start,
    end: spell.end,
    directed: true,
    source_ref: spell.sourceRef,
  });
}

export function membershipFromRow(row: RowCells<MemberField>): RowResult<Link> {
  const member = textOf(row.member);
  if (!member) return bad("member", row.member ?? "", "blank member id");
  const network = textOf(row.network);
  if (!network) return bad("network", row.network ?? "", "blank network id");
  if (member === network) return bad("member", member, "a network cannot be a member of itself");
  let start: string | null = null;
  if (given(row.start)) {
    const d = parseDate(row.start);
    if (!d) return bad("start", row.start, `not a date (${DATE_FORMS})`);
    start = d;
  }
  let end: string | null = null;
  if (given(row.end)) {
    const d = parseDate(row.end, { end: true });
    if (!d) return bad("end", row.end, `not a date (${DATE_FORMS})`);
    end = d;
  }
  if (start && end && end < start)
    return bad("end", row.end ?? "", `leaves before it joins (joined ${start})`);
  return {
    ok: true,
    record: membershipLink(member, network, { start, end, sourceRef: textOf(row.source_ref) }),
  };
}
