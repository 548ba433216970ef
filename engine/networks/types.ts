/**
 * The registry of business networks ("network of networks", DOMAIN.md §8): what a chamber records about
 * every network it animates or knows, and the shapes of what `engine/networks/` computes from it.
 *
 * A registered network is an actor of the model (its organisation: kind `network_org`, `association` or
 * `chamber`); its members are the `membership` links of the model pointing to that actor, with their
 * start/end dates — the registry keeps no second membership list. Actions (meetings, visits,
 * trainings, projects, shared platforms, inter-network meetings) are the registry's own records.
 */
import type { NetworkSubtype } from "../model/vocabulary.ts";

/** The kinds a network can be registered as: the network subtypes plus a plain association or a chamber. */
export type NetworkType = NetworkSubtype | "association" | "chamber";

/**
 * Where a network's type comes from: written in the registry, or placed by the typology of its members
 * (classify/typology.ts) when the registry leaves it blank.
 */
export type TypeSource = "given" | "typology";

export interface RegisteredNetwork {
  /** The actor id of the network organisation (membership links point to it). */
  id: string;
  name: string | null;
  /** Null when the registry leaves it blank and no typology has placed it yet. */
  type: NetworkType | null;
  typeSource: TypeSource | null;
  /** INSEE commune codes the network serves (EPCI codes expanded to their communes), sorted, distinct. */
  territory: string[];
  /** The territory as written (commune and EPCI codes), for the record. */
  territoryGiven: string[];
  /** NAF codes at any level in dotted form ("25", "25.6", "25.62", "25.62A"); empty = all activities. */
  activities: string[];
  /** Who animates it (a person or an organisation, free text); null when unknown. */
  animator: string | null;
  /** ISO dates; null when unknown / still running. */
  founded: string | null;
  ended: string | null;
}

export const ACTION_KINDS = [
  "meeting",
  "visit",
  "training",
  "event",
  "project",
  "platform",
  "inter_network",
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface NetworkAction {
  /** Stable id (given, or a hash of networks, date, kind and title). */
  id: string;
  /** The network(s) that ran it: several for a joint or inter-network action. */
  networks: string[];
  /** ISO date. */
  date: string;
  kind: ActionKind;
  title: string | null;
  /** Actor ids of the participating firms/organisations (may be empty when only a count is known). */
  participants: string[];
  /** Attendance when only a count is known (null when the participants are listed). */
  attendance: number | null;
}

export interface Registry {
  networks: RegisteredNetwork[];
  actions: NetworkAction[];
}
