/**
 * A killed import leaves the store unchanged: a child process imports 300k links into a store file and
 * is killed with SIGKILL half-way; reopening the file shows exactly the rows from before.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withStore } from "../../engine/store/connection.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import { tempDir } from "../helpers.ts";
import { ACTORS, LINKS, snapshot, tableCounts } from "./storeFixtures.ts";

const dir = tempDir("maillage-store-kill-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = join(import.meta.dirname, "killedImportChild.ts");
const LINK_COUNT = 300_000;

function startChild(
  path: string,
  hold?: string,
): { child: ChildProcess; output: () => string; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CHILD, path, String(LINK_COUNT), ...(hold ? [`hold=${hold}`] : [])],
    {
      cwd: join(import.meta.dirname, "..", ".."),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child exited with ${code}: ${err}`));
      else resolve(signal);
    });
  });
  return { child, output: () => out, exited };
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function storeWithOneImport(
  name: string,
): Promise<{ path: string; before: Awaited<ReturnType<typeof snapshot>> }> {
  const path = join(dir, name);
  const before = await withStore(path, async (store) => {
    await importNetwork(store, { actors: ACTORS, links: LINKS, files: ["before.csv"] });
    return snapshot(store);
  });
  return { path, before };
}

describe("a killed import", () => {
  for (const step of ["actors", "links", "log"]) {
    it(`leaves the store unchanged when killed inside the transaction, after the ${step} step`, async () => {
      const { path, before } = await storeWithOneImport(`hold-${step}.duckdb`);
      const { child, output, exited } = startChild(path, step);
      await waitFor(() => output().includes(`at ${step}`));
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");

      await withStore(path, async (store) => {
        expect(await snapshot(store)).toEqual(before);
        // The file is sound: the next import goes through.
        const again = await importNetwork(store, { actors: ACTORS, links: LINKS });
        expect(again.links).toEqual({ inserted: 0, updated: 0, unchanged: 4 });
      });
    });
  }

  it("leaves the store either as before or fully imported when killed at an arbitrary moment", async () => {
    const { path, before } = await storeWithOneImport("timed.duckdb");
    const { child, output, exited } = startChild(path);
    await waitFor(() => output().includes("start"));
    // The import of 300k links takes about 1.5 s on the development machine: kill it early on.
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await exited;
    await withStore(path, async (store) => {
      if (output().includes("done")) {
        expect(await tableCounts(store)).toMatchObject({ links: LINKS.length + LINK_COUNT, import_log: 2 });
      } else {
        expect(await snapshot(store)).toEqual(before);
      }
    });
  });
});
