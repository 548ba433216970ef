/**
 * The contact database for animators (DOMAIN.md §7): import from contact-book CSV, vCard 2.1/3.0/4.0 and
 * social-network exports, deduplication with a merge report, segmentation by stated rules, fading
 * contacts, leaders of one's network, introductions, pseudonymised export and forgetting a person.
 */
export * from "./book.ts";
export * from "./contactRow.ts";
export * from "./contactsCsv.ts";
export * from "./contactsStore.ts";
export * from "./dedupe.ts";
export * from "./egoNetwork.ts";
export * from "./fading.ts";
export * from "./interactionsCsv.ts";
export * from "./introductions.ts";
export * from "./leaders.ts";
export * from "./members/index.ts";
export * from "./names.ts";
export * from "./phone.ts";
export * from "./pseudonymise.ts";
export * from "./review.ts";
export * from "./segments.ts";
export * from "./sources.ts";
export * from "./types.ts";
export * from "./vcard.ts";
export * from "./vcardText.ts";
export * from "./vocabulary.ts";
export * from "./windows.ts";
