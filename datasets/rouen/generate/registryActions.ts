/**
 * The actions of the registered networks, 2015 to AS_OF (stream `/registry-actions`): meetings
 * several times a year (the club's on the third Thursday of each month but August, as in the contact
 * book), company visits, trainings, events, and the network-of-networks actions — two inter-network
 * meetings, a shared platform launched by three networks and a joint project of two.
 *
 * Participants are members at the action's date (started on or before it, not yet ended) of the
 * network(s) that ran it. Each network has planted **carriers** (attend 90 % of what they can) and
 * members who **never attend**; every other member attends with the network's base rate for the
 * kind of action. The chamber's events record only an attendance count. No action falls within a day
 * of AS_OF − 12 months (2023-12-19; 365 days before AS_OF is 2023-12-20), so the last-12-months window
 * is the same however its bound is closed or counted.
 */

import { ACTION_FIELDS } from "../../../engine/networks/registryColumns.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt, sample } from "../../../engine/random/sampling.ts";
import { AS_OF } from "./config.ts";
import { byKey, dayOf, isoOf, type LinkRow, monthsBefore } from "./records.ts";
import { activeAt } from "./registryMembers.ts";
import type { RegistrySpec } from "./registryNetworks.ts";

/** The columns of actions.csv: the fields the registry reader takes, in its order. */
export const ACTION_COLUMNS = ACTION_FIELDS;
export type ActionRow = Record<(typeof ACTION_COLUMNS)[number], string | number | null>;

const FIRST_YEAR = 2015;
const CLUB = "org-club-entreprendre-seine";
const CHAMBER = "org-cci-rouen-metropole";

/** How often each network acts, and its members' base attendance. */
interface Rhythm {
  meetings: number;
  visits: readonly [number, number];
  trainings: readonly [number, number];
  events: readonly [number, number];
  /** Base attendance of meetings; visits, trainings and events take half of it, events more. */
  rate: number;
  carriers: number;
  never: number;
  meetingTitle: string;
}

const RHYTHMS: Record<string, Rhythm> = {
  [CHAMBER]: {
    meetings: 4,
    visits: [1, 2],
    trainings: [2, 3],
    events: [2, 2],
    rate: 0.06,
    carriers: 4,
    never: 0,
    meetingTitle: "Rencontre des adhérents",
  },
  [CLUB]: {
    meetings: 11,
    visits: [1, 2],
    trainings: [1, 1],
    events: [1, 1],
    rate: 0.3,
    carriers: 5,
    never: 6,
    meetingTitle: "Réunion mensuelle du club",
  },
  "org-zone-rive-gauche": {
    meetings: 4,
    visits: [1, 1],
    trainings: [0, 1],
    events: [1, 1],
    rate: 0.15,
    carriers: 3,
    never: 4,
    meetingTitle: "Réunion de la zone",
  },
  "org-grappe-transport-seine-sud": {
    meetings: 6,
    visits: [1, 2],
    trainings: [1, 2],
    events: [0, 1],
    rate: 0.35,
    carriers: 4,
    never: 2,
    meetingTitle: "Comité de la grappe",
  },
  "org-equipementiers-auto-normands": {
    meetings: 3,
    visits: [1, 2],
    trainings: [1, 1],
    events: [0, 1],
    rate: 0.35,
    carriers: 3,
    never: 2,
    meetingTitle: "Réunion des équipementiers",
  },
  "org-club-industrie-metropole": {
    meetings: 6,
    visits: [1, 2],
    trainings: [0, 1],
    events: [0, 1],
    rate: 0.35,
    carriers: 2,
    never: 1,
    meetingTitle: "Petit-déjeuner industrie",
  },
  "org-spl-meca-seine": {
    meetings: 4,
    visits: [1, 1],
    trainings: [1, 1],
    events: [0, 1],
    rate: 0.4,
    carriers: 2,
    never: 1,
    meetingTitle: "Réunion du SPL",
  },
  "org-cluster-sante-seine": {
    meetings: 4,
    visits: [1, 2],
    trainings: [1, 2],
    events: [1, 1],
    rate: 0.3,
    carriers: 3,
    never: 2,
    meetingTitle: "Atelier du cluster",
  },
  "org-rouen-seine-numerique": {
    meetings: 6,
    visits: [0, 1],
    trainings: [1, 2],
    events: [0, 1],
    rate: 0.25,
    carriers: 3,
    never: 2,
    meetingTitle: "Webinaire du réseau",
  },
  "org-gie-tables-rouen": {
    meetings: 3,
    visits: [0, 1],
    trainings: [0, 1],
    events: [1, 1],
    rate: 0.45,
    carriers: 2,
    never: 1,
    meetingTitle: "Assemblée du GIE",
  },
  "org-club-caux-austreberthe": {
    meetings: 5,
    visits: [1, 1],
    trainings: [0, 1],
    events: [1, 1],
    rate: 0.35,
    carriers: 3,
    never: 2,
    meetingTitle: "Soirée du club",
  },
  "org-club-export-seine": {
    meetings: 4,
    visits: [0, 1],
    trainings: [1, 1],
    events: [0, 1],
    rate: 0.3,
    carriers: 2,
    never: 1,
    meetingTitle: "Réunion export",
  },
};

