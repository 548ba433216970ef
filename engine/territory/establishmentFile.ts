/**
 * Importing an establishment file for the diagnostic: the store's importer (layout, codes, counts,
 * duplicates: its quarantine names file, line and field), then one check the store cannot make, that
 * every commune code exists in the COG vintage (current, former or delegated: `communeVintage.ts`).
 * Rows of a code found nowhere are added to the quarantine with their physical line (the file is
 * re-read, quote-aware, only when there is such a code) and counted as quarantined; they stay in the
 * store but every diagnostic leaves them out (`CommuneMappingReport.unknown`).
 *
 * This bridges two layers (it reads the file again): it belongs with the store's importer once the COG
 * check moves there.
 */
import { readFileSync } from "node:fs";
import { decodeText, splitRecords } from "../io/csvRead.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import { normalizeCommune } from "../model/commune.ts";
import type { Store } from "../store/connection.ts";
import { sniffCsv } from "../store/csvSniff.ts";
import {
  type EstablishmentImport,
  type EstablishmentImportOptions,
  importEstablishments,
} from "../store/establishments.ts";
import { establishmentsLayout } from "../store/establishmentsLayout.ts";
import { all } from "../store/sql.ts";
import { communeVintage } from "./communeVintage.ts";

export interface DiagnosticImport {
  /** What the store's importer reported. */
  store: EstablishmentImport;
  file: string;
  read: number;
  /** read − quarantined (rows with an unknown commune code included in quarantined). */
  accepted: number;
  quarantined: number;
  /** The store's quarantine plus the unknown-commune rows, by line. */
  quarantine: QuarantineRow[];
  /** Commune codes of the file found nowhere in the COG. */
  unknownCommunes: string[];
}

/** Import `file` into `store` and check its commune codes against the COG; see the module comment. */
export async function importEstablishmentFile(
  store: Store,
  file: string,
  options: EstablishmentImportOptions = {},
): Promise<DiagnosticImport> {
  const label = options.label ?? file;
  const imported = await importEstablishments(store, file, options);
  const vintage = communeVintage();
  const codes = await all<{ commune: string }>(
    store.connection,
    "SELECT DISTINCT commune FROM establishments",
  );
  const unknown = new Set(codes.map((c) => c.commune).filter((c) => vintage.resolve(c) === null));
  const extra: QuarantineRow[] = [];
  if (unknown.size > 0) {
    const sniff = sniffCsv(file, options);
    const layout = establishmentsLayout(label, sniff.header);
    const index = layout.commune.index;
    const { text } = decodeText(readFileSync(file), sniff.encoding === "latin-1" ? "windows-1252" : "utf-8");
    const seen = new Set(imported.quarantine.map((q) => q.line));
    let first = true;
    for (const record of splitRecords(text, sniff.delimiter)) {
      if (first) {
        first = false; // the header
        continue;
      }
      if (record.problem || record.cells.length !== sniff.header.length) continue; // already quarantined
      const raw = record.cells[index] ?? "";
      const code = normalizeCommune(raw);
      if (code === undefined || !unknown.has(code) || seen.has(record.line)) continue;
      extra.push({
        file: label,
        line: record.line,
        field: layout.commune.header,
        value: raw,
        reason: `unknown commune code: not in the Code officiel géographique (@etalab/decoupage-administratif ${vintage.vintage}), neither current, former nor delegated`,
      });
    }
  }
  const quarantine = [...imported.quarantine, ...extra].sort((a, b) => a.line - b.line);
  return {
    store: imported,
    file: label,
    read: imported.read,
    accepted: imported.read - quarantine.length,
    quarantined: quarantine.length,
    quarantine,
    unknownCommunes: [...unknown].sort(),
  };
}
