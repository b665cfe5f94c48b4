import { z } from 'zod';

/**
 * Stable error codes that cross the contract boundary. The UI and tests match on these,
 * so a code is never renamed; add new ones instead.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractErrorShape = z.infer<typeof contractErrorSchema>;

/** One problem with an input field, shown next to the field it names. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Thrown by services and transports; serialised as { code, message, details? }. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ContractErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(shape: ContractErrorShape): ContractError {
    return new ContractError(shape.code, shape.message, shape.details);
  }
}

/** Converts zod issues into field issues the UI can place beside inputs. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issue.message,
  }));
}

/** The result envelope used by transports that cannot carry thrown errors (Electron IPC). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };
