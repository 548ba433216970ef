/**
 * The territorial diagnostic (DOMAIN §5, formulas §9): specialisation and localisation indices at each
 * NAF level, candidate districts / SPLs by successive aggregation of contiguous communes, single-plant
 * concentrations, star ratings and the blank-cell report. DuckDB computes the cells and the indices
 * (fast on a national table); the aggregation runs in JS on the cells it returns.
 */
import { InputError } from "../io/errors.ts";
import { all } from "../store/sql.ts";
import { findCandidates, jobsByActivity, mainActivitiesOf, type Totals } from "./candidates.ts";
import { communeVintage, IDENTITY_VINTAGE, mapAdjacency, mapCommuneCodes } from "./communeVintage.ts";
import { ELLISON_GLAESER_APPROXIMATION } from "./ellisonGlaeser.ts";
import { activityIndices, areaTotals, cellIndices, communeKrugman, referenceTotals } from "./levelIndices.ts";
import { buildCells, type ReferenceTotal, writeReference } from "./levelTables.ts";
import { nafLevelSql } from "./nafLevelSql.ts";
import { secretCellReport } from "./secretCells.ts";
import { DEFAULT_SME_CLASSES } from "./smeClasses.ts";
import { STAR_THRESHOLDS, starCutoffs } from "./starRating.ts";
import {
  type DiagnosticOptions,
  type DiagnosticResult,
  type EstablishmentSource,
  type LevelDiagnostic,
  NAF_LEVELS,
  type NafLevel,
  type ResolvedDiagnosticOptions,
} from "./types.ts";
import { openWork, stageRows, surveySource } from "./workTables.ts";

/** Defaults of the options (documented in `DiagnosticOptions`). */
export const DIAGNOSTIC_DEFAULTS = {
  minLq: 1.5,
  minNeighbourLq: 1,
  minJobs: 50,
  minEstablishments: 3,
  minCandidateEstablishments: 5,
  maxPlantEstablishments: 2,
  mainActivities: 5,
} as const;

export const growthRule = (minNeighbourLq: number): string =>
  `Successive aggregation: from each seed cell, repeatedly add the adjacent commune having the activity, with its own LQ of jobs ≥ ${minNeighbourLq}, that keeps the group's pooled LQ of jobs highest (ties: more jobs of the activity, then the smaller code), as long as that LQ stays ≥ the threshold; then merge the groups of one activity that share a commune or touch, transitively.`;

/** Reference totals (activity, year) of an external table, with the same blank rule (blanks as 0). */
async function externalReference(
  source: EstablishmentSource,
  level: NafLevel,
  years: readonly number[],
): Promise<ReferenceTotal[]> {
  const work = await openWork(source, "ref");
  try {
    return await all<ReferenceTotal>(
      work.connection,
      `SELECT year, ${nafLevelSql(level)} AS activity, coalesce(sum(jobs), 0)::DOUBLE AS ej,
              coalesce(sum(establishments), 0)::DOUBLE AS nj
       FROM ${work.source} WHERE year IN (${years.join(", ")}) AND ${nafLevelSql(level)} IS NOT NULL
       GROUP BY ALL`,
    );
  } finally {
    await work.close();
  }
}

