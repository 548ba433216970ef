/**
 * The store: one DuckDB file holding actors, links, establishments and the import log, with versioned
 * migrations; imports run in one transaction each, reads give plain records and the network graph.
 */
export {
  closeStore,
  IN_MEMORY,
  type OpenStoreOptions,
  openStore,
  type Store,
  withStore,
  withTransaction,
} from "./connection.ts";
export {
  type EstablishmentImport,
  type EstablishmentImportOptions,
  type EstablishmentImportStep,
  importEstablishments,
} from "./establishments.ts";
export { type ImportLogEntry, lastImports } from "./importLog.ts";
export {
  importNetwork,
  type NetworkImportCounts,
  type NetworkImportInput,
  type NetworkImportStep,
} from "./importNetwork.ts";
export { type EstablishmentFilter, type EstablishmentRow, loadEstablishments } from "./loadEstablishments.ts";
export { loadActors, loadLinks, loadNetwork } from "./loadNetwork.ts";
export {
  type AppliedMigration,
  appliedMigrations,
  type Migration,
  type SqlRunner,
  schemaVersion,
} from "./migration.ts";
export { MIGRATIONS } from "./migrations.ts";
export {
  type EstablishmentCounts,
  establishmentCounts,
  type StoreSummary,
  storeNetworkCounts,
  storeSummary,
} from "./queries.ts";
export {
  importRegistry,
  importRegistryFiles,
  loadRegistry,
  type RegistryFilesImport,
  type RegistryImportCounts,
} from "./registryStore.ts";
export type { UpsertCounts } from "./upsert.ts";
