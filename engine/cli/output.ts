/**
 * What the commands print. `--json` prints one JSON document on stdout and nothing else; human output
 * goes to stdout, notes and progress to stderr. Exit codes: 0 done (quarantined rows included),
 * 1 bad input that stops the command, 2 usage error.
 */
import { isInputError } from "../io/errors.ts";

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** A usage mistake (unknown dataset, conflicting options): exit 2, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Two-column text table for the terminal. */
export function table(rows: ReadonlyArray<readonly [string, string | number]>, indent = "  "): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows
    .map(([k, v]) => `${indent}${k.padEnd(width)}  ${typeof v === "number" ? v.toLocaleString("en-US") : v}`)
    .join("\n");
}

/** Map an error to its exit code and message; bugs keep their stack trace. */
export function reportError(error: unknown): number {
  if (isInputError(error)) {
    note(`error: ${error.message}`);
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    note(`error: ${error.message}`);
    return EXIT.usage;
  }
  // commander has already printed its message (unknown option, invalid choice…): a usage error.
  const e = error as { code?: string };
  if (typeof e?.code === "string" && e.code.startsWith("commander.")) return EXIT.usage;
  note(`internal error (please report it): ${(error as Error)?.stack ?? String(error)}`);
  return 70;
}
