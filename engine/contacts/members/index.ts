/** The animator's view of a member network: dropping members, pairs to introduce, size and growth. */
export * from "./activity.ts";
export * from "./meetingPairs.ts";
export * from "./memberNetwork.ts";
export * from "./memberships.ts";
export * from "./proximity.ts";
export * from "./selectivity.ts";
export * from "./valueChains.ts";
