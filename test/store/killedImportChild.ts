/**
 * Child process of `killedImport.test.ts`: opens the store file given as argument and imports a large
 * synthetic batch in one transaction. With `hold=<step>` it announces on stdout when the import has
 * reached that step (still inside the transaction) and then blocks, waiting to be killed; without it
 * it prints `start` just before the import and `done` once it has committed.
 * Usage: node --import tsx killedImportChild.ts STORE LINKS [hold=actors|links|log]
 */
import { closeStore, openStore } from "../../engine/store/connection.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import { syntheticNetwork } from "./storeFixtures.ts";

const [path, count, hold] = process.argv.slice(2);
const holdAt = hold?.startsWith("hold=") ? hold.slice(5) : undefined;
const { actors, links } = syntheticNetwork(5_000, Number(count), "k");
const store = await openStore(path);
process.stdout.write("start\n");
await importNetwork(store, {
  actors,
  links,
  files: ["killed.csv"],
  onStep: (step) => {
    if (step !== holdAt) return;
    process.stdout.write(`at ${step}\n`);
    // Block the only thread inside the open transaction until the parent kills the process.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
process.stdout.write("done\n");
closeStore(store);
