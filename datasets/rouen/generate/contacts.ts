/**
 * The contact book of a network animator at the chamber (who animates the business club and the
 * grappe), for the contacts feature to import (DOMAIN.md §7): about two hundred persons in the four
 * spheres, each with closeness, formality and usefulness, and an interaction log from January 2019 to
 * AS_OF. Each person is planted in one of the four segments, some are planted as fading, and a few
 * persons appear twice (same e-mail under another spelling of the name, or the same phone written
 * another way) for deduplication to find. `contactRules.ts` holds the definitions; the generator
 * checks its output against them and stops on any mismatch.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import {
  bernoulli,
  pick,
  poisson,
  randomInt,
  sample,
  shuffle,
  weightedPick,
} from "../../../engine/random/sampling.ts";
import { AS_OF, LOG_START } from "./config.ts";
import {
  type Channel,
  clubEvents,
  drawChannel,
  drawDate,
  nearestEvent,
  pickPosition,
  type Sphere,
} from "./contactLog.ts";
import { PLAN, planCounts, profileOf, type Subsphere } from "./contactPlan.ts";
import {
  type ContactProfile,
  countWindows,
  isFading,
  MARGIN_DAYS,
  SEGMENTS,
  type Segment,
  segmentOf,
  windowsOf,
} from "./contactRules.ts";
import { FIRST_NAMES, inventSurname } from "./names.ts";
import { type ActorRow, byKey, dayOf, type FirmRow, isoOf } from "./records.ts";

export const CONTACT_COLUMNS = [
  "id",
  "first_name",
  "last_name",
  "email",
  "phone",
  "organisation_id",
  "organisation",
  "position",
  "sphere",
  "subsphere",
  "closeness",
  "formality",
  "usefulness",
] as const;
export const INTERACTION_COLUMNS = ["contact_id", "date", "channel", "initiated_by"] as const;

export interface ContactRow extends ContactProfile {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  organisation: string | null;
  position: string | null;
  sphere: Sphere;
  subsphere: Subsphere;
}

export interface InteractionRow {
  contact_id: string;
  date: string;
  channel: Channel;
  initiated_by: "me" | "them";
}

const DUPLICATES = { sameEmail: 5, samePhone: 3 } as const;

/** Organisations of persons who do not work at an actor of the dataset (all invented). */
const OUTSIDE = {
  competitor: [
    "Agence d'animation économique Seine-Eure (synthetic)",
    "Cabinet Réseaux & Territoires (synthetic)",
    "Club d'affaires Vallée de Seine (synthetic)",
  ],
  fair: ["Exposant hors zone (synthetic)", "Salon Industrie Normandie, exposant (synthetic)"],
  training: ["Institut de formation continue de Normandie (synthetic)", "Atelier Management PME (synthetic)"],
  teacher: ["École de management de Normandie (synthetic)", "IUT de la Seine (synthetic)"],
} as const;

export interface ContactsInput {
  rng: Rng;
  /** The animator's employer (the chamber). */
  owner: ActorRow;
  pivot: FirmRow;
  districtLeaders: readonly string[];
  /** Firms that are members (active) of the club, the grappe or the zone association. */
  memberFirms: readonly FirmRow[];
  /** Background firms that are members of nothing (prospects). */
  nonMembers: readonly FirmRow[];
  /** Service firms that could supply the chamber (printing, catering, IT, communication…). */
  serviceFirms: readonly FirmRow[];
  allFirms: readonly FirmRow[];
}

export interface ContactBook {
  contacts: ContactRow[];
  interactions: InteractionRow[];
  segments: Record<string, Segment>;
  fading: string[];
  fadingKind: Record<string, "silent" | "declining">;
  duplicates: Array<[string, string]>;
  duplicateEvidence: Record<string, "same_email" | "same_phone">;
  atPivot: string[];
  atDistrictLeaders: Record<string, string>;
  asOf: string;
}

/** Lower-case ASCII slug for e-mail addresses and domains. */
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "et")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const stripAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

