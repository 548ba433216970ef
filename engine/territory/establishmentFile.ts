/**
 * Importing an establishment file with its commune codes checked against the COG vintage (current,
 * former or delegated: `communeVintage.ts`). The store's importer does the check (`knownCommunes`):
 * the territory layer only says which codes are valid and why a row is refused, so a row of a code
 * found nowhere is quarantined at import with its physical line like any other bad row, counted
 * (read = accepted + quarantined) and not stored. Such rows never reach the diagnostic: its
 * `CommuneMappingReport.unknown` lists only the unknown codes of a table that was not checked (rows
 * given in memory, a store filled without the check); the codes refused here are `unknownCommunes`.
 */
import type { QuarantineRow } from "../io/quarantine.ts";
import type { Store } from "../store/connection.ts";
import {
  type EstablishmentImport,
  type EstablishmentImportOptions,
  importEstablishments,
} from "../store/establishments.ts";
import { type CommuneVintage, communeVintage } from "./communeVintage.ts";

export interface DiagnosticImport {
  /** What the store's importer reported. */
  store: EstablishmentImport;
  file: string;
  read: number;
  /** read − quarantined (rows with an unknown commune code included in quarantined). */
  accepted: number;
  quarantined: number;
  /** The store's quarantine, by line (the unknown-commune rows included). */
  quarantine: QuarantineRow[];
  /** Commune codes of the file found nowhere in the COG (their rows are quarantined), sorted. */
  unknownCommunes: string[];
  /** Rows quarantined for one of those codes. */
  unknownCommuneRows: number;
  /** Version of `@etalab/decoupage-administratif` the codes were checked against. */
  vintage: string;
}

/**
 * The import options that keep out a commune code the COG vintage does not know (current, former or
 * delegated), with the reason naming the vintage.
 */
export function cogCommuneCheck(
  vintage: CommuneVintage = communeVintage(),
): Required<Pick<EstablishmentImportOptions, "knownCommunes" | "unknownCommuneReason">> {
  return {
    knownCommunes: (code) => vintage.resolve(code) !== null,
    unknownCommuneReason: `unknown commune code: not in the Code officiel géographique (@etalab/decoupage-administratif ${vintage.vintage}), neither current, former nor delegated`,
  };
}

/** Import `file` into `store`, refusing commune codes the COG does not know; see the module comment. */
export async function importEstablishmentFile(
  store: Store,
  file: string,
  options: EstablishmentImportOptions = {},
): Promise<DiagnosticImport> {
  const vintage = communeVintage();
  const imported = await importEstablishments(store, file, { ...options, ...cogCommuneCheck(vintage) });
  return {
    store: imported,
    file: imported.file,
    read: imported.read,
    accepted: imported.accepted,
    quarantined: imported.quarantined,
    quarantine: imported.quarantine,
    unknownCommunes: imported.unknownCommunes.map((u) => u.code),
    unknownCommuneRows: imported.unknownCommunes.reduce((n, u) => n + u.rows, 0),
    vintage: vintage.vintage,
  };
}
