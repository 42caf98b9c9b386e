import type { z } from 'zod';

/**
 * One method of the contract: the schema its single argument must satisfy (checked at runtime in the
 * main process) and, as a type only, what it resolves to. Results come from the trusted side and are
 * not re-validated.
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Phantom: never set at runtime, it only carries the result type. */
  readonly result?: R;
}

export const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });

export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'storage'
  | 'read-only'
  | 'unknown-method'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by the dotted path of the field in the argument. */
  fieldErrors?: Record<string, string>;
}

/** What crosses the process boundary: never a thrown error, always an envelope. */
export type Envelope<R = unknown> = { ok: true; value: R } | { ok: false; error: WireError };

/** Thrown in the renderer by the API proxy, and in the service layer by domain rules. */
export class WorkbookError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string>) {
    super(message);
    this.name = 'WorkbookError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  toWire(): WireError {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }
}

/** Turns a zod failure into a message a person can act on, plus per-field messages for forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

type IntersectionOf<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;

/**
 * Joins per-feature maps (contract parts, handler sets) into one. A spread would let a later feature's
 * method silently replace an earlier one of the same name; joining refuses that at start instead.
 */
export function joinParts<P extends readonly object[]>(...parts: P): IntersectionOf<P[number]> {
  const joined: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(joined, name)) throw new Error(`Two features both define the method "${name}".`);
      joined[name] = value;
    }
  }
  return joined as IntersectionOf<P[number]>;
}
