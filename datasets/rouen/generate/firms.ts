/**
 * The background population: one synthetic firm per ESTABLISHMENTS_PER_FIRM real establishments of
 * the reference year, drawn uniformly among the establishments (so a cell's chance is proportional
 * to its count, and no cell gives more firms than it has establishments). It is drawn first, from
 * its own stream, with the pivot's establishment set aside, so the planted structures drawn after it
 * never move it.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { sample } from "../../../engine/random/sampling.ts";
import { syntheticSiret } from "./ids.ts";
import { inventFirmName, type NameBook } from "./names.ts";
import type { EstablishmentPool } from "./pool.ts";
import type { FirmRow } from "./records.ts";
import { drawFounded, drawHeadcount } from "./traits.ts";

export interface BackgroundInput {
  rng: Rng;
  pool: EstablishmentPool;
  names: NameBook;
  ratios: Map<string, number>;
  establishmentsPerFirm: number;
}

export function generateBackgroundFirms(input: BackgroundInput): FirmRow[] {
  const { rng, pool, names, ratios } = input;
  const { table, year } = pool;
  const tickets = pool.tickets();
  const count = Math.round(tickets.length / input.establishmentsPerFirm);
  // Draw which establishments become firms, then list them in table order so ids follow the table.
  const order = new Map(table.cells.map((c, i) => [c.key, i]));
  const drawn = sample(rng, tickets, count).sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  return drawn.map((cell, i) => {
    pool.take(cell.key);
    return {
      id: syntheticSiret("background", i),
      name: names.unique(() => inventFirmName(rng, cell.naf)),
      kind: "firm",
      subtype: null,
      naf: cell.naf,
      commune: cell.commune,
      headcount: drawHeadcount(rng, table, cell, year, ratios),
      founded: drawFounded(rng, table, cell, year),
      public_label: null,
      role: "background",
      cell: cell.key,
    };
  });
}
