/**
 * The ordered list of schema migrations. A module that owns a new table (contacts, network registry…)
 * adds a file under `migrations/` exporting its `Migration` with the next version number, and one line
 * here. Never edit or reorder a migration once released: stores in the field have applied it.
 */
import type { Migration } from "./migration.ts";
import { foundation } from "./migrations/001_foundation.ts";
import { contacts } from "./migrations/002_contacts.ts";
import { registry } from "./migrations/003_registry.ts";

export const MIGRATIONS: readonly Migration[] = [foundation, contacts, registry];
