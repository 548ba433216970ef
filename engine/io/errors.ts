/**
 * Errors caused by the user's input (a missing column, an unreadable file, nothing usable). The CLI
 * prints their message and exits 1 without a stack trace; any other error is a bug and shows one.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(message);
    this.name = "InputError";
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

export const isInputError = (error: unknown): error is InputError => error instanceof InputError;
