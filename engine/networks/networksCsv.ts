/**
 * One row of the registry's networks file turned into a `RegisteredNetwork` and the actor of its
 * organisation, or into the reason it cannot be one. Refused (with the field at fault): a blank id, a
 * type in no list (network subtypes, `association`, `chamber` and their French synonyms), a blank
 * territory or a code in it that is neither a commune nor an EPCI, an activity that is no NAF code, an
 * unreadable date, an end before the founding, a seat commune that is no INSEE code.
 *
 * Defaults: a blank type is null (the typology places it later, `typeSource` null); blank activities mean
 * all activities; a year alone is a date (`founded` 2010 → 2010-01-01, `ended` 2019 → 2019-12-31).
 */
import type { RowCells, RowResult } from "../io/records.ts";
import { parsePublicLabel } from "../io/values.ts";
import { COMMUNE_CODE_REASON, normalizeCommune } from "../model/commune.ts";
import { parseDate } from "../model/dates.ts";
import { nafSection } from "../model/naf.ts";
import type { Actor } from "../model/types.ts";
import { NETWORK_SUBTYPES, type NetworkSubtype } from "../model/vocabulary.ts";
import { type NetworkField, parseNetworkType, splitCellList } from "./registryColumns.ts";
import { given, textOf } from "./registryCsv.ts";
import { resolveTerritory } from "./territoryCodes.ts";
import type { NetworkType, RegisteredNetwork } from "./types.ts";

/** A network of the registry with the actor its organisation is (created when it is not an actor yet). */
export interface NetworkRow {
  network: RegisteredNetwork;
  actor: Actor;
}

const NAF_LEVELS: ReadonlyArray<RegExp> = [
  /^(\d{2})$/, // division 25
  /^(\d{2})\.?(\d)$/, // group 25.6
  /^(\d{2})\.?(\d{2})$/, // class 25.62
  /^(\d{2})\.?(\d{2})([A-Z])$/, // sub-class 25.62A
];

/**
 * A NAF rev.2 code at any level in its dotted form: `25`, `25.6` (or `256`), `25.62` (`2562`), `25.62A`
 * (`2562a`); undefined when it is none, or when its division is outside NAF rev.2.
 */
export function normalizeNafAnyLevel(raw: string): string | undefined {
  const compact = raw
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, "");
  for (const pattern of NAF_LEVELS) {
    const m = pattern.exec(compact);
    if (!m) continue;
    if (nafSection(m[1]) === undefined) return undefined;
    return m.length === 2 ? m[1] : `${m[1]}.${m.slice(2).join("")}`;
  }
  return undefined;
}

const bad = (field: string, value: string, reason: string): RowResult<NetworkRow> => ({
  ok: false,
  problem: { field, value, reason },
});

const DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY";

/** The actor of a network organisation: kind chamber or association, else network_org with the type as subtype. */
export function networkActor(
  id: string,
  type: NetworkType | null,
  row: { name: string | null; commune: string | null; publicLabel: string | null; founded: string | null },
): Actor {
  const subtype = (NETWORK_SUBTYPES as readonly string[]).includes(type ?? "")
    ? (type as NetworkSubtype)
    : null;
  return {
    id,
    name: row.name,
    kind: type === "chamber" ? "chamber" : type === "association" ? "association" : "network_org",
    subtype,
    naf: null,
    commune: row.commune,
    headcount: null,
    size_class: null,
    founded: row.founded ? Number(row.founded.slice(0, 4)) : null,
    public_label: row.publicLabel,
  };
}

export function networkFromRow(row: RowCells<NetworkField>): RowResult<NetworkRow> {
  const id = textOf(row.id);
  if (!id) return bad("id", row.id ?? "", "blank network id");

  let type: NetworkType | null = null;
  if (given(row.type)) {
    const t = parseNetworkType(row.type);
    if (!t)
      return bad(
        "type",
        row.type,
        `unknown network type (accepted: ${NETWORK_SUBTYPES.join(", ")}, association, chamber)`,
      );
    type = t;
  }

  const codes = splitCellList(row.territory ?? "");
  if (codes.length === 0)
    return bad(
      "territory",
      row.territory ?? "",
      "blank territory: give the INSEE commune codes and/or EPCI SIREN codes the network serves",
    );
  const territory = resolveTerritory(codes);
  if (!territory.ok) return bad("territory", row.territory ?? "", `unknown code: ${territory.reason}`);

  const activities: string[] = [];
  for (const raw of splitCellList(row.activities)) {
    const naf = normalizeNafAnyLevel(raw);
    if (!naf)
      return bad(
        "activities",
        row.activities ?? "",
        `"${raw}" is not a NAF rev.2 code (a division 25, group 25.6, class 25.62 or sub-class 25.62A)`,
      );
    if (!activities.includes(naf)) activities.push(naf);
  }
  activities.sort();

  let founded: string | null = null;
  if (given(row.founded)) {
    const d = parseDate(row.founded);
    if (!d) return bad("founded", row.founded, `not a date (${DATE_FORMS})`);
    founded = d;
  }
  let ended: string | null = null;
  if (given(row.ended)) {
    const d = parseDate(row.ended, { end: true });
    if (!d) return bad("ended", row.ended, `not a date (${DATE_FORMS})`);
    ended = d;
  }
  if (founded && ended && ended < founded)
    return bad("ended", row.ended ?? "", `ends before it was founded (${founded})`);

  let commune: string | null = null;
  if (given(row.commune)) {
    const c = normalizeCommune(row.commune);
    if (!c) return bad("commune", row.commune, COMMUNE_CODE_REASON);
    commune = c;
  }
  let publicLabel: string | null = null;
  if (given(row.public_label)) {
    publicLabel = parsePublicLabel(row.public_label);
  }
  const name = textOf(row.name);
  return {
    ok: true,
    record: {
      network: {
        id,
        name,
        type,
        typeSource: type ? "given" : null,
        territory: territory.communes,
        territoryGiven: territory.given,
        activities,
        animator: textOf(row.animator),
        founded,
        ended,
      },
      actor: networkActor(id, type, { name, commune, publicLabel, founded }),
    },
  };
}
