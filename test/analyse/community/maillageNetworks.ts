/** Small hand-made maillage networks and the built-in rouen network, for community and dynamics tests. */
import { readFileSync } from "node:fs";
import { findDataset } from "../../../datasets/index.ts";

export { actor, link, network, rouenNetwork } from "../../networkBuilders.ts";

export function rouenTruth(): {
  pivot: { id: string; tier1: string[] };
  district: { firms: string[]; naf: string };
} {
  const rouen = findDataset("rouen");
  return JSON.parse(readFileSync(rouen?.files.truth as string, "utf8"));
}
