/**
 * Snapshots of a network in time, from the links' `start`/`end` dates (`periodView`): a link with no
 * start is active since ever, one with no end is still active. Every actor is kept (node sets stay
 * comparable) unless `dropIsolates` is set.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { periodView, type ViewOptions } from "../../model/views.ts";

/** The links active on `date` (start ≤ date ≤ end). */
export function snapshotAt(network: NetworkGraph, date: string, options?: ViewOptions): NetworkGraph {
  return periodView(network, { from: date, to: date }, options);
}

/** The links active at some time in [from, to] (either end open). */
export function snapshotWindow(
  network: NetworkGraph,
  window: { from?: string | null; to?: string | null },
  options?: ViewOptions,
): NetworkGraph {
  return periodView(network, window, options);
}