/** Run the diagnostic on an establishment table; see `DiagnosticOptions` for the defaults. */
export async function territorialDiagnostic(
  table: EstablishmentSource,
  options: DiagnosticOptions = {},
): Promise<DiagnosticResult> {
  const work = await openWork(table);
  try {
    const c = work.connection;
    const survey = await surveySource(work);
    if (survey.years.length === 0)
      throw new InputError("the establishment table is empty: nothing to diagnose");
    const year = options.year ?? survey.years[survey.years.length - 1];
    const baseYear = options.baseYear ?? survey.years[0];
    for (const [name, y] of [
      ["year", year],
      ["baseYear", baseYear],
    ] as const) {
      if (!survey.years.includes(y))
        throw new InputError(
          `${name} ${y} is not in the establishment table (years: ${survey.years.join(", ")})`,
          {
            field: name,
          },
        );
    }
    const o: ResolvedDiagnosticOptions = {
      year,
      baseYear,
      levels: [...(options.levels ?? NAF_LEVELS)],
      reference: options.reference ? "external" : "zone",
      mapCommunes: options.mapCommunes ?? true,
      minLq: options.minLq ?? DIAGNOSTIC_DEFAULTS.minLq,
      minNeighbourLq: options.minNeighbourLq ?? DIAGNOSTIC_DEFAULTS.minNeighbourLq,
      minJobs: options.minJobs ?? DIAGNOSTIC_DEFAULTS.minJobs,
      minEstablishments: options.minEstablishments ?? DIAGNOSTIC_DEFAULTS.minEstablishments,
      minCandidateEstablishments:
        options.minCandidateEstablishments ?? DIAGNOSTIC_DEFAULTS.minCandidateEstablishments,
      maxPlantEstablishments: options.maxPlantEstablishments ?? DIAGNOSTIC_DEFAULTS.maxPlantEstablishments,
      smeClasses: [...(options.smeClasses ?? DEFAULT_SME_CLASSES)],
      stars: { ...STAR_THRESHOLDS, ...options.stars },
      mainActivities: options.mainActivities ?? DIAGNOSTIC_DEFAULTS.mainActivities,
    };
    await options.onStep?.("load", null);

    const vintage = o.mapCommunes ? communeVintage() : IDENTITY_VINTAGE;
    const mapping = mapCommuneCodes(vintage, survey.rowsByCode);
    const years = year === baseYear ? [year] : [baseYear, year];
    await stageRows(work, years, mapping.map);
    const adjacency = mapAdjacency(vintage, options.adjacency ?? []);
    await options.onStep?.("communes", null);

    const levels: LevelDiagnostic[] = [];
    let totals: DiagnosticResult["totals"] | null = null;
    for (const level of o.levels) {
      const t = await buildCells(c, level, o.smeClasses);
      await writeReference(
        c,
        level,
        options.reference ? await externalReference(options.reference, level, years) : null,
      );
      const cells = await cellIndices(c, t, year, baseYear);
      const krugman = await communeKrugman(c, t, year);
      const activities = await activityIndices(c, t, year);
      const totalsOf = async (y: number): Promise<Totals> => {
        const ref = await referenceTotals(c, t, y);
        return {
          areas: await areaTotals(c, t, y),
          reference: ref.activities,
          referenceJobs: ref.jobs,
          referenceEstablishments: ref.establishments,
        };
      };
      const yearTotals = await totalsOf(year);
      const baseTotals = await totalsOf(baseYear);
      await options.onStep?.("indices", level);

      let zoneJobs = 0;
      let zoneEst = 0;
      for (const a of yearTotals.areas.values()) {
        zoneJobs += a.jobs;
        zoneEst += a.establishments;
      }
      totals ??= { communes: yearTotals.areas.size, jobs: zoneJobs, establishments: zoneEst };
      const cut = starCutoffs(cells, new Map([...yearTotals.areas].map(([k, v]) => [k, v.jobs])), o.stars);
      const { candidates, singlePlant } = findCandidates({
        level,
        cells,
        year: yearTotals,
        base: baseTotals,
        zoneActivityJobs: new Map(activities.map((a) => [a.activity, a.jobs])),
        zoneJobs,
        neighbours: adjacency.neighbours,
        name: vintage.name,
        stars: cut,
        options: o,
      });
      await options.onStep?.("aggregation", level);

      const byCommune = new Map<string, typeof cells>();
      for (const cell of cells) {
        let l = byCommune.get(cell.commune);
        if (!l) {
          l = [];
          byCommune.set(cell.commune, l);
        }
        l.push(cell);
      }
      const communes = [...yearTotals.areas.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([commune, a]) => ({
          commune,
          name: vintage.name(commune),
          jobs: a.jobs,
          establishments: a.establishments,
          krugman: krugman.get(commune)?.krugman ?? null,
          krugmanRest: krugman.get(commune)?.krugmanRest ?? null,
          mainActivities: mainActivitiesOf(
            jobsByActivity(byCommune.get(commune) ?? []),
            a.jobs,
            yearTotals,
            o.mainActivities,
            "lq",
            o.minJobs,
          ),
        }));
      levels.push({ level, cells, communes, activities, candidates, singlePlant });
      await options.onStep?.("candidates", level);
    }

    const secret = await secretCellReport(c, year);
    await options.onStep?.("done", null);
    const stars = o.stars;
    return {
      options: o,
      years: survey.years,
      totals: totals ?? { communes: 0, jobs: 0, establishments: 0 },
      levels,
      secret,
      communeMapping: {
        vintage: vintage.vintage,
        mapped: mapping.mapped,
        unknown: mapping.unknown,
        adjacency: adjacency.report,
      },
      notes: [
        secret.rule,
        growthRule(o.minNeighbourLq ?? DIAGNOSTIC_DEFAULTS.minNeighbourLq),
        `Seed cells: LQ of jobs ≥ ${o.minLq}, ≥ ${o.minJobs} jobs, ≥ ${o.minEstablishments} establishments; a candidate needs ≥ ${o.minCandidateEstablishments} establishments of its activity; cells with LQ ≥ ${o.minLq} and ≥ ${o.minJobs} jobs in 1 to ${o.maxPlantEstablishments} establishments are single-plant concentrations.`,
        `Stars (after the European Cluster Observatory): size = jobs at or above the ${stars.sizeQuantile} quantile (nearest rank) of the level's commune × activity cells with jobs; specialisation = LQ of jobs ≥ ${stars.minLq}; focus = the activity's share of the area's jobs at or above the ${stars.focusQuantile} quantile of the same cells' shares.`,
        ELLISON_GLAESER_APPROXIMATION,
        `Reference territory for LQ and Krugman: ${o.reference === "zone" ? "the study zone" : "the external table given"}; Hoover, Gini, Herfindahl and Ellison–Glaeser describe the spread over the zone's communes.`,
        `Commune codes mapped to the COG of @etalab/decoupage-administratif ${vintage.vintage}: ${mapping.mapped.length} codes mapped, ${mapping.unknown.length} unknown codes left out.`,
        "SME share: share of the establishments in SME size classes, only where the table gives size classes (null otherwise).",
      ],
    };
  } finally {
    await work.close();
  }
}
