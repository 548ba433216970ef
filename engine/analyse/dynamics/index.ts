/** Dynamics: snapshots at a date or over a window, indicator series over time, ties that faded. */
export * from "./dates.ts";
export * from "./fadedTies.ts";
export * from "./indicators.ts";
export * from "./series.ts";
export * from "./snapshot.ts";
