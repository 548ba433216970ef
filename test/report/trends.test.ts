/**
 * Yearly series of candidates against the pandas reference (test/fixtures/report/candidate_trends.py,
 * command in its docstring) on the built-in rouen table: jobs and establishments exactly, LQ to 1e-9.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { candidateTrends } from "../../engine/report/trends.ts";
import { IN_MEMORY, withStore } from "../../engine/store/connection.ts";
import { importEstablishments } from "../../engine/store/establishments.ts";
import type { NafLevel } from "../../engine/territory/types.ts";

interface Reference {
  mapping: Record<string, string>;
  candidates: Array<{
    id: string;
    level: NafLevel;
    activity: string;
    communes: string[];
    points: Array<{
      year: number;
      jobs: number | null;
      establishments: number | null;
      lqJobs: number | null;
    }>;
  }>;
}

const reference: Reference = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "report", "candidate_trends.json"), "utf8"),
);

describe("candidateTrends", () => {
  it("matches the pandas reference for every candidate and year (LQ within 1e-9)", async () => {
    const file = findDataset("rouen")?.files.establishments ?? "";
    const mapping = {
      mapped: Object.entries(reference.mapping).map(([from, to]) => ({
        from,
        to,
        reason: "ancien-code" as const,
        rows: 0,
      })),
      unknown: [],
    };
    await withStore(IN_MEMORY, async (store) => {
      await importEstablishments(store, file);
      let compared = 0;
      for (const expected of reference.candidates) {
        const [trend] = await candidateTrends(store, expected.level, [expected], mapping);
        expect(trend.candidateId).toBe(expected.id);
        expect(trend.points.map((p) => p.year)).toEqual(expected.points.map((p) => p.year));
        trend.points.forEach((p, i) => {
          const e = expected.points[i];
          expect(p.jobs, `${expected.id} ${p.year} jobs`).toBe(e.jobs);
          expect(p.establishments, `${expected.id} ${p.year} establishments`).toBe(e.establishments);
          if (e.lqJobs === null) expect(p.lqJobs).toBeNull();
          else
            expect(Math.abs((p.lqJobs ?? Number.NaN) - e.lqJobs), `${expected.id} ${p.year} LQ`).toBeLessThan(
              1e-9,
            );
          compared++;
        });
      }
      expect(compared).toBe(5 * 17);
      // Several candidates at once give the same series as one by one.
      const subclass = reference.candidates.filter((c) => c.level === "subclass");
      const together = await candidateTrends(store, "subclass", subclass, mapping);
      expect(together.map((t) => t.points.at(-1)?.jobs)).toEqual(subclass.map((c) => c.points.at(-1)?.jobs));
    });
  });

  it("returns nothing for no candidate", async () => {
    await withStore(IN_MEMORY, async (store) => {
      expect(await candidateTrends(store, "subclass", [])).toEqual([]);
    });
  });
});
