/**
 * Every notebook in notebooks/ runs from a clean state with the Deno kernel, as a researcher would run
 * it: `jupyter nbconvert --to notebook --execute` (Debian's nbconvert + nbclient, installed by
 * test/setup/ensure-notebooks.sh) on a copy in a temp dir, with the kernel spec installed into a temp
 * HOME. A cell that throws fails the test with its error. The committed notebooks carry no outputs; the
 * executed copies are rendered to HTML in out/notebooks/ (gitignored) as artefacts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const DIR = join(ROOT, "notebooks");
const OUT = process.env.MAILLAGE_NOTEBOOK_OUT ?? join(ROOT, "out", "notebooks");
const DENO = join(ROOT, "node_modules", ".bin", "deno");
const NOTEBOOKS = readdirSync(DIR)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

interface Output {
  output_type: string;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
const cellsOf = (file: string): Cell[] => (JSON.parse(readFileSync(file, "utf8")) as { cells: Cell[] }).cells;

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "maillage-notebooks-"));
  // A clean kernel: its spec, Deno's cache and Jupyter's runtime files live in the temp dir.
  env = {
    ...process.env,
    HOME: work,
    DENO_DIR: join(work, "deno"),
    NO_COLOR: "1",
    JUPYTER_PLATFORM_DIRS: "1",
  };
  const install = spawnSync(DENO, ["jupyter", "--install"], { env, encoding: "utf8" });
  if (install.status !== 0) throw new Error(`deno jupyter --install failed:\n${install.stderr}`);
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function nbconvert(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync("jupyter", ["nbconvert", ...args], { cwd: DIR, env, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

describe("notebooks", () => {
  it("finds the notebooks, committed without outputs", () => {
    expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(2);
    for (const nb of NOTEBOOKS) {
      for (const cell of cellsOf(join(DIR, nb)).filter((c) => c.cell_type === "code")) {
        expect(cell.outputs, `${nb} is committed with outputs: clear them`).toEqual([]);
        expect(cell.execution_count ?? null).toBeNull();
      }
    }
  });

  it.each(NOTEBOOKS)(
    "%s runs cell by cell without an error",
    (nb) => {
      const executed = join(work, "executed");
      const execute = (): Cell[] => {
        const run = nbconvert([
          "--to",
          "notebook",
          "--execute",
          "--ExecutePreprocessor.timeout=240",
          "--ExecutePreprocessor.kernel_name=deno",
          "--output-dir",
          executed,
          nb,
        ]);
        // nbconvert exits 1 on a throwing cell (the kernel's reply says so) and prints the cell and its error.
        expect(run.status, `${nb} failed:\n${run.stderr.slice(-4000)}`).toBe(0);
        return cellsOf(join(executed, nb)).filter((c) => c.cell_type === "code");
      };
      // Every notebook ends with its findings, displayed from what it computed. The Deno kernel can
      // publish a display after reporting idle, which nbconvert then drops (rare: the notebooks pause
      // after each display): one more run before calling a missing output a failure. Errors never retry.
      const shown = (cells: Cell[]) => (cells[cells.length - 1]?.outputs ?? []).length > 0;
      let code = execute();
      if (!shown(code)) code = execute();
      expect(code.length).toBeGreaterThan(0);
      for (const cell of code) {
        expect(cell.execution_count, `a cell of ${nb} did not run`).toBeTypeOf("number");
        const errors = (cell.outputs ?? []).filter((o) => o.output_type === "error");
        expect(errors.map((e) => `${e.ename}: ${e.evalue}`)).toEqual([]);
      }
      expect(shown(code), `${nb}: the findings cell shows nothing`).toBe(true);
      const html = nbconvert(["--to", "html", "--output-dir", OUT, join(executed, nb)]);
      expect(html.status, `${nb} did not render to HTML:\n${html.stderr.slice(-2000)}`).toBe(0);
    },
    600_000,
  );
});
