/**
 * The tokens of the contact database: the four spheres of DOMAIN.md §7 and their subspheres, the
 * interaction channels and who initiated. Readers map user tokens through `canonicalToken` and the
 * French synonyms below; a token in no list is a bad row (quarantined), as for actor and link kinds.
 */
import { canonicalToken } from "../model/vocabulary.ts";
import type { Channel, Initiator } from "./types.ts";

export const SPHERES = ["professional", "private", "educational", "online"] as const;
export type Sphere = (typeof SPHERES)[number];

/** Subspheres of each sphere (the association guide's lists). */
export const SUBSPHERES: Readonly<Record<Sphere, readonly string[]>> = {
  professional: [
    "colleague",
    "supplier",
    "client",
    "prospect",
    "association_member",
    "competitor",
    "fair",
    "training",
  ],
  private: ["family", "friend", "neighbour", "other_association"],
  educational: ["classmate", "teacher", "alumni"],
  online: ["forum", "list", "social_network"],
};

const SPHERE_SYNONYMS: Readonly<Record<string, Sphere>> = {
  professional: "professional",
  professionnel: "professional",
  professionnelle: "professional",
  pro: "professional",
  private: "private",
  personal: "private",
  prive: "private",
  privee: "private",
  personnel: "private",
  educational: "educational",
  education: "educational",
  scolaire: "educational",
  formation_initiale: "educational",
  online: "online",
  en_ligne: "online",
  virtuel: "online",
};

const SUBSPHERE_SYNONYMS: Readonly<Record<string, string>> = {
  collegue: "colleague",
  fournisseur: "supplier",
  customer: "client",
  prospect: "prospect",
  membre_association: "association_member",
  membre_ap: "association_member",
  adherent: "association_member",
  concurrent: "competitor",
  salon: "fair",
  trade_fair: "fair",
  formation: "training",
  famille: "family",
  ami: "friend",
  amie: "friend",
  voisin: "neighbour",
  voisine: "neighbour",
  neighbor: "neighbour",
  autre_association: "other_association",
  camarade: "classmate",
  camarade_de_classe: "classmate",
  enseignant: "teacher",
  professeur: "teacher",
  ancien_eleve: "alumni",
  anciens_eleves: "alumni",
  alumnus: "alumni",
  liste: "list",
  mailing_list: "list",
  reseau_social: "social_network",
};

export function sphereOf(raw: string): Sphere | undefined {
  return SPHERE_SYNONYMS[canonicalToken(raw)];
}

/** The subsphere token, or undefined when it belongs to no sphere (or not to `sphere` when given). */
export function subsphereOf(raw: string, sphere?: Sphere | null): string | undefined {
  const t = canonicalToken(raw);
  const token = SUBSPHERE_SYNONYMS[t] ?? t;
  const spheres = sphere ? [sphere] : SPHERES;
  return spheres.some((s) => SUBSPHERES[s].includes(token)) ? token : undefined;
}

/** The sphere a subsphere belongs to. */
export function sphereOfSubsphere(subsphere: string): Sphere | undefined {
  return SPHERES.find((s) => SUBSPHERES[s].includes(subsphere));
}

export const CHANNELS: readonly Channel[] = [
  "meeting",
  "phone",
  "email",
  "visio",
  "message",
  "event",
  "social",
  "other",
];

const CHANNEL_SYNONYMS: Readonly<Record<string, Channel>> = {
  reunion: "meeting",
  rendez_vous: "meeting",
  rdv: "meeting",
  rencontre: "meeting",
  telephone: "phone",
  appel: "phone",
  call: "phone",
  mail: "email",
  courriel: "email",
  e_mail: "email",
  video: "visio",
  visioconference: "visio",
  video_call: "visio",
  sms: "message",
  texto: "message",
  chat: "message",
  evenement: "event",
  salon: "event",
  social_network: "social",
  reseau_social: "social",
  autre: "other",
};

export function channelOf(raw: string): Channel | undefined {
  const t = canonicalToken(raw);
  return (CHANNELS as readonly string[]).includes(t) ? (t as Channel) : CHANNEL_SYNONYMS[t];
}

const INITIATOR_SYNONYMS: Readonly<Record<string, Initiator>> = {
  me: "me",
  moi: "me",
  self: "me",
  ego: "me",
  them: "them",
  eux: "them",
  lui: "them",
  elle: "them",
  contact: "them",
  other: "them",
  unknown: "unknown",
  inconnu: "unknown",
  "": "unknown",
};

export function initiatorOf(raw: string): Initiator | undefined {
  return INITIATOR_SYNONYMS[canonicalToken(raw)];
}
