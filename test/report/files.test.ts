/** Tables as files: CSV with raw values, Parquet with typed columns. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { writeTables } from "../../engine/report/files.ts";
import type { Column } from "../../engine/report/table.ts";
import { tempDir } from "../helpers.ts";

interface Row {
  commune: string;
  year: number;
  jobs: number | null;
  lq: number | null;
}
const COLUMNS: Column<Row>[] = [
  { label: "Commune", key: "commune", value: (r) => r.commune },
  { label: "Year", key: "year", value: (r) => r.year, format: "year" },
  { label: "Jobs", key: "jobs", value: (r) => r.jobs, format: "integer" },
  { label: "LQ", key: "lq_jobs", value: (r) => r.lq, format: "decimal" },
];
const ROWS: Row[] = [
  { commune: "02001", year: 2022, jobs: 1234, lq: 1.0 / 3 },
  { commune: "2A004", year: 2021, jobs: null, lq: Number.NaN },
];

describe("writeTables", () => {
  it("writes raw values to CSV (empty cells for undefined) and typed Parquet keeping leading zeros", async () => {
    const dir = tempDir();
    const written = await writeTables(
      dir,
      [
        { name: "t", columns: COLUMNS, rows: ROWS },
        { name: "empty", columns: COLUMNS, rows: [] },
      ],
      {
        parquet: true,
      },
    );
    expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
      "t.csv",
      "empty.csv",
      "t.parquet",
      "empty.parquet",
    ]);
    expect(readFileSync(join(dir, "t.csv"), "utf8")).toBe(
      `commune,year,jobs,lq_jobs\n02001,2022,1234,${1 / 3}\n2A004,2021,,\n`,
    );
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    try {
      const reader = await c.runAndReadAll(
        `SELECT * FROM read_parquet('${join(dir, "t.parquet")}') ORDER BY year DESC`,
      );
      expect(reader.columnNames()).toEqual(["commune", "year", "jobs", "lq_jobs"]);
      expect(reader.columnTypes().map(String)).toEqual(["VARCHAR", "BIGINT", "BIGINT", "DOUBLE"]);
      expect(reader.getRowObjectsJson()).toEqual([
        { commune: "02001", year: "2022", jobs: "1234", lq_jobs: 1 / 3 },
        { commune: "2A004", year: "2021", jobs: null, lq_jobs: null },
      ]);
      const empty = await c.runAndReadAll(
        `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(dir, "empty.parquet")}')`,
      );
      expect(empty.getRowObjectsJson()).toEqual([{ n: 0 }]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
