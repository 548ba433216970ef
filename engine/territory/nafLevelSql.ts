/**
 * The NAF code of a sub-class at a coarser level, as a SQL expression on the `naf` column (official
 * form `25.62A`): the same cut as `nafAtLevel`, so SQL and JS agree. A division outside NAF rev.2 has
 * no section (NULL) and its rows drop out at the section level.
 */
import { nafSection } from "../model/naf.ts";
import type { NafLevel } from "./types.ts";

export function nafLevelSql(level: NafLevel, column = "naf"): string {
  switch (level) {
    case "subclass":
      return column;
    case "class":
      return `left(${column}, 5)`;
    case "group":
      return `left(${column}, 4)`;
    case "division":
      return `left(${column}, 2)`;
    case "section": {
      const branches: string[] = [];
      for (let d = 1; d <= 99; d++) {
        const dd = String(d).padStart(2, "0");
        const s = nafSection(`${dd}.00Z`);
        if (s) branches.push(`WHEN '${dd}' THEN '${s}'`);
      }
      return `CASE left(${column}, 2) ${branches.join(" ")} END`;
    }
  }
}
