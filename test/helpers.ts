/** Test helpers: temporary folders and files. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function tempDir(prefix = "maillage-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write a file into a folder; strings are UTF-8, byte arrays are written as they are. */
export function writeIn(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Latin-1 / Windows-1252 bytes of a string made of characters below U+0100. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not a Latin-1 character: ${c}`);
    return code;
  });
}
