/**
 * `maillage networks`: the registry of business networks a chamber animates or knows ("network of
 * networks"). `import` reads registry, members and actions files into the store; `report` computes
 * each network's piloting indicators, the overlaps and redundancies between networks and the
 * territory's coverage gaps, and writes an HTML dashboard with its tables.
 */
import type { Command } from "commander";
import { addNetworksImportCommand } from "./networksImport.ts";
import { addNetworksReportCommand } from "./networksReport.ts";

export function registerNetworks(program: Command): void {
  const networks = program
    .command("networks")
    .description("the registry of business networks: import it, then report indicators, overlaps and gaps");
  addNetworksImportCommand(networks);
  addNetworksReportCommand(networks);
}
