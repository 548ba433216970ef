/** Readers and writers of networks and tables, and the quarantine report. */
export * from "./assemble.ts";
export * from "./columns.ts";
export * from "./csvFormat.ts";
export * from "./csvRead.ts";
export * from "./csvSource.ts";
export * from "./errors.ts";
export * from "./graphFormats.ts";
export * from "./pseudonymise.ts";
export * from "./quarantine.ts";
export * from "./readNetwork.ts";
export * from "./records.ts";
export * from "./tables.ts";
export * from "./values.ts";