const TRAININGS = [
  "Formation : prévention des risques",
  "Formation : cybersécurité",
  "Formation : recrutement et marque employeur",
  "Formation : transition énergétique",
  "Formation : export et douane",
  "Formation : management d'équipe",
];
const EVENTS = ["Soirée annuelle", "Trophées des entreprises", "Forum emploi", "Salon des réseaux"];

/** The network-of-networks actions (date, networks, kind, title), fixed. */
export const JOINT_ACTIONS = [
  {
    date: "2021-03-09",
    networks: [CHAMBER, "org-rouen-seine-numerique", CLUB],
    kind: "platform",
    title: "Lancement de la plateforme partagée d'offres et de besoins",
  },
  {
    date: "2022-04-12",
    networks: ["org-cluster-sante-seine", "org-rouen-seine-numerique"],
    kind: "project",
    title: "Projet commun e-santé : téléconsultation en entreprise",
  },
  {
    date: "2022-10-06",
    networks: [CLUB, "org-club-caux-austreberthe"],
    kind: "inter_network",
    title: "Rencontre des clubs Rouen–Caux-Austreberthe",
  },
  {
    date: "2023-05-16",
    networks: ["org-grappe-transport-seine-sud", "org-zone-rive-gauche"],
    kind: "inter_network",
    title: "Rencontre inter-réseaux de la rive gauche",
  },
] as const;

export interface RegistryActionsInput {
  rng: Rng;
  networks: readonly RegistrySpec[];
  memberships: readonly LinkRow[];
  names: ReadonlyMap<string, string>;
}

export interface RegistryActions {
  rows: ActionRow[];
  /** Per network: planted carriers and members who never attend. */
  carriers: Record<string, string[]>;
  never: Record<string, string[]>;
}

const WEEKDAY_SHIFT = (iso: string, weekday: number) => {
  const d = dayOf(iso);
  const w = (d + 4) % 7; // 1970-01-01 was a Thursday (4)
  return isoOf(d + ((weekday - w + 7) % 7));
};

/** Third Thursday of a month. */
const thirdThursday = (year: number, month: number) =>
  WEEKDAY_SHIFT(`${year}-${String(month).padStart(2, "0")}-15`, 4);

/** Dates within a day of the last-12-months boundary are moved a week later. */
const BOUNDARY = monthsBefore(AS_OF, 12);
const awayFromBoundary = (iso: string) =>
  Math.abs(dayOf(iso) - dayOf(BOUNDARY)) <= 1 ? isoOf(dayOf(iso) + 7) : iso;

