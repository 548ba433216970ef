/**
 * The URSSAF commune x APE table, read for the generator: one cell per (commune, APE) with its yearly
 * establishment and job counts. A blank cell is `null` (no establishment that year, or a secret
 * figure: the file cannot tell them apart, DOMAIN.md §9); the generator treats a blank establishment
 * count as zero establishments and a blank job count next to a published establishment count as
 * secret (it then borrows the activity's ratio over the zone).
 */
import { normalizeNaf } from "../../../engine/model/naf.ts";
import { readTable } from "./csv.ts";

export interface EstablishmentCell {
  /** `${commune}|${naf}` */
  key: string;
  commune: string;
  communeName: string;
  /** NAF in official dotted form (`29.10Z`). */
  naf: string;
  /** The APE label as the file gives it, without the code. */
  label: string;
  /** Counts by year, index = year − table.years[0]; null for a blank cell. */
  establishments: Array<number | null>;
  jobs: Array<number | null>;
}

export interface EstablishmentTable {
  years: number[];
  cells: EstablishmentCell[];
  byKey: Map<string, EstablishmentCell>;
}

export const cellKey = (commune: string, naf: string) => `${commune}|${naf}`;

const count = (raw: string): number | null => (raw.trim() === "" ? null : Number(raw));

export function readEstablishments(text: string): EstablishmentTable {
  const { header, rows } = readTable(text, "URSSAF table", ";");
  const col = (name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`URSSAF table: no column "${name}"`);
    return j;
  };
  const years: number[] = [];
  for (const h of header) {
    const m = /^Nombre d'établissements (\d{4})$/.exec(h);
    if (m) years.push(Number(m[1]));
  }
  const jCommune = col("Code commune");
  const jName = col("Nom commune");
  const jApe = col("Code APE");
  const jLabel = col("APE");
  const estCols = years.map((y) => col(`Nombre d'établissements ${y}`));
  const jobCols = years.map((y) => col(`Effectifs salariés ${y}`));
  const cells: EstablishmentCell[] = [];
  const byKey = new Map<string, EstablishmentCell>();
  for (const r of rows) {
    const naf = normalizeNaf(r[jApe]);
    if (!naf) throw new Error(`URSSAF table: bad APE code "${r[jApe]}"`);
    const commune = r[jCommune];
    const cell: EstablishmentCell = {
      key: cellKey(commune, naf),
      commune,
      communeName: r[jName],
      naf,
      label: r[jLabel].replace(/^\S+\s+/, ""),
      establishments: estCols.map((j) => count(r[j] ?? "")),
      jobs: jobCols.map((j) => count(r[j] ?? "")),
    };
    cells.push(cell);
    byKey.set(cell.key, cell);
  }
  return { years, cells, byKey };
}

/** Establishments of a cell in a year; a blank counts as 0. */
export function establishmentsIn(table: EstablishmentTable, cell: EstablishmentCell, year: number): number {
  return cell.establishments[year - table.years[0]] ?? 0;
}

/** Jobs of a cell in a year; null when blank (secret when establishments are published). */
export function jobsIn(table: EstablishmentTable, cell: EstablishmentCell, year: number): number | null {
  return cell.jobs[year - table.years[0]] ?? null;
}

/** First year with a published, positive establishment count; null when none. */
export function firstYearPresent(table: EstablishmentTable, cell: EstablishmentCell): number | null {
  for (let i = 0; i < table.years.length; i++) {
    const v = cell.establishments[i];
    if (v !== null && v > 0) return table.years[i];
  }
  return null;
}
