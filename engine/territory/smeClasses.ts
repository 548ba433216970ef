/**
 * Size classes counted as SME (fewer than 250 employees) in the SME share, when the table gives size
 * classes: the engine's own `micro` / `sme` (model/sizeClass.ts) and INSEE's headcount brackets
 * (`tranche d'effectif` codes 00 to 31: 0, 1–2, 3–5, 6–9, 10–19, 20–49, 50–99, 100–199, 200–249).
 */
export const DEFAULT_SME_CLASSES: readonly string[] = [
  "micro",
  "sme",
  "00",
  "01",
  "02",
  "03",
  "11",
  "12",
  "21",
  "22",
  "31",
];
