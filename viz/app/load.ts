/**
 * Reading the document: embedded in the page (static export) or fetched from `graph.json` next to
 * it (server), or from `?data=URL`. Every failure becomes a sentence for the user, not a blank page.
 */
import { VIZ_FORMAT, VIZ_VERSION, type VizDocument } from "../types.ts";

export class LoadError extends Error {
  override name = "LoadError";
}

export function checkDocument(value: unknown, where: string): VizDocument {
  const doc = value as Partial<VizDocument> | null;
  if (!doc || typeof doc !== "object" || doc.format !== VIZ_FORMAT)
    throw new LoadError(`${where} is not a maillage graph document (no "format": "${VIZ_FORMAT}").`);
  if (doc.version !== VIZ_VERSION)
    throw new LoadError(`${where} has version ${doc.version}; this page reads version ${VIZ_VERSION}.`);
  if (!Array.isArray(doc.nodes) || !Array.isArray(doc.edges))
    throw new LoadError(`${where} has no "nodes" and "edges" lists.`);
  const ids = new Set<string>();
  for (const node of doc.nodes) {
    if (typeof node?.id !== "string" || !node.layouts?.force)
      throw new LoadError(`${where}: node ${ids.size + 1} has no id or no force-layout position.`);
    ids.add(node.id);
  }
  doc.edges.forEach((edge, i) => {
    if (!ids.has(edge?.source) || !ids.has(edge?.target))
      throw new LoadError(`${where}: link ${i + 1} joins an actor that is not in the node list.`);
  });
  return doc as VizDocument;
}

function parse(text: string, where: string): VizDocument {
  if (text.trim() === "") throw new LoadError(`${where} is empty.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LoadError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
  return checkDocument(value, where);
}

export async function loadDocument(): Promise<VizDocument> {
  const embedded = document.getElementById("maillage-data");
  if (embedded) return parse(embedded.textContent ?? "", "the embedded graph");
  const url = new URLSearchParams(location.search).get("data") ?? "graph.json";
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LoadError(`could not fetch the graph at ${url} (${(error as Error).message}).`);
  }
  if (!response.ok)
    throw new LoadError(
      `the graph file ${url} could not be read: HTTP ${response.status} ${response.statusText}.`,
    );
  return parse(await response.text(), `the graph file ${url}`);
}
