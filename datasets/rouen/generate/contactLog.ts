/**
 * Rhythms of the interaction log: when contacts are seen and through which channel. Professional
 * contacts are met on working days, less in August and at Christmas; the business club meets on the
 * third Thursday of every month but August; the lockdowns of 2020–2021 turn meetings and events into
 * video calls, and video calls stay more common afterwards. Private and online contacts ignore office
 * hours.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { pick, weightedPick } from "../../../engine/random/sampling.ts";
import { dayOf, isoOf } from "./records.ts";

export type Sphere = "professional" | "private" | "educational" | "online";
export const CHANNELS = ["meeting", "phone", "email", "event", "visio", "message"] as const;
export type Channel = (typeof CHANNELS)[number];

/** French lockdown periods (the first three national ones), when no meeting or event took place. */
const LOCKDOWNS: ReadonlyArray<readonly [string, string]> = [
  ["2020-03-17", "2020-05-10"],
  ["2020-10-30", "2020-12-14"],
  ["2021-04-03", "2021-05-02"],
];
/** From this date, video calls stay part of the mix. */
const VISIO_ERA = "2020-03-17";

const inLockdown = (iso: string) => LOCKDOWNS.some(([a, b]) => iso >= a && iso <= b);

/** Weekday of an ISO date, 0 = Sunday. */
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** Relative chance of an interaction on a day, at most 1.3. */
function dayWeight(iso: string, sphere: Sphere): number {
  const wd = weekday(iso);
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const christmas = (month === 12 && day >= 24) || (month === 1 && day === 1);
  if (sphere === "professional" || sphere === "educational") {
    let w = wd === 0 ? 0.02 : wd === 6 ? 0.08 : 1;
    if (month === 8) w *= 0.35;
    if (christmas) w *= 0.2;
    return w;
  }
  return wd === 0 || wd === 6 ? 1.3 : 1;
}

/** Dates of the club's meetings: third Thursday of each month except August, skipping lockdowns. */
export function clubEvents(from: string, to: string): string[] {
  const out: string[] = [];
  const [y0] = from.split("-").map(Number);
  const [y1] = to.split("-").map(Number);
  for (let y = y0; y <= y1; y++) {
    for (let m = 1; m <= 12; m++) {
      if (m === 8) continue;
      const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
      const firstThursday = 1 + ((4 - first + 7) % 7);
      const iso = `${y}-${String(m).padStart(2, "0")}-${String(firstThursday + 14).padStart(2, "0")}`;
      if (iso >= from && iso <= to && !inLockdown(iso)) out.push(iso);
    }
  }
  return out;
}

/**
 * One date in [from, to] (ISO, both included) following the sphere's rhythm, avoiding the dates in
 * `taken` (one interaction per contact and day). Rejection sampling; after many failures any free
 * day is accepted, and `undefined` means the range has no free day.
 */
export function drawDate(
  rng: Rng,
  from: string,
  to: string,
  sphere: Sphere,
  taken: Set<string>,
): string | undefined {
  const a = dayOf(from);
  const b = dayOf(to);
  if (b < a) return undefined;
  for (let attempt = 0; attempt < 200; attempt++) {
    const iso = isoOf(a + Math.floor(rng() * (b - a + 1)));
    if (taken.has(iso)) continue;
    if (rng() * 1.3 < dayWeight(iso, sphere)) return iso;
  }
  for (let d = a; d <= b; d++) if (!taken.has(isoOf(d))) return isoOf(d);
  return undefined;
}

const MIX: Record<Sphere, ReadonlyArray<readonly [Channel, number]>> = {
  professional: [
    ["meeting", 0.27],
    ["phone", 0.25],
    ["email", 0.3],
    ["event", 0.12],
    ["visio", 0.06],
  ],
  private: [
    ["meeting", 0.45],
    ["phone", 0.35],
    ["message", 0.2],
  ],
  educational: [
    ["meeting", 0.3],
    ["phone", 0.2],
    ["email", 0.3],
    ["message", 0.2],
  ],
  online: [
    ["message", 0.6],
    ["email", 0.25],
    ["visio", 0.15],
  ],
};

/** Channel of an interaction on a date; lockdowns and the video era reshape the mix. */
export function drawChannel(rng: Rng, iso: string, sphere: Sphere): Channel {
  const mix = MIX[sphere];
  let channel = weightedPick(
    rng,
    mix.map(([c]) => c),
    mix.map(([, w]) => w),
  );
  const u = rng();
  if ((channel === "meeting" || channel === "event") && inLockdown(iso)) {
    channel = sphere === "private" ? "phone" : "visio";
  } else if (channel === "meeting" && iso >= VISIO_ERA && sphere !== "private" && u < 0.25) {
    channel = "visio";
  }
  return channel;
}

/** The club meeting closest to a date within [from, to], if there is one within a fortnight. */
export function nearestEvent(
  events: readonly string[],
  iso: string,
  from: string,
  to: string,
): string | undefined {
  const d = dayOf(iso);
  let best: string | undefined;
  let gap = 15;
  for (const e of events) {
    if (e < from || e > to) continue;
    const g = Math.abs(dayOf(e) - d);
    if (g < gap) {
      gap = g;
      best = e;
    }
  }
  return best;
}

/** Positions by kind of contact, for the contact book. */
export const POSITIONS = {
  colleague: [
    "Chargée de mission industrie",
    "Conseiller entreprises",
    "Responsable communication",
    "Directeur du développement",
    "Assistante de direction",
    "Chargé d'études économiques",
  ],
  firm: [
    "Gérant",
    "Directrice générale",
    "Responsable achats",
    "Directeur de site",
    "Responsable qualité",
    "Responsable RH",
    "Président",
    "Directeur commercial",
    "Responsable logistique",
  ],
  training: ["Formatrice", "Consultant formateur", "Responsable pédagogique"],
  teacher: ["Enseignante-chercheuse", "Professeur de gestion", "Maître de conférences"],
  other: ["Ingénieur", "Comptable", "Chef de projet", "Technicienne", "Juriste", "Infirmière", "Artisan"],
} as const;

export const pickPosition = (rng: Rng, kind: keyof typeof POSITIONS) => pick(rng, POSITIONS[kind]);
