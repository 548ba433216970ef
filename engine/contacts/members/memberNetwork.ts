/**
 * The animator's view of a member network (DOMAIN.md §7, issue 7 item 4): for one organisation (club,
 * grappe, zone association, chamber…), its members at asOf, the members whose activity is dropping
 * and those who left, the pairs of members who should meet, and its size against a selectivity
 * threshold with its growth. asOf defaults to the latest link date in the network, never the clock.
 * Each part is its own module: `activity.ts`, `meetingPairs.ts`, `valueChains.ts`, `proximity.ts`,
 * `selectivity.ts`.
 */
import { resolveAsOf } from "../../analyse/dynamics/dates.ts";
import { membersOf } from "../../analyse/structure/networkBridges.ts";
import { InputError } from "../../io/errors.ts";
import type { NetworkGraph } from "../../model/graph.ts";
import { reviewWindows, type Windows } from "../windows.ts";
import {
  type ActivityRules,
  DEFAULT_ACTIVITY_RULES,
  type DroppingMember,
  droppingMembers,
  type LeftMember,
  leftMembers,
  memberActivity,
} from "./activity.ts";
import { type MeetingPair, meetingPairs } from "./meetingPairs.ts";
import { membershipSpells, resolveOrganisation } from "./memberships.ts";
import { adjacencySets, type CommunePair } from "./proximity.ts";
import { DEFAULT_GROWTH_YEARS, DEFAULT_MAX_MEMBERS, type Selectivity, selectivity } from "./selectivity.ts";
import { CHAIN_KINDS, valueChains } from "./valueChains.ts";

export interface MemberNetworkOptions {
  /** ISO date; default the latest link start or end in the network. */
  asOf?: string | null;
  /** Window length in months. Default 12. */
  months?: number;
  activity?: Partial<ActivityRules>;
  /** Commune contiguity pairs; without them only members of the same commune can be paired. */
  adjacency?: Iterable<CommunePair>;
  /** Complementary division pairs added to the observed value chains. */
  complementary?: ReadonlyArray<readonly [string, string]>;
  /** Weight of a shared neighbour in the pair score. Default 1. */
  sharedWeight?: number;
  /** Default 60 (a convention, see `selectivity.ts`). */
  maxMembers?: number;
  /** Years of growth listed. Default 5. */
  years?: number;
}

export interface MemberNetworkReview {
  organisation: { id: string; name: string | null; kind: string; subtype: string | null };
  asOf: string;
  windows: Windows;
  rules: {
    activity: ActivityRules & { months: number; counted: string };
    pairs: { chainKinds: readonly string[]; sharedWeight: number; score: string };
    maxMembers: number;
    years: number;
  };
  members: string[];
  counts: { members: number; dropping: number; left: number; pairs: number; withoutNafOrCommune: number };
  dropping: DroppingMember[];
  left: LeftMember[];
  pairs: MeetingPair[];
  selectivity: Selectivity;
}

export function memberNetworkReview(
  network: NetworkGraph,
  organisationQuery: string,
  options: MemberNetworkOptions = {},
): MemberNetworkReview {
  const organisation = resolveOrganisation(network, organisationQuery);
  const asOf = resolveAsOf(network, options.asOf ?? null);
  if (asOf === null) throw new InputError("no link of the network is dated: give --as-of.");
  const months = options.months ?? 12;
  const windows = reviewWindows(asOf, months);
  const spells = membershipSpells(network, organisation);
  const members = membersOf(network, organisation, { at: asOf });
  const activityRules: ActivityRules = { ...DEFAULT_ACTIVITY_RULES, ...options.activity };
  const activity = memberActivity(network, organisation, members, windows);
  const chains = valueChains(network, { asOf, table: options.complementary });
  const sharedWeight = options.sharedWeight ?? 1;
  const pairs = meetingPairs(network, organisation, members, {
    asOf,
    adjacency: adjacencySets(options.adjacency ?? []),
    chains,
    sharedWeight,
  });
  const maxMembers = options.maxMembers ?? DEFAULT_MAX_MEMBERS;
  const years = options.years ?? DEFAULT_GROWTH_YEARS;
  const dropping = droppingMembers(activity, activityRules);
  const left = leftMembers(spells, windows);
  const attributes = network.getNodeAttributes(organisation);
  return {
    organisation: {
      id: organisation,
      name: attributes.name,
      kind: attributes.kind,
      subtype: attributes.subtype,
    },
    asOf,
    windows,
    rules: {
      activity: {
        ...activityRules,
        months,
        counted:
          "links of the member active on at least one day of a window (its membership of this organisation left out)",
      },
      pairs: {
        chainKinds: CHAIN_KINDS,
        sharedWeight,
        score:
          "sharedWeight x shared neighbours + proximity (same commune 1, adjacent 0.5) + affinity (same division 1; complementary 0.5 + 0.5 x chain links / largest chain)",
      },
      maxMembers,
      years,
    },
    members,
    counts: {
      members: members.length,
      dropping: dropping.length,
      left: left.length,
      pairs: pairs.length,
      withoutNafOrCommune: members.filter(
        (m) => !network.getNodeAttribute(m, "naf") || !network.getNodeAttribute(m, "commune"),
      ).length,
    },
    dropping,
    left,
    pairs,
    selectivity: selectivity(spells, asOf, { maxMembers, years }),
  };
}