export function generateContacts(input: ContactsInput): ContactBook {
  const { rng, owner, pivot, districtLeaders } = input;
  const w = windowsOf(AS_OF);
  const margin = (iso: string, days: number) => isoOf(dayOf(iso) + days);
  // Window bounds with margins (both ends included when drawing).
  const lastRange: [string, string] = [margin(w.lastFrom, MARGIN_DAYS), w.asOf];
  const prevRange: [string, string] = [margin(w.previousFrom, MARGIN_DAYS), margin(w.lastFrom, -MARGIN_DAYS)];
  const olderEnd = margin(w.previousFrom, -MARGIN_DAYS);
  const events = clubEvents(LOG_START, AS_OF);

  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const personName = () => {
    for (;;) {
      const first = pick(rng, FIRST_NAMES);
      const last = inventSurname(rng);
      const key = stripAccents(`${first} ${last}`)
        .toLowerCase()
        .replace(/[^a-z]/g, "");
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return { first, last };
      }
    }
  };
  const phone = (mobile: boolean) => {
    for (;;) {
      const tail = `${String(randomInt(rng, 0, 99)).padStart(2, "0")} ${String(randomInt(rng, 0, 99)).padStart(2, "0")}`;
      const p = mobile ? `06 39 98 ${tail}` : `02 61 91 ${tail}`;
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };
  const email = (first: string, last: string, domain: string) => {
    let e = `${slug(first)}.${slug(last)}@${domain}`;
    let n = 2;
    while (usedEmails.has(e)) e = `${slug(first)}.${slug(last)}${n++}@${domain}`;
    usedEmails.add(e);
    return e;
  };

  // Firms for the professional contacts: planted ones first so the leaders and the pivot are in the book.
  const memberQueue = [
    pivot,
    ...districtLeaders
      .map((id) => input.memberFirms.find((f) => f.id === id))
      .filter((f): f is FirmRow => f !== undefined),
    ...shuffle(
      rng,
      input.memberFirms.filter((f) => f.id !== pivot.id && !districtLeaders.includes(f.id)),
    ),
  ];
  const clientQueue = shuffle(rng, input.memberFirms);
  const prospectQueue = shuffle(rng, input.nonMembers);
  const supplierQueue = shuffle(rng, input.serviceFirms);
  const usedFirms = new Set<string>();
  const nextFirm = (queue: FirmRow[]): FirmRow => {
    for (;;) {
      const f = queue.shift();
      if (!f) return pick(rng, input.allFirms);
      if (!usedFirms.has(f.id)) {
        usedFirms.add(f.id);
        return f;
      }
    }
  };

  const contacts: ContactRow[] = [];
  const interactions: InteractionRow[] = [];
  const segments: Record<string, Segment> = {};
  const fadingKind: Record<string, "silent" | "declining"> = {};
  const atPivot: string[] = [];
  const atDistrictLeaders: Record<string, string> = {};
  const leaderSet = new Set(districtLeaders);

  const persons = PLAN.flatMap(([sphere, subsphere, n, weights]) =>
    Array.from({ length: n }, () => ({ sphere, subsphere, weights })),
  );
  let serial = 0;
  for (const { sphere, subsphere, weights } of persons) {
    serial++;
    const id = `C${String(serial).padStart(4, "0")}`;
    const segment = weightedPick(rng, SEGMENTS, weights);
    const profile = profileOf(rng, segment, subsphere);
    const { first, last } = personName();

    let organisationId: string | null = null;
    let organisation: string | null = null;
    let position: string | null = null;
    let domain = "mail.example";
    if (subsphere === "colleague") {
      organisationId = owner.id;
      organisation = owner.name;
      position = pickPosition(rng, "colleague");
      domain = `${slug(owner.name)}.example`;
    } else if (
      subsphere === "supplier" ||
      subsphere === "client" ||
      subsphere === "prospect" ||
      subsphere === "association_member"
    ) {
      const queue =
        subsphere === "supplier"
          ? supplierQueue
          : subsphere === "client"
            ? clientQueue
            : subsphere === "prospect"
              ? prospectQueue
              : memberQueue;
      const firm = nextFirm(queue);
      organisationId = firm.id;
      organisation = firm.name;
      position = pickPosition(rng, "firm");
      domain = `${slug(firm.name)}.example`;
      if (firm.id === pivot.id) atPivot.push(id);
      if (leaderSet.has(firm.id) && !(firm.id in atDistrictLeaders)) atDistrictLeaders[firm.id] = id;
    } else if (subsphere === "fair") {
      if (bernoulli(rng, 0.6)) {
        const firm = nextFirm(prospectQueue);
        organisationId = firm.id;
        organisation = firm.name;
        domain = `${slug(firm.name)}.example`;
      } else {
        organisation = pick(rng, OUTSIDE.fair);
        domain = `${slug(organisation)}.example`;
      }
      position = pickPosition(rng, "firm");
    } else if (subsphere === "competitor" || subsphere === "training" || subsphere === "teacher") {
      organisation = pick(rng, OUTSIDE[subsphere]);
      domain = `${slug(organisation)}.example`;
      position = pickPosition(rng, subsphere === "competitor" ? "colleague" : subsphere);
    } else if ((subsphere === "alumni" || subsphere === "classmate") && bernoulli(rng, 0.4)) {
      const firm = nextFirm(prospectQueue);
      organisationId = firm.id;
      organisation = firm.name;
      position = pickPosition(rng, "other");
    }

    const professional = sphere === "professional";
    const hasEmail = professional || sphere === "online" || bernoulli(rng, 0.6);
    const hasPhone = sphere !== "online" || bernoulli(rng, 0.2);
    contacts.push({
      id,
      first_name: first,
      last_name: last,
      email: hasEmail ? email(first, last, domain) : null,
      phone: hasPhone ? phone(!professional || bernoulli(rng, 0.6)) : null,
      organisation_id: organisationId,
      organisation,
      position,
      sphere,
      subsphere,
      ...profile,
    });
    segments[id] = segment;

    // The log: older history from the day the contact was met, then the two planned windows.
    const plan = planCounts(rng, segment);
    if (plan.fading) fadingKind[id] = plan.fading;
    const met = bernoulli(rng, 0.7)
      ? LOG_START
      : isoOf(randomInt(rng, dayOf(LOG_START), dayOf(olderEnd) - 120));
    const olderYears = (dayOf(olderEnd) - dayOf(met)) / 365.25;
    // Everyone planted with no interaction in both windows still needs one before them (fading).
    let older = poisson(rng, plan.olderRate * olderYears);
    if (plan.last12 === 0 && plan.previous12 === 0 && older === 0) older = 1;
    const taken = new Set<string>();
    const initiatedByMe = subsphere === "prospect" ? 0.8 : segment === "low_use" ? 0.35 : 0.5;
    const place = (count: number, from: string, to: string, meShare: number) => {
      for (let k = 0; k < count; k++) {
        let date = drawDate(rng, from, to, sphere, taken);
        if (!date) break;
        let channel = drawChannel(rng, date, sphere);
        if (channel === "event") {
          const e = nearestEvent(events, date, from, to);
          if (e && !taken.has(e)) date = e;
          else channel = "meeting";
        }
        taken.add(date);
        interactions.push({
          contact_id: id,
          date,
          channel,
          initiated_by: bernoulli(rng, meShare) ? "me" : "them",
        });
      }
    };
    place(older, met, olderEnd, initiatedByMe);
    place(plan.previous12, prevRange[0], prevRange[1], initiatedByMe);
    place(plan.last12, lastRange[0], lastRange[1], plan.fading ? 0.75 : initiatedByMe);
  }

  // The log ends on AS_OF: the year-end club meeting, with the first frequent association member.
  if (!interactions.some((i) => i.date === AS_OF)) {
    const host = contacts.find(
      (c) => c.subsphere === "association_member" && segments[c.id] === "frequent_easy",
    );
    const own = host ? interactions.filter((i) => i.contact_id === host.id && i.date > lastRange[0]) : [];
    const latest = own.reduce<InteractionRow | undefined>(
      (a, b) => (!a || b.date > a.date ? b : a),
      undefined,
    );
    if (!latest) throw new Error("contacts: no frequent association member to hold the last meeting");
    latest.date = AS_OF;
    latest.channel = "event";
  }

  // Near-duplicates: a second record of a professional person, same e-mail or same phone.
  const candidates = contacts.filter(
    (c) => c.sphere === "professional" && c.email !== null && c.phone !== null,
  );
  const chosen = sample(rng, candidates, DUPLICATES.sameEmail + DUPLICATES.samePhone);
  const duplicates: Array<[string, string]> = [];
  const duplicateEvidence: Record<string, "same_email" | "same_phone"> = {};
  chosen.forEach((p, k) => {
    serial++;
    const id = `C${String(serial).padStart(4, "0")}`;
    const byEmail = k < DUPLICATES.sameEmail;
    const copy: ContactRow = { ...p, id };
    if (byEmail) {
      // Another spelling of the name, same address (a card typed in a hurry, a CRM export).
      if (stripAccents(p.first_name) !== p.first_name) copy.first_name = stripAccents(p.first_name);
      else if (p.first_name.includes("-")) copy.first_name = p.first_name.replace("-", " ");
      else copy.last_name = p.last_name.toUpperCase();
      copy.phone = bernoulli(rng, 0.5) ? null : p.phone;
      copy.position = null;
    } else {
      // Same phone written the international way, from the phone's own address book.
      copy.phone = `+33 ${(p.phone as string).slice(1)}`;
      copy.email = null;
      copy.organisation = null;
      copy.organisation_id = null;
      copy.position = null;
    }
    contacts.push(copy);
    duplicates.push([p.id, id]);
    duplicateEvidence[id] = byEmail ? "same_email" : "same_phone";
  });

  interactions.sort(byKey((i) => `${i.date}|${i.contact_id}`));

  // Check the planted truth against the definitions (contactRules.ts).
  const datesOf = new Map<string, string[]>();
  for (const i of interactions) datesOf.set(i.contact_id, [...(datesOf.get(i.contact_id) ?? []), i.date]);
  const asOf = interactions[interactions.length - 1].date;
  if (asOf !== AS_OF) throw new Error(`contacts: log ends on ${asOf}, not ${AS_OF}`);
  const fading: string[] = [];
  for (const c of contacts) {
    if (!(c.id in segments)) continue;
    const counts = countWindows(datesOf.get(c.id) ?? [], w);
    const seg = segmentOf(c, counts);
    if (seg !== segments[c.id])
      throw new Error(`contacts: ${c.id} planted ${segments[c.id]} but reads ${seg}`);
    if (isFading(counts) !== c.id in fadingKind)
      throw new Error(`contacts: fading of ${c.id} does not match`);
    if (isFading(counts)) fading.push(c.id);
  }

  return {
    contacts,
    interactions,
    segments,
    fading,
    fadingKind,
    duplicates,
    duplicateEvidence,
    atPivot,
    atDistrictLeaders,
    asOf,
  };
}
