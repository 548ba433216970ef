/** Reading the contact fixtures in the order an import would take them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContactRead } from "../../engine/contacts/contactsCsv.ts";
import type { InteractionRead } from "../../engine/contacts/interactionsCsv.ts";
import { parseContactFile } from "../../engine/contacts/sources.ts";

export const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "contacts", name);

export const CONTACT_FIXTURES = [
  "contacts-latin1.csv",
  "android-2.1.vcf",
  "iphone-3.0.vcf",
  "google-4.0.vcf",
  "nokia-2.1-latin1.vcf",
  "broken.vcf",
  "Connections.csv",
];

export function readFixtures(names: readonly string[] = [...CONTACT_FIXTURES, "interactions.csv"]) {
  const contacts: ContactRead[] = [];
  const interactions: InteractionRead[] = [];
  for (const name of names) {
    const file = fixture(name);
    const r = parseContactFile(readFileSync(file), file);
    if (r.kind === "interactions") interactions.push(r.read);
    else contacts.push(r.read);
  }
  return { contacts, interactions };
}

export function rouenFiles() {
  const root = join(import.meta.dirname, "..", "..", "datasets", "rouen");
  return {
    contacts: join(root, "contacts", "contacts.csv"),
    interactions: join(root, "contacts", "interactions.csv"),
    actors: join(root, "actors.csv"),
    links: join(root, "links.csv"),
    truth: join(root, "truth.json"),
  };
}
