/**
 * `maillage contacts`: the contact review for animators. `import` reads contact books (CSV), vCard
 * files, social-network exports and interaction logs into the store, deduplicating persons; `review`
 * (and its parts `segments`, `fading`) segments the contacts, flags fading ones and ranks the leaders;
 * `introduce` finds chains of trusted ties to a person or organisation; `forget` removes a person.
 * Contacts are personal data: e-mails and phones are never printed, JSON output carries ids rather
 * than names, and `--pseudonymise KEY` replaces ids by keyed hashes in JSON and files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Command, Option } from "commander";
import { type AssembledBook, assembleBook, type ContactBook } from "../../contacts/book.ts";
import type { ContactRead } from "../../contacts/contactsCsv.ts";
import { forgetContact, importContactBook, loadContactBook } from "../../contacts/contactsStore.ts";
import { DEFAULT_NAME_THRESHOLD } from "../../contacts/dedupe.ts";
import type { InteractionRead } from "../../contacts/interactionsCsv.ts";
import { type Chain, introductionChains } from "../../contacts/introductions.ts";
import { REVIEW_COLUMNS, reviewRows } from "../../contacts/pseudonymise.ts";
import { type ContactReview, contactReview } from "../../contacts/review.ts";
import { parseContactFile } from "../../contacts/sources.ts";
import type { Contact } from "../../contacts/types.ts";
import { parseColumnOverrides } from "../../io/columns.ts";
import { csvTable } from "../../io/csvFormat.ts";
import { InputError } from "../../io/errors.ts";
import { pseudonym } from "../../io/pseudonymise.ts";
import { writeQuarantine } from "../../io/quarantine.ts";
import { readNetwork } from "../../io/readNetwork.ts";
import { parseDate } from "../../model/dates.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { withStore } from "../../store/connection.ts";
import { loadNetwork } from "../../store/loadNetwork.ts";
import { addJsonOption, DEFAULT_DB } from "../options.ts";
import { note, printJson, table, UsageError } from "../output.ts";
import { DEFAULT_DATASET, datasetByName } from "../source.ts";
import { addMembersCommand } from "./contactsMembers.ts";

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${file}: cannot be read (${code === "ENOENT" ? "no such file" : (error as Error).message}).`,
      {
        file,
      },
    );
  }
}

function readContactFiles(files: readonly string[], columns?: string) {
  const contacts: (ContactRead & { file: string })[] = [];
  const interactions: (InteractionRead & { file: string })[] = [];
  const overrides = parseColumnOverrides(columns);
  for (const file of files) {
    const read = parseContactFile(readBytes(file), file, { columns: overrides });
    if (read.kind === "interactions") interactions.push(read.read);
    else contacts.push(read.read);
  }
  // Contacts first, then logs: a log may name contacts from any of the files.
  return { contacts, interactions };
}

// ---- import ----

interface ImportOptions {
  db: string;
  columns?: string;
  nameThreshold?: string;
  json?: boolean;
}

async function runImport(files: string[], options: ImportOptions) {
  if (files.length === 0)
    throw new UsageError("give the files to import (contacts CSV, .vcf, social export, interactions CSV).");
  const nameThreshold = numberOption("--name-threshold", options.nameThreshold, 0, 1);
  const read = readContactFiles(files, options.columns);
  const summary = await withStore(options.db, (store) =>
    importContactBook(store, {
      sources: read.contacts,
      interactions: read.interactions,
      dedupe: { nameThreshold },
    }),
  );
  const quarantineFile = join(dirname(resolve(options.db)), "quarantine.csv");
  writeQuarantine(quarantineFile, summary.quarantine);
  return {
    store: options.db,
    files: [
      ...read.contacts.map((r) => ({ file: r.file, kind: r.kind, read: r.read })),
      ...read.interactions.map((r) => ({ file: r.file, kind: "interactions", read: r.read })),
    ],
    contacts: summary.contacts,
    interactions: summary.interactions,
    stored: summary.stored,
    // The merge report names records by file, line and source id: no name, e-mail or phone.
    merges: summary.merges.map((m) => ({
      contact: m.contactId,
      kept: m.kept,
      merged: m.merged.map((r) => ({ source: r.source, evidence: r.evidence, distance: r.distance })),
    })),
    quarantine: { file: quarantineFile, rows: summary.quarantine.length },
  };
}

type ImportReport = Awaited<ReturnType<typeof runImport>>;

function printImport(r: ImportReport): void {
  const c = r.contacts;
  const i = r.interactions;
  const where = (s: { file: string; line: number; ref: string | null }) =>
    `${s.file}:${s.line}${s.ref ? ` (${s.ref})` : ""}`;
  const out = [
    `maillage contacts import → ${r.store}`,
    ...r.files.map((f) => `  ${f.kind.padEnd(12)} ${f.file}: ${f.read} rows`),
    `  contacts:     read ${c.read} = accepted ${c.accepted} + merged ${c.merged} + quarantined ${c.quarantined}` +
      (c.unchanged > 0 ? ` (${c.unchanged} already in the store)` : ""),
    `  interactions: read ${i.read} = accepted ${i.accepted} + duplicates ${i.duplicates} + quarantined ${i.quarantined}`,
    `  store now holds ${r.stored.contacts} contacts (${r.stored.sources} source records), ${r.stored.interactions} interactions`,
  ];
  if (r.merges.length > 0) {
    out.push(`  merges (${r.merges.length}):`);
    for (const m of r.merges) {
      out.push(`    ${m.contact}: kept ${where(m.kept)}`);
      for (const x of m.merged) {
        out.push(
          `      + ${where(x.source)} by ${x.evidence}${x.distance !== null ? ` (name distance ${x.distance})` : ""}`,
        );
      }
    }
  }
  out.push(
    r.quarantine.rows > 0
      ? `  quarantine: ${r.quarantine.rows} rows in ${r.quarantine.file}`
      : "  quarantine: none",
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

// ---- sources for review / introduce ----

interface BookSourceOptions {
  db?: string;
  dataset?: string;
}

interface LoadedBook {
  source: string;
  book: ContactBook;
  network?: NetworkGraph;
  assembled?: AssembledBook;
}

async function loadBook(
  options: BookSourceOptions,
  withNetwork: boolean,
  files: readonly string[] = [],
): Promise<LoadedBook> {
  const given = [options.db && "--db", options.dataset && "--dataset", files.length > 0 && "files"].filter(
    Boolean,
  );
  if (given.length > 1) throw new UsageError(`give one source, not ${given.join(" and ")}.`);
  if (files.length > 0) {
    // Files read in memory: no store is written, and there is no relationship network.
    const read = readContactFiles(files);
    const assembled = assembleBook(read.contacts, read.interactions);
    return { source: files.join(" + "), book: assembled, assembled };
  }
  if (options.db) {
    const db = options.db;
    return withStore(
      db,
      async (store) => {
        const book = await loadContactBook(store);
        const network = withNetwork ? await loadNetwork(store) : undefined;
        return { source: `store ${db}`, book, network: network && network.order > 0 ? network : undefined };
      },
      { readOnly: true },
    );
  }
  if (!options.dataset)
    note(`(no source given: using the built-in "${DEFAULT_DATASET}" contact book; see --db, --dataset)`);
  const dataset = datasetByName(options.dataset ?? DEFAULT_DATASET);
  const book = dataset.files.contacts;
  if (!book) throw new UsageError(`the dataset "${dataset.name}" has no contact book (try --dataset rouen).`);
  const read = readContactFiles([book.contacts, book.interactions]);
  const assembled = assembleBook(read.contacts, read.interactions);
  const network = withNetwork
    ? (await readNetwork({ nodes: dataset.files.actors, edges: dataset.files.links })).graph
    : undefined;
  return { source: `dataset ${dataset.name}`, book: assembled, network, assembled };
}

function numberOption(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${name} must be a number from ${min} to ${max}, not "${raw}".`);
  return n;
}

const displayName = (c: Contact | undefined): string =>
  c
    ? [c.firstName, c.lastName].filter(Boolean).join(" ") || c.displayName || c.organisation || "(no name)"
    : "";

// ---- review ----

interface ReviewOptions extends BookSourceOptions {
  asOf?: string;
  json?: boolean;
  out?: string;
  pseudonymise?: string;
  closeMin?: string;
  frequentMin?: string;
  usefulMin?: string;
  months?: string;
  fadingRatio?: string;
  leaders?: string;
}

type Part = "all" | "segments" | "fading";

async function runReview(files: readonly string[], options: ReviewOptions) {
  let asOf: string | undefined;
  if (options.asOf !== undefined) {
    asOf = parseDate(options.asOf);
    if (!asOf) throw new UsageError(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD).`);
  }
  const loaded = await loadBook(options, true, files);
  const review = contactReview(loaded.book, {
    asOf,
    network: loaded.network,
    segments: stripUndefined({
      closeMin: numberOption("--close-min", options.closeMin, 1, 5),
      frequentMin: numberOption("--frequent-min", options.frequentMin, 0, 1e6),
      usefulMin: numberOption("--useful-min", options.usefulMin, 1, 5),
      months: numberOption("--months", options.months, 1, 120),
    }),
    fading: stripUndefined({ ratio: numberOption("--fading-ratio", options.fadingRatio, 0, 1) }),
    leaders: stripUndefined({ limit: numberOption("--leaders", options.leaders, 0, 1e6) }),
  });
  return { loaded, review };
}

/** Absent options are dropped so that the engine's defaults apply. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function reviewJson(loaded: LoadedBook, review: ContactReview, part: Part, key?: string) {
  const alias = (id: string) => (key ? pseudonym(id, key) : id);
  const body: Record<string, unknown> = {
    source: loaded.source,
    asOf: review.asOf,
    windows: review.windows,
    rules: review.rules,
    contacts: review.contacts,
    interactions: review.interactions,
    pseudonymised: !!key,
  };
  if (part !== "fading") {
    body.segmentCounts = review.segmentCounts;
    body.segments = review.segments.map((s) => ({ ...s, id: alias(s.id) }));
  }
  if (part !== "segments") body.fading = review.fading.map((f) => ({ ...f, id: alias(f.id) }));
  if (part === "all") body.leaders = review.leaders.map((l) => ({ ...l, id: alias(l.id) }));
  return body;
}

function printReview(loaded: LoadedBook, review: ContactReview, part: Part): void {
  const byId = new Map(loaded.book.contacts.map((c) => [c.id, c]));
  const width = Math.max(0, ...loaded.book.contacts.map((c) => c.id.length));
  const out = [
    `contact review of ${loaded.source}: ${review.contacts} contacts, ${review.interactions} interactions, as of ${review.asOf ?? "(no interaction)"}`,
  ];
  if (part !== "fading") {
    const r = review.rules.segments;
    out.push(
      `segments (first rule that applies; window ${r.months} months):`,
      table([
        [
          `frequent_easy`,
          `${review.segmentCounts.frequent_easy}   closeness >= ${r.closeMin} and >= ${r.frequentMin} interactions`,
        ],
        [`close_infrequent`, `${review.segmentCounts.close_infrequent}   closeness >= ${r.closeMin}`],
        [`formal_useful`, `${review.segmentCounts.formal_useful}   formal and usefulness >= ${r.usefulMin}`],
        [`low_use`, `${review.segmentCounts.low_use}   any other`],
      ]),
    );
    if (part === "segments") {
      for (const s of review.segments)
        out.push(
          `  ${s.id.padEnd(width)}  ${displayName(byId.get(s.id)).padEnd(28)} ${s.segment.padEnd(16)} ${s.reason}`,
        );
    }
  }
  if (part !== "segments") {
    out.push(`fading contacts (${review.fading.length}; to re-motivate or reconnect):`);
    for (const f of review.fading) {
      out.push(
        `  ${f.id.padEnd(width)}  ${displayName(byId.get(f.id)).padEnd(28)} ${f.kind.padEnd(9)} last ${f.interactionsLast} vs previous ${f.interactionsPrevious}, latest ${f.lastInteraction}`,
      );
    }
  }
  if (part === "all") {
    out.push(`leaders (betweenness among my contacts, spheres reached, introductions):`);
    for (const l of review.leaders) {
      out.push(
        `  ${l.id.padEnd(width)}  ${displayName(byId.get(l.id)).padEnd(28)} ${l.betweenness.toFixed(4)}  ${l.spheres.join("+")}  introduced ${l.introduced}`,
      );
    }
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

function writeReviewFiles(dir: string, loaded: LoadedBook, review: ContactReview, key?: string): string[] {
  mkdirSync(dir, { recursive: true });
  const alias = (id: string) => (key ? pseudonym(id, key) : id);
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSyncSafe(path, text);
    written.push(path);
  };
  const rows = reviewRows(loaded.book.contacts, review, key);
  write("contacts_review.csv", csvTable(REVIEW_COLUMNS, rows));
  const fading = review.fading.map((f) => ({ ...f, id: alias(f.id) }));
  write(
    "fading.csv",
    csvTable(["id", "kind", "interactionsLast", "interactionsPrevious", "lastInteraction", "reason"], fading),
  );
  const leaders = review.leaders.map((l) => ({ ...l, id: alias(l.id), spheres: l.spheres.join("+") }));
  write("leaders.csv", csvTable(["id", "betweenness", "spheres", "degree", "introduced"], leaders));
  return written;
}

function writeFileSyncSafe(path: string, text: string): void {
  try {
    writeFileSync(path, text, "utf8");
  } catch (error) {
    throw new InputError(`${path}: cannot be written (${(error as Error).message}).`, { file: path });
  }
}

function addBookSource(command: Command): Command {
  return command
    .addOption(new Option("--dataset <name>", "a built-in dataset with a contact book (rouen)"))
    .option("--db <file>", "a store written by `maillage contacts import`");
}

function addReviewCommand(parent: Command, name: string, part: Part, description: string): void {
  const command = addBookSource(
    parent
      .command(name)
      .description(description)
      .argument("[files...]", "contact files to read in memory instead of a store or dataset"),
  )
    .option("--as-of <date>", "review date (default: the latest interaction in the data, never the clock)")
    .option("--close-min <n>", "closeness from which a tie is close (default 4)")
    .option("--frequent-min <n>", "interactions in the window from which a contact is frequent (default 12)")
    .option("--useful-min <n>", "usefulness from which a formal contact is useful (default 4)")
    .option("--months <n>", "length of the windows in months (default 12)")
    .option("--fading-ratio <r>", "declining when last window < r x previous window (default 0.5)")
    .option("--leaders <n>", "leaders listed (default 10; 0 for all)")
    .option("--out <dir>", "write contacts_review.csv, fading.csv, leaders.csv into this folder")
    .option("--pseudonymise <key>", "replace contact ids by keyed hashes (HMAC-SHA-256) in JSON and files");
  addJsonOption(command).action(async (files: string[], options: ReviewOptions) => {
    const { loaded, review } = await runReview(files, options);
    if (options.out) {
      const files = writeReviewFiles(options.out, loaded, review, options.pseudonymise);
      note(`(wrote ${files.join(", ")})`);
    }
    if (options.json) printJson(reviewJson(loaded, review, part, options.pseudonymise));
    else printReview(loaded, review, part);
  });
}

// ---- introduce ----

interface IntroduceOptions extends BookSourceOptions {
  trustMin?: string;
  limit?: string;
  json?: boolean;
}

function chainText(chain: Chain, byId: Map<string, Contact>): string {
  return chain.steps
    .map((s) =>
      s.type === "ego"
        ? "me"
        : s.type === "contact"
          ? `${s.id} ${displayName(byId.get(s.id ?? ""))}`
          : `[${s.label ?? s.id}]`,
    )
    .join(" → ");
}

// ---- registration ----

export function registerContacts(program: Command): void {
  const contacts = program
    .command("contacts")
    .description("contact review for animators: import, segments, fading contacts, leaders, introductions")
    .addHelpText(
      "after",
      `
Contacts are personal data: e-mails and phones are never printed; JSON output gives contact ids, not
names; --pseudonymise KEY replaces ids by keyed hashes; \`contacts forget ID\` removes a person.
With no --db or --dataset, the built-in rouen contact book (synthetic) is used.

Examples:
  maillage contacts import contacts.csv interactions.csv phone.vcf Connections.csv --db my.duckdb
  maillage contacts review                        the rouen contact book, as of its last interaction
  maillage contacts review --db my.duckdb --as-of 2024-06-30 --out review/
  maillage contacts fading --json
  maillage contacts introduce "Verinand Fret"`,
    );

  const importCommand = contacts
    .command("import")
    .description(
      "read contact books (CSV), vCard files, social-network exports and interaction logs into a store",
    )
    .argument(
      "<files...>",
      "contacts CSV, .vcf, connections CSV, interactions CSV (recognised by name and header)",
    )
    .option("--db <file>", "the store to write", DEFAULT_DB)
    .option("--columns <mapping>", 'header mapping for CSV files, e.g. "courriel pro=email"')
    .option(
      "--name-threshold <d>",
      `largest name distance for a merge at the same organisation (default ${DEFAULT_NAME_THRESHOLD})`,
    );
  addJsonOption(importCommand).action(async (files: string[], options: ImportOptions) => {
    const report = await runImport(files, options);
    if (options.json) printJson(report);
    else printImport(report);
  });

  addReviewCommand(contacts, "review", "all", "segments, fading contacts and leaders of a contact book");
  addReviewCommand(contacts, "segments", "segments", "each contact's segment and the reason");
  addReviewCommand(contacts, "fading", "fading", "contacts to re-motivate or reconnect");

  const introduce = addBookSource(
    contacts
      .command("introduce")
      .description("shortest chains of trusted ties to a person or organisation")
      .argument("<target>", "a contact id, an actor id, or a name (person or organisation)"),
  )
    .option("--trust-min <n>", "closeness from which a tie is trusted (default 4)")
    .option("--limit <n>", "chains listed (default 5)");
  addJsonOption(introduce).action(async (target: string, options: IntroduceOptions) => {
    const loaded = await loadBook(options, true);
    const result = introductionChains(loaded.book.contacts, loaded.network, target, {
      trustMin: numberOption("--trust-min", options.trustMin, 1, 5),
      limit: numberOption("--limit", options.limit, 1, 1000),
    });
    if (!result.target.found) {
      const candidates = result.target.candidates;
      throw new InputError(
        candidates.length > 0
          ? `"${target}" matches several people or organisations: ${candidates.join(", ")}; give an id.`
          : `"${target}" is no contact id, actor id or name in ${loaded.source}.`,
      );
    }
    if (options.json) {
      printJson({ source: loaded.source, target: result.target, chains: result.chains });
      return;
    }
    const byId = new Map(loaded.book.contacts.map((c) => [c.id, c]));
    const out = [`introductions to ${result.target.description} (${loaded.source}):`];
    if (result.chains.length === 0) out.push("  no chain through a trusted tie reaches it");
    for (const chain of result.chains) out.push(`  ${chain.length} ties: ${chainText(chain, byId)}`);
    process.stdout.write(`${out.join("\n")}\n`);
  });

  addMembersCommand(contacts);

  const forget = contacts
    .command("forget")
    .description(
      "remove a person from every table of the store (contact, sources, interactions, introductions)",
    )
    .argument("<id>", "the contact id")
    .option("--db <file>", "the store", DEFAULT_DB);
  addJsonOption(forget).action(async (id: string, options: { db: string; json?: boolean }) => {
    const summary = await withStore(options.db, (store) => forgetContact(store, id));
    if (!summary.found) throw new InputError(`no contact "${id}" in ${options.db}.`);
    if (options.json) printJson(summary);
    else {
      process.stdout.write(
        `forgot ${id}: ${summary.sources} source records, ${summary.interactions} interactions, ${summary.introductions} introductions cleared\n`,
      );
    }
  });
}
