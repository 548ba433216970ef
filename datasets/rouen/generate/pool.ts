/**
 * The real establishments of the reference year, as a pool that synthetic firms are drawn from
 * without replacement. Each synthetic firm uses up one real establishment of its (commune, activity)
 * cell, so no cell ever holds more synthetic firms than it has real establishments, and the firm
 * counts follow the real ones. Structures draw in a fixed order (pivot cell reserved, background,
 * then tier suppliers, then the district), each with its own random stream.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { weightedIndex } from "../../../engine/random/sampling.ts";
import { type EstablishmentCell, type EstablishmentTable, establishmentsIn } from "./urssaf.ts";

export class EstablishmentPool {
  private readonly left = new Map<string, number>();

  constructor(
    readonly table: EstablishmentTable,
    readonly year: number,
  ) {
    for (const cell of table.cells) {
      const n = establishmentsIn(table, cell, year);
      if (n > 0) this.left.set(cell.key, n);
    }
  }

  /** Real establishments of the cell not yet used by a synthetic firm. */
  remaining(key: string): number {
    return this.left.get(key) ?? 0;
  }

  /** Use one establishment of the cell; throws when none is left (a generator bug). */
  take(key: string): void {
    const n = this.remaining(key);
    if (n <= 0) throw new Error(`no establishment left in cell ${key}`);
    this.left.set(key, n - 1);
  }

  /** One entry per remaining establishment, in table order (for uniform sampling without replacement). */
  tickets(): EstablishmentCell[] {
    const out: EstablishmentCell[] = [];
    for (const cell of this.table.cells) {
      const n = this.remaining(cell.key);
      for (let i = 0; i < n; i++) out.push(cell);
    }
    return out;
  }

  /**
   * Draw one remaining establishment among the candidate cells, each cell weighted by its remaining
   * establishments times `weight(cell)`, and use it up. Undefined when no candidate has any left.
   */
  draw(
    rng: Rng,
    candidates: readonly EstablishmentCell[],
    weight: (cell: EstablishmentCell) => number = () => 1,
  ) {
    const weights = candidates.map((c) => this.remaining(c.key) * weight(c));
    if (!weights.some((w) => w > 0)) return undefined;
    const cell = candidates[weightedIndex(rng, weights)];
    this.take(cell.key);
    return cell;
  }
}
