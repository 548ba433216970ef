/**
 * Import benchmark: a seeded synthetic network of N links written as French CSV (`;`, decimal commas),
 * read and checked by maillage (CSV → checked records → multigraph), stored in DuckDB, and loaded by
 * the peer (pandas.read_csv + networkx.MultiDiGraph, no checks) in the same run. Prints times and
 * the ratio maillage / peer.
 *
 *   npm run bench:import -- [links=200000]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readNetwork } from "../engine/io/readNetwork.ts";
import { LINK_KINDS } from "../engine/model/vocabulary.ts";
import { createRng } from "../engine/random/prng.ts";
import { pick, randomInt } from "../engine/random/sampling.ts";
import { closeStore, openStore } from "../engine/store/connection.ts";
import { importNetwork } from "../engine/store/importNetwork.ts";

const links = Number(process.argv[2] ?? 200_000);
const actors = Math.max(10, Math.round(links / 4));
const rng = createRng("bench/import");
const dir = mkdtempSync(join(tmpdir(), "maillage-bench-"));
const actorsFile = join(dir, "actors.csv");
const linksFile = join(dir, "links.csv");

const actorLines = ["id;name;kind;naf;commune;headcount"];
for (let i = 0; i < actors; i++) {
  actorLines.push(
    `F${i};Entreprise ${i};firm;${randomInt(rng, 10, 33)}.${randomInt(rng, 10, 99)}Z;76${String(randomInt(rng, 1, 760)).padStart(3, "0")};${randomInt(rng, 1, 500)}`,
  );
}
writeFileSync(actorsFile, `${actorLines.join("\n")}\n`);
const kinds = LINK_KINDS.filter((k) => k !== "membership");
const linkLines = ["source;target;kind;weight;start"];
for (let i = 0; i < links; i++) {
  const s = randomInt(rng, 0, actors - 1);
  let t = randomInt(rng, 0, actors - 1);
  if (t === s) t = (t + 1) % actors;
  linkLines.push(`F${s};F${t};${pick(rng, kinds)};${randomInt(rng, 1, 9)},5;${2000 + (i % 25)}-01-01`);
}
writeFileSync(linksFile, `${linkLines.join("\n")}\n`);

const t0 = performance.now();
const read = await readNetwork({ nodes: actorsFile, edges: linksFile });
const t1 = performance.now();
const store = await openStore(join(dir, "bench.duckdb"));
await importNetwork(store, {
  actors: read.actors,
  links: read.links,
  files: [actorsFile, linksFile],
  read: read.summary.links.read + (read.summary.actors?.read ?? 0),
  quarantined: read.quarantine.length,
});
closeStore(store);
const t2 = performance.now();
const peer = JSON.parse(
  execFileSync("/usr/bin/python3", [join(import.meta.dirname, "import_peer.py"), actorsFile, linksFile], {
    encoding: "utf8",
  }),
);
const readSeconds = (t1 - t0) / 1000;
const storeSeconds = (t2 - t1) / 1000;
const rssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify(
    {
      actors,
      links,
      accepted: read.summary.links.accepted,
      quarantined: read.quarantine.length,
      maillage: {
        read_check_build_seconds: readSeconds,
        store_seconds: storeSeconds,
        peak_rss_mib: Math.round(rssMiB),
      },
      peer: {
        name: "pandas.read_csv + networkx.MultiDiGraph",
        seconds: peer.total_seconds,
        nodes: peer.nodes,
        edges: peer.edges,
      },
      ratio_read_vs_peer: readSeconds / peer.total_seconds,
    },
    null,
    2,
  ),
);
rmSync(dir, { recursive: true, force: true });
