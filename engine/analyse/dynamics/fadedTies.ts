/**
 * Ties that faded: actor pairs linked at some time in the earlier window and not at any time in the
 * later one (links active by `start`/`end` as in `periodView`). A tie is an unordered pair of actors
 * (any kind, directions ignored), or a (pair, kind) with `perKind: true`. By default the later window
 * is the `span` (12 months) ending at `asOf` and the earlier one the `span` before it; `asOf`
 * defaults to the latest link date. Each faded tie comes with the kinds it had and the last end date
 * of its links (a link active in the earlier window and absent later must have ended).
 */

import { overlaps } from "../../model/dates.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { addDays, addMonths, resolveAsOf } from "./dates.ts";

export interface Window {
  from: string | null;
  to: string | null;
}

export interface FadedTiesOptions {
  asOf?: string | null;
  /** Length of each default window, in months. Default 12. */
  span?: number;
  earlier?: Window;
  later?: Window;
  perKind?: boolean;
}

export interface FadedTie {
  source: string;
  target: string;
  kinds: string[];
  lastEnd: string | null;
}

export interface FadedTiesResult {
  earlier: Window;
  later: Window;
  /** Ties active in the earlier window. */
  earlierTies: number;
  /** Ties active in the later window. */
  laterTies: number;
  faded: FadedTie[];
  /** faded / earlierTies; null when the earlier window has no tie. */
  share: number | null;
}

export function fadedTies(network: NetworkGraph, options: FadedTiesOptions = {}): FadedTiesResult {
  const span = options.span ?? 12;
  const asOf = resolveAsOf(network, options.asOf);
  const later: Window = options.later ?? {
    from: asOf === null ? null : addDays(addMonths(asOf, -span), 1),
    to: asOf,
  };
  const earlier: Window = options.earlier ?? {
    from: asOf === null ? null : addDays(addMonths(asOf, -2 * span), 1),
    to: asOf === null ? null : addMonths(asOf, -span),
  };
  const before = new Map<string, FadedTie>();
  const after = new Set<string>();
  network.forEachEdge((_key, link, a, b) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const tie = JSON.stringify(options.perKind ? [source, target, link.kind] : [source, target]);
    if (overlaps(link.start, link.end, later.from, later.to)) after.add(tie);
    if (!overlaps(link.start, link.end, earlier.from, earlier.to)) return;
    const entry = before.get(tie) ?? { source, target, kinds: [], lastEnd: null };
    if (!entry.kinds.includes(link.kind)) entry.kinds = [...entry.kinds, link.kind].sort();
    if (link.end && (entry.lastEnd === null || link.end > entry.lastEnd)) entry.lastEnd = link.end;
    before.set(tie, entry);
  });
  const faded = [...before]
    .filter(([tie]) => !after.has(tie))
    .map(([, entry]) => entry)
    .sort(
      (x, y) =>
        (y.lastEnd ?? "").localeCompare(x.lastEnd ?? "") ||
        (x.source < y.source
          ? -1
          : x.source > y.source
            ? 1
            : x.target < y.target
              ? -1
              : x.target > y.target
                ? 1
                : 0),
    );
  return {
    earlier,
    later,
    earlierTies: before.size,
    laterTies: after.size,
    faded,
    share: before.size === 0 ? null : faded.length / before.size,
  };
}
