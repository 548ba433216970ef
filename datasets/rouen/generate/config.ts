/**
 * The fixed choices of the `rouen` dataset: the seed, the real cells the planted structures sit on,
 * and the rates that turn real establishment counts into synthetic firms. README.md explains each
 * choice with the real figures behind it; the generator checks them against the data and stops if
 * the data disagree (e.g. non-contiguous district communes).
 */

/** Default seed; every stream is named `${seed}/<structure>`. */
export const DEFAULT_SEED = "maillage-rouen-v1";

/** Year of the URSSAF table the firms are placed from (its latest). */
export const REFERENCE_YEAR = 2022;

/** One background firm per this many real establishments (sampled without replacement). */
export const ESTABLISHMENTS_PER_FIRM = 8;

/**
 * The pivot: the car plant at Cléon (1 establishment, APE 2910Z, ~3,500 jobs in 2022 in the
 * URSSAF table). Its jobs figure is read from the table, not written here.
 */
export const PIVOT = {
  commune: "76178",
  naf: "29.10Z",
  name: "Usine de Cléon (synthetic)",
  /** The real plant opened in 1958. */
  founded: 1958,
} as const;

/**
 * The district: road freight hauliers (49.41A) in five contiguous communes of the Seine's left bank
 * south of Rouen (Grand-Couronne, Le Grand-Quevilly, Petit-Couronne, Le Petit-Quevilly,
 * Saint-Étienne-du-Rouvray). In 2022 they hold 49 of the zone's 108 establishments of the activity
 * but only 2,075 of its 14,978 establishments: an establishment location quotient of 3.27 (2.73 in
 * jobs). The generator recomputes it and writes it to truth.json.
 */
export const DISTRICT = {
  naf: "49.41A",
  communes: ["76319", "76322", "76497", "76498", "76575"],
  /** Number of district firms drawn, within the real establishments left after background sampling. */
  size: [36, 44] as const,
} as const;

/** The interaction log of the contact book spans these dates; AS_OF is its last date. */
export const LOG_START = "2019-01-07";
export const AS_OF = "2024-12-19";

/** `source_ref` of each planted structure's links. */
export const SOURCE_REF = {
  pivot: "synthetic:pivot",
  district: "synthetic:district",
  background: "synthetic:background",
  associations: "synthetic:associations",
  registry: "synthetic:registry",
} as const;

/** Latest link start year: links begin before the end of the establishment data's next year. */
export const LAST_START_YEAR = 2023;
