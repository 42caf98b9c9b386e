import type { z } from 'zod';
import {
  contract,
  fieldErrorsOf,
  WorkbookError,
  type Envelope,
  type MethodName,
  type WorkbookHandlers,
} from '../../shared/contract';
import { originOf } from '../../shared/contract/origin';
import { describeFsError } from './store/store-files';

/** Who is calling: the frame's URL and whether it is the top-level frame. */
export interface Sender {
  url: string | null;
  isMainFrame: boolean;
}

export type Dispatch = (sender: Sender, method: unknown, arg: unknown) => Promise<Envelope>;

/** Only the app's own top-level page may call: not an iframe, not a page it navigated to. */
export function isTrustedSender(sender: Sender, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  const origin = originOf(sender.url);
  return origin !== null && trustedOrigins.includes(origin);
}

const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/**
 * The one entry point for every call from the renderer, under IPC and under the preview host alike:
 * sender check, method lookup, argument validation, then the handler. Never throws: every failure
 * becomes an error envelope with a message a person can read.
 */
export function createDispatch(
  handlers: WorkbookHandlers,
  trustedOrigins: readonly string[],
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): Dispatch {
  return async (sender, method, arg) => {
    if (!isTrustedSender(sender, trustedOrigins)) {
      return fail(new WorkbookError('forbidden', 'This call did not come from the BRM Workbook window.'));
    }
    if (!isMethodName(method)) {
      return fail(
        new WorkbookError('unknown-method', `There is no operation called "${String(method).slice(0, 80)}".`),
      );
    }
    const parsed = (contract[method].input as z.ZodType).safeParse(arg);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      const first = Object.entries(fieldErrors).find(([key]) => key !== '_')?.[1];
      // A request that is not even an object comes from a bug or a hostile page, never from a form.
      const message = first
        ? `Not saved: ${first}`
        : 'That request was not in the form BRM Workbook expects. Nothing was changed.';
      return fail(new WorkbookError('invalid-input', message, fieldErrors));
    }
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof WorkbookError) return fail(error);
      // A document or export written outside the store (a read-only or full exports folder): say what the disk said.
      if (isFsError(error)) {
        return fail(
          new WorkbookError(
            'storage',
            `The file could not be written: ${describeFsError(error)}. Nothing in the workbook was changed.`,
          ),
        );
      }
      log(`Handler ${method} failed`, error);
      return fail(
        new WorkbookError('internal', 'Something went wrong in BRM Workbook. Nothing was changed.'),
      );
    }
  };
}

const fail = (error: WorkbookError): Envelope => ({ ok: false, error: error.toWire() });

const FS_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EBUSY', 'EIO', 'ENOENT']);

const isFsError = (error: unknown): boolean =>
  error instanceof Error && FS_ERROR_CODES.has((error as NodeJS.ErrnoException).code ?? '');
