/**
 * The yearly series the trend plots show: for each candidate district/SPL, the jobs and
 * establishments of its activity in its communes (the group as found in the diagnostic year) and the
 * group's pooled LQ of jobs, every year of the table. Read from a store's `establishments` with the
 * diagnostic's rules: commune codes mapped as the diagnostic mapped them (unknown codes left out),
 * blanks as 0 in sums, a year with no published job count of the group's activity gives null (a gap),
 * and the LQ is territory's `locationQuotient` against the study zone of that year.
 */
import type { Store } from "../store/connection.ts";
import { all } from "../store/sql.ts";
import { locationQuotient } from "../territory/locationQuotient.ts";
import { nafLevelSql } from "../territory/nafLevelSql.ts";
import type { Candidate, CommuneMappingReport, NafLevel } from "../territory/types.ts";
import type { CandidateTrend } from "./diagnosticTables.ts";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface TrendSql {
  candidate: string;
  year: number;
  ei: number;
  eij: number | null;
  nij: number | null;
  Ej: number;
  E: number;
}

/** One series per candidate, years ascending (every year of the table). */
export async function candidateTrends(
  store: Store,
  level: NafLevel,
  candidates: readonly Pick<Candidate, "id" | "activity" | "communes">[],
  mapping: Pick<CommuneMappingReport, "mapped" | "unknown"> = { mapped: [], unknown: [] },
): Promise<CandidateTrend[]> {
  if (candidates.length === 0) return [];
  const map = mapping.mapped.length
    ? `(VALUES ${mapping.mapped.map((m) => `(${q(m.from)}, ${q(m.to)})`).join(", ")}) AS m(from_code, to_code)`
    : "(SELECT NULL::VARCHAR AS from_code, NULL::VARCHAR AS to_code WHERE false) AS m";
  const unknown = mapping.unknown.length
    ? `WHERE e.commune NOT IN (${mapping.unknown.map((u) => q(u.code)).join(", ")})`
    : "";
  const members = candidates
    .flatMap((c) => c.communes.map((commune) => `(${q(c.id)}, ${q(commune)}, ${q(c.activity)})`))
    .join(", ");
  const rows = await all<TrendSql>(
    store.connection,
    `WITH src AS (
       SELECT e.year, coalesce(m.to_code, e.commune) AS commune, ${nafLevelSql(level, "e.naf")} AS activity,
              e.jobs, e.establishments
       FROM establishments e LEFT JOIN ${map} ON e.commune = m.from_code ${unknown}
     ),
     members(candidate, commune, activity) AS (VALUES ${members}),
     years AS (SELECT year, coalesce(sum(jobs), 0)::DOUBLE AS E FROM src GROUP BY year),
     act AS (SELECT year, activity, coalesce(sum(jobs), 0)::DOUBLE AS Ej FROM src
             WHERE activity IN (SELECT DISTINCT activity FROM members) GROUP BY year, activity),
     area AS (SELECT m.candidate, s.year, coalesce(sum(s.jobs), 0)::DOUBLE AS ei
              FROM members m JOIN src s ON s.commune = m.commune GROUP BY m.candidate, s.year),
     cell AS (SELECT m.candidate, s.year, sum(s.jobs)::DOUBLE AS eij, sum(s.establishments)::DOUBLE AS nij
              FROM members m JOIN src s ON s.commune = m.commune AND s.activity = m.activity
              GROUP BY m.candidate, s.year),
     cands AS (SELECT DISTINCT candidate, activity FROM members)
     SELECT c.candidate, y.year, coalesce(a.ei, 0) AS ei, cell.eij, cell.nij, coalesce(act.Ej, 0) AS Ej, y.E
     FROM cands c CROSS JOIN years y
     LEFT JOIN area a ON a.candidate = c.candidate AND a.year = y.year
     LEFT JOIN cell ON cell.candidate = c.candidate AND cell.year = y.year
     LEFT JOIN act ON act.activity = c.activity AND act.year = y.year
     ORDER BY c.candidate, y.year`,
  );
  const byCandidate = new Map<string, CandidateTrend["points"][number][]>();
  for (const r of rows) {
    let points = byCandidate.get(r.candidate);
    if (!points) {
      points = [];
      byCandidate.set(r.candidate, points);
    }
    points.push({
      year: r.year,
      jobs: r.eij,
      establishments: r.nij,
      lqJobs: locationQuotient(r.eij, r.ei, r.Ej, r.E),
    });
  }
  return candidates.map((c) => ({ candidateId: c.id, points: byCandidate.get(c.id) ?? [] }));
}
