/**
 * The firms of the loaded network inside a candidate district / SPL: actors of kind `firm` whose NAF
 * code falls in the candidate's activity at its level and whose commune (mapped to the same vintage as
 * the diagnostic) is one of its communes, largest headcount first. Leaders come from an optional
 * `LeaderRanker` (`candidateLeaderRanker` reads the network's opinion-leader ranking); with one, the
 * leaders head the list in their order, the other firms follow by headcount; without one the field
 * is absent.
 */
import type { NetworkGraph } from "../model/graph.ts";
import { nafAtLevel } from "../model/nafLabels.ts";
import type { Candidate, CandidateFirm, CandidateFirms, LeaderRanker } from "./types.ts";

export interface CandidateFirmsOptions {
  /** Maps an actor's commune code to the diagnostic's vintage (default: the code as it is). */
  mapCommune?: (code: string) => string | null;
  /** Ranks the leaders among the candidate's firms (e.g. `candidateLeaderRanker(opinionLeaders(graph))`). */
  rankLeaders?: LeaderRanker;
}

export function candidateFirms(
  graph: NetworkGraph,
  candidate: Pick<Candidate, "id" | "level" | "activity" | "communes">,
  options: CandidateFirmsOptions = {},
): CandidateFirms {
  const communes = new Set(candidate.communes);
  const mapCommune = options.mapCommune ?? ((code: string) => code);
  const firms: CandidateFirm[] = [];
  graph.forEachNode((id, a) => {
    if (a.kind !== "firm" || a.naf === null || a.commune === null) return;
    if (nafAtLevel(a.naf, candidate.level) !== candidate.activity) return;
    const commune = mapCommune(a.commune);
    if (commune === null || !communes.has(commune)) return;
    firms.push({ id, name: a.name, naf: a.naf, commune, headcount: a.headcount, size_class: a.size_class });
  });
  firms.sort((x, y) => (y.headcount ?? -1) - (x.headcount ?? -1) || x.id.localeCompare(y.id));
  if (!options.rankLeaders) return { candidateId: candidate.id, firms };
  const leaders = options.rankLeaders(
    graph,
    firms.map((f) => f.id),
  );
  const place = new Map(leaders.map((l, i) => [l.id, i]));
  const first = firms.filter((f) => place.has(f.id));
  first.sort((x, y) => (place.get(x.id) as number) - (place.get(y.id) as number));
  return { candidateId: candidate.id, firms: [...first, ...firms.filter((f) => !place.has(f.id))], leaders };
}
