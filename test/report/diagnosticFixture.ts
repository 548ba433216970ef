/**
 * A small, hand-made `DiagnosticResult` for the report tests: six square communes on a 3 x 2 grid
 * (the last column outside the zone), two candidates of one activity and one of another, one
 * single-plant concentration. The numbers only need to be consistent enough to be shown.
 */
import type { CommuneFeature } from "../../engine/report/geo.ts";
import { rewindFeature } from "../../engine/report/geo.ts";
import type {
  ActivityIndex,
  Candidate,
  CellIndex,
  CommuneIndex,
  DiagnosticResult,
  SinglePlantConcentration,
} from "../../engine/territory/types.ts";

export function squareCommune(code: string, nom: string, x: number, y: number): CommuneFeature {
  const s = 0.1;
  return rewindFeature({
    type: "Feature",
    properties: { code, nom },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + s, y],
          [x + s, y + s],
          [x, y + s],
          [x, y],
        ],
      ],
    },
  });
}

export const FEATURES: CommuneFeature[] = [
  squareCommune("76001", "Alpha", 1.0, 49.4),
  squareCommune("76002", "Bravo", 1.1, 49.4),
  squareCommune("76003", "Charlie", 1.2, 49.4),
  squareCommune("76004", "Delta", 1.0, 49.5),
  squareCommune("76005", "Echo", 1.1, 49.5),
  squareCommune("76006", "Foxtrot", 1.2, 49.5),
];
export const ZONE = ["76001", "76002", "76004", "76005"];
const NAMES: Record<string, string> = {
  "76001": "Alpha",
  "76002": "Bravo",
  "76004": "Delta",
  "76005": "Echo",
};

const stars = (n: 0 | 1 | 2 | 3) => ({ stars: n, size: n > 0, specialisation: n > 1, focus: n > 2 });

function cell(
  commune: string,
  activity: string,
  jobs: number | null,
  establishments: number,
  lq: number | null,
): CellIndex {
  return {
    commune,
    activity,
    jobs,
    establishments,
    lqJobs: lq,
    lqEstablishments: lq,
    averageSize: jobs === null ? null : jobs / establishments,
    smeShare: null,
    lqJobsBase: lq === null ? null : lq - 0.1,
    lqChange: lq === null ? null : 0.1,
    jobsBase: jobs,
    secretRows: jobs === null ? 1 : 0,
  };
}

function candidate(
  rank: number,
  activity: string,
  label: string,
  communes: string[],
  jobs: number,
  lq: number,
): Candidate {
  return {
    id: `${activity}@${communes[0]}`,
    rank,
    level: "subclass",
    activity,
    label,
    communes,
    communeNames: communes.map((c) => NAMES[c] ?? null),
    seeds: [communes[0]],
    jobs,
    establishments: 12,
    lqJobs: lq,
    lqEstablishments: lq / 2,
    shareOfZoneJobs: jobs / 10000,
    shareOfActivityJobs: 0.8,
    totalJobs: 4000,
    averageSize: jobs / 12,
    smeShare: null,
    baseYear: 2006,
    jobsBase: jobs - 100,
    lqJobsBase: lq - 0.2,
    lqChange: 0.2,
    krugman: 0.9,
    krugmanRest: 1.1,
    mainActivities: [{ activity, label, jobs, share: 0.3, lqJobs: lq }],
    stars: stars(2),
    secretCells: 0,
  };
}

export const CANDIDATES: Candidate[] = [
  candidate(1, "25.62B", "Mécanique industrielle", ["76001", "76002"], 900, 2.4),
  candidate(2, "22.29A", "Pièces techniques à base de matières plastiques", ["76004"], 400, 1.9),
  candidate(3, "25.62B", "Mécanique industrielle", ["76005"], 120, 1.6),
];

export const SINGLE_PLANT: SinglePlantConcentration[] = [
  {
    commune: "76004",
    communeName: "Delta",
    activity: "29.10Z",
    label: "Construction de véhicules automobiles",
    jobs: 3500,
    establishments: 1,
    lqJobs: 39,
    shareOfActivityJobs: 1,
    stars: stars(3),
  },
];

const CELLS: CellIndex[] = [
  cell("76001", "25.62B", 500, 6, 2.5),
  cell("76002", "25.62B", 400, 6, 2.2),
  cell("76004", "25.62B", null, 2, null),
  cell("76005", "25.62B", 120, 5, 1.6),
  cell("76004", "22.29A", 400, 12, 1.9),
  cell("76004", "29.10Z", 3500, 1, 39),
  cell("76001", "22.29A", 10, 1, 0.3),
];

const COMMUNES: CommuneIndex[] = ZONE.map((commune, i) => ({
  commune,
  name: NAMES[commune],
  jobs: 1000 * (i + 1),
  establishments: 50 * (i + 1),
  krugman: 0.5 + i / 10,
  krugmanRest: 0.6 + i / 10,
  mainActivities: [],
}));

const ACTIVITIES: ActivityIndex[] = ["25.62B", "22.29A", "29.10Z"].map((activity, i) => ({
  activity,
  label: `label of ${activity}`,
  jobs: 5000 - i * 100,
  establishments: 20 - i,
  communes: 3 - i,
  hoover: 0.4,
  gini: 0.5,
  herfindahl: 0.3,
  ellisonGlaeser: i === 2 ? null : 0.05,
  plantHerfindahl: 0.1,
  averageSize: 50,
  smeShare: null,
  secretCells: i === 0 ? 1 : 0,
}));

export function diagnosticFixture(): DiagnosticResult {
  return {
    options: {
      year: 2022,
      baseYear: 2006,
      levels: ["subclass"],
      reference: "zone",
      mapCommunes: true,
      minLq: 1.5,
      minJobs: 50,
      minEstablishments: 3,
      minCandidateEstablishments: 5,
      maxPlantEstablishments: 2,
      smeClasses: [],
      stars: { sizeQuantile: 0.9, minLq: 2, focusQuantile: 0.9 },
      mainActivities: 5,
    },
    years: [2006, 2007, 2022],
    totals: { communes: 4, jobs: 10000, establishments: 500 },
    levels: [
      {
        level: "subclass",
        cells: CELLS,
        communes: COMMUNES,
        activities: ACTIVITIES,
        candidates: CANDIDATES,
        singlePlant: SINGLE_PLANT,
      },
    ],
    secret: {
      rows: 40,
      secretRows: 1,
      secretEstablishments: 2,
      establishmentsBlankRows: 0,
      byActivity: [{ activity: "25.62B", label: "Mécanique industrielle", rows: 1, establishments: 2 }],
      rule: "A blank cell counts as 0 in every sum and gets no index of its own.",
    },
    communeMapping: {
      vintage: "6.0.0",
      mapped: [],
      unknown: [],
      adjacency: { pairs: 0, mapped: 0, selfLoopsDropped: 0, unknownCodes: [] },
    },
    notes: ["Growth rule sentence.", "Ellison–Glaeser approximation sentence."],
  };
}
