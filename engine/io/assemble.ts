/**
 * Assembling a network from rows of actors and links, whatever format they came from. This is where
 * rows are checked against each other: a repeated actor id or link identity, a link to an actor the
 * actors file does not have, a membership pointing at something that is not an organisation. Each such
 * row is quarantined with its file and line; the summary keeps `read = accepted + quarantined`.
 */
import { buildNetwork, type NetworkGraph } from "../model/graph.ts";
import { deriveOrientation } from "../model/orientation.ts";
import { type Actor, blankActor, type Link, linkKey } from "../model/types.ts";
import { MEMBERSHIP_TARGET_KINDS } from "../model/vocabulary.ts";
import type { ActorField, LinkField } from "./columns.ts";
import type { QuarantineRow, ReadSummary } from "./quarantine.ts";
import { actorFromRow, firstDifference, linkFromRow, type RowCells } from "./records.ts";

/** Rows of one kind from one file, already split into fields. */
export interface RowSource<F extends string> {
  file: string;
  rows: Iterable<{ line: number; cells: RowCells<F> }>;
  /** Rows the format reader could not split (wrong field count, huge field…). */
  unreadable: QuarantineRow[];
  /** Header columns that map to no field. */
  ignoredColumns: string[];
  /** Number of rows when known in advance (for progress). */
  size?: number;
}

/** Called every few thousand rows while checking: rows done, rows in all (0 when unknown), stage. */
export type ProgressCallback = (done: number, total: number, stage: string) => void;

const PROGRESS_EVERY = 5000;

export interface NetworkSummary {
  actors: (ReadSummary & { ignoredColumns: string[] }) | null;
  /** Actors created from link ends when no actors file was given (a plain edge list). */
  createdActors: number;
  links: ReadSummary & { ignoredColumns: string[] };
}

export interface NetworkRead {
  actors: Actor[];
  links: Link[];
  graph: NetworkGraph;
  quarantine: QuarantineRow[];
  summary: NetworkSummary;
}

function acceptActors(
  source: RowSource<ActorField>,
  quarantine: QuarantineRow[],
  onProgress: ProgressCallback | undefined,
): Map<string, Actor> {
  const byId = new Map<string, { actor: Actor; line: number }>();
  let done = 0;
  for (const { line, cells } of source.rows) {
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, source.size ?? 0, "actors");
    const result = actorFromRow(cells);
    if (!result.ok) {
      quarantine.push({ file: source.file, line, ...result.problem });
      continue;
    }
    const earlier = byId.get(result.record.id);
    if (earlier) {
      const diff = firstDifference(earlier.actor, result.record);
      quarantine.push({
        file: source.file,
        line,
        field: diff === undefined ? "id" : String(diff),
        value: diff === undefined ? result.record.id : String(result.record[diff] ?? ""),
        reason:
          diff === undefined
            ? `repeats the actor of line ${earlier.line}`
            : `duplicate id ${result.record.id}: ${String(diff)} differs from line ${earlier.line} ("${String(earlier.actor[diff] ?? "")}")`,
      });
      continue;
    }
    byId.set(result.record.id, { actor: result.record, line });
  }
  return new Map([...byId].map(([id, { actor }]) => [id, actor]));
}

/**
 * Check and assemble. With an actors source, links to unknown actors are quarantined; without one (a
 * plain edge list) each link end becomes an actor of kind `unspecified`.
 */
export function assembleNetwork(input: {
  actors?: RowSource<ActorField>;
  links: RowSource<LinkField>;
  onProgress?: ProgressCallback;
}): NetworkRead {
  const { onProgress } = input;
  const quarantine: QuarantineRow[] = [];
  let actorsSummary: NetworkSummary["actors"] = null;
  let actors: Map<string, Actor>;
  if (input.actors) {
    quarantine.push(...input.actors.unreadable);
    actors = acceptActors(input.actors, quarantine, onProgress);
    const quarantined = quarantine.length;
    actorsSummary = {
      file: input.actors.file,
      read: actors.size + quarantined,
      accepted: actors.size,
      quarantined,
      ignoredColumns: input.actors.ignoredColumns,
    };
  } else actors = new Map();

  const linkQuarantineStart = quarantine.length;
  quarantine.push(...input.links.unreadable);
  const closed = input.actors !== undefined;
  let created = 0;
  const byKey = new Map<string, { link: Link; line: number }>();
  const file = input.links.file;
  let done = 0;
  for (const { line, cells } of input.links.rows) {
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, input.links.size ?? 0, "links");
    const result = linkFromRow(cells);
    if (!result.ok) {
      quarantine.push({ file, line, ...result.problem });
      continue;
    }
    const link = result.record;
    if (closed) {
      const missing = !actors.has(link.source) ? "source" : !actors.has(link.target) ? "target" : undefined;
      if (missing) {
        quarantine.push({
          file,
          line,
          field: missing,
          value: link[missing],
          reason: "no actor with this id in the actors file",
        });
        continue;
      }
    }
    if (link.kind === "membership") {
      const targetKind = actors.get(link.target)?.kind;
      if (targetKind && targetKind !== "unspecified" && !MEMBERSHIP_TARGET_KINDS.has(targetKind)) {
        quarantine.push({
          file,
          line,
          field: "target",
          value: link.target,
          reason: `a membership points to an association, chamber or network organisation, not to a ${targetKind}`,
        });
        continue;
      }
    }
    const key = linkKey(link);
    const earlier = byKey.get(key);
    if (earlier) {
      const diff = firstDifference(earlier.link, link);
      quarantine.push({
        file,
        line,
        field: diff === undefined ? "source" : String(diff),
        value: diff === undefined ? link.source : String(link[diff] ?? ""),
        reason:
          diff === undefined
            ? `repeats the link of line ${earlier.line} (same source, target, kind and start)`
            : `same source, target, kind and start as line ${earlier.line} but ${String(diff)} differs ("${String(earlier.link[diff] ?? "")}")`,
      });
      continue;
    }
    if (!closed) {
      for (const end of [link.source, link.target]) {
        if (!actors.has(end)) {
          actors.set(end, blankActor(end));
          created++;
        }
      }
    }
    byKey.set(key, { link, line });
  }
  // Orientation is derived once here, so that the records stored and the graph built agree.
  const links = [...byKey.values()].map(({ link }) =>
    link.orientation === null
      ? {
          ...link,
          orientation: deriveOrientation(link.kind, actors.get(link.source), actors.get(link.target)),
        }
      : link,
  );
  const linksQuarantined = quarantine.length - linkQuarantineStart;
  const actorList = [...actors.values()];
  return {
    actors: actorList,
    links,
    graph: buildNetwork(actorList, links),
    quarantine,
    summary: {
      actors: actorsSummary,
      createdActors: created,
      links: {
        file,
        read: links.length + linksQuarantined,
        accepted: links.length,
        quarantined: linksQuarantined,
        ignoredColumns: input.links.ignoredColumns,
      },
    },
  };
}
