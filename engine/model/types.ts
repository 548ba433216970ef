/**
 * The data shapes of the model. Field names are the column names of the actors and links files
 * (`../README.md`, "Input"), so a record, a graph attribute and a CSV cell share one name.
 * Absent values are `null`, never `undefined` or `NaN`, so records serialise as they are.
 */

import type { SizeClass } from "./sizeClass.ts";
import {
  type ActorKind,
  DIRECTED_BY_DEFAULT,
  type Formality,
  type LinkCategory,
  type LinkKind,
  linkCategory,
  type NetworkSubtype,
  type Orientation,
} from "./vocabulary.ts";

export interface Actor {
  /** SIRET/SIREN for a firm when known, otherwise any stable identifier. */
  id: string;
  name: string | null;
  kind: ActorKind;
  /** Only for `network_org`: club, grappe, SPL, cluster, pôle… */
  subtype: NetworkSubtype | null;
  /** NAF rev.2 sub-class in official form `25.62A`. */
  naf: string | null;
  /** INSEE commune code, 5 characters. */
  commune: string | null;
  headcount: number | null;
  /** Derived from headcount (INSEE categories); never read from the file. */
  size_class: SizeClass | null;
  /** Founding year. */
  founded: number | null;
  /** Name of a public recognition or funding (e.g. "SPL", "pôle de compétitivité"); null when none. */
  public_label: string | null;
}

export interface Link {
  source: string;
  target: string;
  kind: LinkKind;
  /** Derived from the kind. */
  category: LinkCategory;
  /** Given, or derived (see `orientation.ts`); null when it cannot be told. */
  orientation: Orientation | null;
  formality: Formality | null;
  /** Intensity; 1 when not given. */
  weight: number;
  /** Interactions per year when known. */
  frequency: number | null;
  /** ISO dates `YYYY-MM-DD`; null for an open end. */
  start: string | null;
  end: string | null;
  /** Whether the link has a direction, source → target (defaults by kind, see `vocabulary.ts`). */
  directed: boolean;
  /** Where the information comes from (survey, press, registry…). */
  source_ref: string | null;
}

/** The fields of an actor record, in file and table order (the input columns plus derived `size_class`). */
export const ACTOR_RECORD_FIELDS = [
  "id",
  "name",
  "kind",
  "subtype",
  "naf",
  "commune",
  "headcount",
  "size_class",
  "founded",
  "public_label",
] as const satisfies ReadonlyArray<keyof Actor>;

/** The fields of a link record, in table order (the input columns plus derived `category`). */
export const LINK_RECORD_FIELDS = [
  "source",
  "target",
  "kind",
  "category",
  "orientation",
  "formality",
  "weight",
  "frequency",
  "start",
  "end",
  "directed",
  "source_ref",
] as const satisfies ReadonlyArray<keyof Link>;

/** Attributes of a graph edge: the link without its ends. */
export type LinkAttributes = Omit<Link, "source" | "target">;
/** Attributes of a graph node: the actor without its id (the node key). */
export type ActorAttributes = Omit<Actor, "id">;

/** Identity of a link for idempotent re-import: (source, target, kind, start). */
export function linkKey(link: Pick<Link, "source" | "target" | "kind" | "start">): string {
  return JSON.stringify([link.source, link.target, link.kind, link.start ?? ""]);
}

/** An actor with every optional field empty. */
export function blankActor(id: string, kind: ActorKind = "unspecified"): Actor {
  return {
    id,
    name: null,
    kind,
    subtype: null,
    naf: null,
    commune: null,
    headcount: null,
    size_class: null,
    founded: null,
    public_label: null,
  };
}

/**
 * A link of `kind` with the category its kind gives and its kind's default direction, every optional
 * field empty (weight 1) unless `fields` says otherwise.
 */
export function blankLink(source: string, target: string, kind: LinkKind, fields: Partial<Link> = {}): Link {
  return {
    source,
    target,
    kind,
    category: linkCategory(kind),
    orientation: null,
    formality: null,
    weight: 1,
    frequency: null,
    start: null,
    end: null,
    directed: DIRECTED_BY_DEFAULT.has(kind),
    source_ref: null,
    ...fields,
  };
}
