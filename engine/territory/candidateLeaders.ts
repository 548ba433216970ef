/**
 * The leaders of the loaded network among a candidate's firms: a `LeaderRanker` reading one
 * opinion-leader ranking of the whole network (`opinionLeaders`, computed once and shared by every
 * candidate). A candidate's leaders are its firms that belong to a network (a connected component of
 * at least `minNetworkSize` actors — an isolated firm leads nothing), best network score first, the
 * first `limit` of them; each keeps its network rank, role, score and evidence (degree, betweenness,
 * Burt constraint, cross-group brokerage, two-step reach). Leadership is read from relations, not
 * from size (DOMAIN.md §6).
 */
import type { Leader, OpinionLeaders } from "../analyse/leaders/opinionLeaders.ts";
import type { CandidateLeader, LeaderRanker } from "./types.ts";

export interface CandidateLeaderOptions {
  /** Leaders listed per candidate. Default 5. */
  limit?: number;
}

const fixed = (x: number | null, digits: number) => (x === null ? "—" : x.toFixed(digits));

/** The evidence of one leader in words, e.g. "rank 3 of 2016 in the network; degree 20; …". */
export function leaderEvidence(leader: Leader, networkSize: number): string {
  const e = leader.evidence;
  return [
    `rank ${leader.rank} of ${networkSize} in the network`,
    `degree ${e.degree}`,
    `betweenness ${fixed(e.betweenness, 4)}`,
    `constraint ${fixed(e.constraint, 3)}`,
    `cross-group brokerage ${e.crossGroupBrokerage}`,
    `reach in two steps ${e.reach2 ?? "—"}`,
  ].join("; ");
}

export function candidateLeaderRanker(
  ranked: OpinionLeaders,
  options: CandidateLeaderOptions = {},
): LeaderRanker {
  const limit = options.limit ?? 5;
  const byId = new Map(ranked.ranking.map((l) => [l.id, l]));
  const size = ranked.ranking.length;
  return (_graph, firmIds): CandidateLeader[] =>
    firmIds
      .map((id) => byId.get(id))
      .filter((l): l is Leader => l !== undefined && l.evidence.network !== null)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map((l, i) => ({
        id: l.id,
        rank: i + 1,
        networkRank: l.rank,
        role: l.role,
        score: l.score,
        degree: l.evidence.degree,
        betweenness: l.evidence.betweenness,
        constraint: l.evidence.constraint,
        evidence: leaderEvidence(l, size),
      }));
}