export function generateRegistryActions(input: RegistryActionsInput): RegistryActions {
  const { rng, networks, memberships, names } = input;
  const spells = new Map<string, LinkRow[]>();
  for (const l of memberships) {
    if (l.kind !== "membership") continue;
    const list = spells.get(l.target) ?? [];
    list.push(l);
    spells.set(l.target, list);
  }
  const membersOn = (network: string, date: string) =>
    (spells.get(network) ?? [])
      .filter((l) => activeAt(l, date))
      .map((l) => l.source)
      .sort();

  // Planted behaviour: carriers among the members present from the first two years of actions to the end.
  const carriers: Record<string, string[]> = {};
  const never: Record<string, string[]> = {};
  for (const n of networks) {
    const r = RHYTHMS[n.id];
    const from = n.founded && n.founded > `${FIRST_YEAR}-01-01` ? n.founded : `${FIRST_YEAR}-01-01`;
    const until = n.ended ?? AS_OF;
    const settled = isoOf(dayOf(from) + 2 * 365);
    const steady = (spells.get(n.id) ?? [])
      .filter((l) => (l.start ?? "") <= settled && (l.end === null || l.end >= until))
      .map((l) => l.source)
      .sort();
    carriers[n.id] = sample(rng, steady, Math.min(r.carriers, steady.length)).sort();
    const rest = (spells.get(n.id) ?? [])
      .filter((l) => l.end === null || n.ended !== null)
      .map((l) => l.source)
      .filter((id) => !carriers[n.id].includes(id))
      .sort();
    never[n.id] = sample(rng, [...new Set(rest)], Math.min(r.never, rest.length)).sort();
  }

  interface Draft {
    networks: string[];
    date: string;
    kind: string;
    title: string;
    participants: string[];
    attendance: number | null;
  }
  const drafts: Draft[] = [];
  /** Members of `network` present on `date`, each attending with `rate` (carriers 0.9, never 0). */
  const attend = (network: string, date: string, rate: number) =>
    membersOn(network, date).filter((id) =>
      carriers[network].includes(id)
        ? bernoulli(rng, 0.9)
        : never[network].includes(id)
          ? false
          : bernoulli(rng, rate),
    );
  const add = (networkIds: string[], date: string, kind: string, title: string, rate: number) => {
    const d = awayFromBoundary(date);
    if (d > AS_OF) return;
    const drawn = new Set(networkIds.flatMap((id) => attend(id, d, rate)));
    // an action takes place with two participants at least: short of them, willing members are added
    const willing = networkIds.flatMap((id) =>
      membersOn(id, d).filter((m) => !never[id].includes(m) && !drawn.has(m)),
    );
    for (const m of sample(rng, [...new Set(willing)], Math.max(0, 2 - drawn.size))) drawn.add(m);
    const participants = [...drawn].sort();
    if (participants.length < 2) return;
    drafts.push({ networks: networkIds, date: d, kind, title, participants, attendance: null });
  };

  const lastYear = Number(AS_OF.slice(0, 4));
  for (const n of networks) {
    const r = RHYTHMS[n.id];
    const from = n.founded && n.founded > `${FIRST_YEAR}-01-01` ? n.founded : `${FIRST_YEAR}-01-01`;
    const until = n.ended && n.ended < AS_OF ? n.ended : AS_OF;
    const inLife = (d: string) => d >= from && d <= until;
    for (let year = FIRST_YEAR; year <= lastYear; year++) {
      const dayIn = (month: number) =>
        WEEKDAY_SHIFT(
          `${year}-${String(month).padStart(2, "0")}-${String(randomInt(rng, 2, 24)).padStart(2, "0")}`,
          2,
        );
      // meetings
      if (n.id === CLUB) {
        for (let m = 1; m <= 12; m++) {
          if (m === 8) continue;
          const d = thirdThursday(year, m);
          if (inLife(d)) add([n.id], d, "meeting", r.meetingTitle, r.rate);
        }
      } else {
        for (let k = 0; k < r.meetings; k++) {
          const d = dayIn(1 + Math.floor((k * 12) / r.meetings) + (r.meetings <= 6 ? 1 : 0));
          if (inLife(d)) add([n.id], d, "meeting", r.meetingTitle, r.rate);
        }
      }
      // visits: a member (never one who never attends) opens its doors
      for (let k = randomInt(rng, r.visits[0], r.visits[1]); k > 0; k--) {
        const d = dayIn(randomInt(rng, 2, 11));
        const hosts = membersOn(n.id, d).filter((id) => !never[n.id].includes(id));
        if (!inLife(d) || hosts.length === 0) continue;
        const host = hosts[randomInt(rng, 0, hosts.length - 1)];
        const before = drafts.length;
        add([n.id], d, "visit", `Visite : ${names.get(host) ?? host}`, r.rate / 2);
        const made = drafts[before];
        if (made && !made.participants.includes(host))
          made.participants = [...made.participants, host].sort();
      }
      for (let k = randomInt(rng, r.trainings[0], r.trainings[1]); k > 0; k--) {
        const d = dayIn(randomInt(rng, 1, 11));
        if (inLife(d))
          add([n.id], d, "training", TRAININGS[randomInt(rng, 0, TRAININGS.length - 1)], r.rate / 2);
      }
      for (let k = randomInt(rng, r.events[0], r.events[1]); k > 0; k--) {
        const d = dayIn(randomInt(rng, 5, 11));
        if (!inLife(d)) continue;
        const title = EVENTS[randomInt(rng, 0, EVENTS.length - 1)];
        if (n.id === CHAMBER) {
          // a large event: only a head count is known
          const present = membersOn(n.id, d).length;
          drafts.push({
            networks: [n.id],
            date: awayFromBoundary(d),
            kind: "event",
            title,
            participants: [],
            attendance: Math.round(present * (0.2 + 0.2 * rng())) + randomInt(rng, 20, 60),
          });
        } else add([n.id], d, "event", title, Math.min(0.8, r.rate * 1.5));
      }
    }
  }
  for (const j of JOINT_ACTIONS) add([...j.networks], j.date, j.kind, j.title, 0.25);

  drafts.sort(byKey((d) => `${d.date}|${d.networks.join("|")}|${d.kind}|${d.title}`));
  const rows: ActionRow[] = drafts.map((d, i) => ({
    id: `act-${String(i + 1).padStart(4, "0")}`,
    network: d.networks.join("|"),
    date: d.date,
    kind: d.kind,
    title: `${d.title} (synthetic)`,
    participants: d.participants.join("|"),
    attendance: d.attendance,
  }));
  return { rows, carriers, never };
}
