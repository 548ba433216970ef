/**
 * French labels of the NAF rev.2 nomenclature at every level: section (letter, labels from INSEE),
 * division, group, class and sub-class (from the `@socialgouv/codes-naf` package, which holds the
 * official INSEE labels in the dotted form this project stores).
 */
import { createRequire } from "node:module";
import { nafClass, nafDivision, nafGroup, nafSection } from "./naf.ts";

const require = createRequire(import.meta.url);

const SECTION_LABELS: Readonly<Record<string, string>> = {
  A: "Agriculture, sylviculture et pêche",
  B: "Industries extractives",
  C: "Industrie manufacturière",
  D: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
  E: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
  F: "Construction",
  G: "Commerce ; réparation d'automobiles et de motocycles",
  H: "Transports et entreposage",
  I: "Hébergement et restauration",
  J: "Information et communication",
  K: "Activités financières et d'assurance",
  L: "Activités immobilières",
  M: "Activités spécialisées, scientifiques et techniques",
  N: "Activités de services administratifs et de soutien",
  O: "Administration publique",
  P: "Enseignement",
  Q: "Santé humaine et action sociale",
  R: "Arts, spectacles et activités récréatives",
  S: "Autres activités de services",
  T: "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre",
  U: "Activités extra-territoriales",
};

let labels: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (!labels) {
    const entries = require("@socialgouv/codes-naf/index.json") as Array<{ id: string; label: string }>;
    labels = new Map(entries.map((e) => [e.id, e.label]));
    for (const [letter, label] of Object.entries(SECTION_LABELS)) labels.set(letter, label);
  }
  return labels;
}

export type NafLevel = "section" | "division" | "group" | "class" | "subclass";

/** The code of a normalised sub-class at a coarser level: `25.62A` → `C`, `25`, `25.6`, `25.62`, `25.62A`. */
export function nafAtLevel(naf: string, level: NafLevel): string | undefined {
  switch (level) {
    case "section":
      return nafSection(naf);
    case "division":
      return nafDivision(naf);
    case "group":
      return nafGroup(naf);
    case "class":
      return nafClass(naf);
    case "subclass":
      return naf;
  }
}

/** Label of a code at any level (`C`, `25`, `25.6`, `25.62`, `25.62A`), or undefined when unknown. */
export function nafLabel(code: string): string | undefined {
  return table().get(code);
}
