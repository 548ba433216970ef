/**
 * The two layouts of an establishment table, told apart by the header:
 * - the URSSAF wide layout: `Code commune`, `Code APE`, then per year `Nombre d'établissements YYYY`
 *   and `Effectifs salariés YYYY` (the national file and its regional extracts);
 * - the long layout `commune, naf, year, establishments, jobs[, size_class]`.
 * Headers are compared in `canonicalToken` form (case, accents, spaces, apostrophes ignored); French
 * and English names are accepted. When several columns could serve, the most specific name wins:
 * the URSSAF file has both `Commune` ("76005 Amfreville-la-Mi-Voie") and `Code commune` ("76005").
 */
import { InputError } from "../io/errors.ts";
import { canonicalToken } from "../model/vocabulary.ts";

/** Accepted names, most specific first. */
export const ESTABLISHMENT_HEADER_NAMES = {
  commune: [
    "code_commune",
    "code_insee",
    "code_commune_insee",
    "depcom",
    "codgeo",
    "cog",
    "insee",
    "commune",
  ],
  naf: ["code_ape", "code_naf", "naf", "ape", "naf_rev2", "code_activite", "apet700"],
  year: ["year", "annee", "millesime"],
  establishments: [
    "establishments",
    "etablissements",
    "nombre_d_etablissements",
    "nombre_etablissements",
    "nb_etablissements",
  ],
  jobs: ["jobs", "effectifs", "effectifs_salaries", "effectif", "salaries", "emplois", "employees"],
  size_class: [
    "size_class",
    "tranche_effectif",
    "tranche_d_effectif",
    "tranche_effectifs",
    "classe_taille",
    "tranche",
  ],
} as const;

type Field = keyof typeof ESTABLISHMENT_HEADER_NAMES;

/** One count column: where it is in the file, its header, the year and measure it holds. */
export interface CountColumn {
  index: number;
  header: string;
  measure: "establishments" | "jobs";
}

export interface WideYear {
  year: number;
  establishments: CountColumn | null;
  jobs: CountColumn | null;
}

export interface Column {
  index: number;
  header: string;
}

export type EstablishmentsLayout =
  | { kind: "urssaf_wide"; commune: Column; naf: Column; years: WideYear[] }
  | {
      kind: "long";
      commune: Column;
      naf: Column;
      year: Column;
      establishments: CountColumn | null;
      jobs: CountColumn | null;
      sizeClass: Column | null;
    };

function find(tokens: readonly string[], header: readonly string[], field: Field): Column | null {
  for (const name of ESTABLISHMENT_HEADER_NAMES[field]) {
    const index = tokens.indexOf(name);
    if (index >= 0) return { index, header: header[index] };
  }
  return null;
}

const YEAR_SUFFIX = /^(.*)_(\d{4})$/;

function yearColumns(tokens: readonly string[], header: readonly string[]): WideYear[] {
  const byYear = new Map<number, WideYear>();
  tokens.forEach((token, index) => {
    const m = YEAR_SUFFIX.exec(token);
    if (!m) return;
    const measure = (ESTABLISHMENT_HEADER_NAMES.establishments as readonly string[]).includes(m[1])
      ? "establishments"
      : (ESTABLISHMENT_HEADER_NAMES.jobs as readonly string[]).includes(m[1])
        ? "jobs"
        : undefined;
    if (!measure) return;
    const year = Number(m[2]);
    const entry = byYear.get(year) ?? { year, establishments: null, jobs: null };
    entry[measure] ??= { index, header: header[index], measure };
    byYear.set(year, entry);
  });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function missing(
  file: string,
  header: readonly string[],
  what: string,
  names: readonly string[],
): InputError {
  return new InputError(
    `${file}: missing required column ${what} (accepted names: ${names.join("|")}); columns found: ${header.map((h) => `"${h}"`).join(", ") || "none"}.`,
    { file, field: what.replaceAll('"', "") },
  );
}

/**
 * The layout of a header. Fails at once, naming the file, the missing column and the columns found,
 * when a required column is absent.
 */
export function establishmentsLayout(file: string, header: readonly string[]): EstablishmentsLayout {
  const tokens = header.map(canonicalToken);
  const years = yearColumns(tokens, header);
  const year = find(tokens, header, "year");
  const need = (field: "commune" | "naf"): Column => {
    const column = find(tokens, header, field);
    if (!column) throw missing(file, header, `"${field}"`, ESTABLISHMENT_HEADER_NAMES[field]);
    return column;
  };
  if (years.length > 0 && !year) {
    return { kind: "urssaf_wide", commune: need("commune"), naf: need("naf"), years };
  }
  const commune = need("commune");
  const naf = need("naf");
  if (!year) {
    throw missing(file, header, '"year"', [
      ...ESTABLISHMENT_HEADER_NAMES.year,
      'or per-year columns such as "Nombre d\'établissements 2006"',
    ]);
  }
  const count = (field: "establishments" | "jobs"): CountColumn | null => {
    const c = find(tokens, header, field);
    return c ? { ...c, measure: field } : null;
  };
  const establishments = count("establishments");
  const jobs = count("jobs");
  if (!establishments && !jobs) {
    throw missing(file, header, '"establishments" or "jobs"', [
      ...ESTABLISHMENT_HEADER_NAMES.establishments,
      ...ESTABLISHMENT_HEADER_NAMES.jobs,
    ]);
  }
  return {
    kind: "long",
    commune,
    naf,
    year,
    establishments,
    jobs,
    sizeClass: find(tokens, header, "size_class"),
  };
}
