/**
 * The one IPC contract: every method the main process implements and the renderer may call.
 * Each feature keeps its methods in its own file; this map is the only list of what crosses the
 * process boundary, and both the preload and the preview host build `window.workbook` from it.
 */
import type { z } from 'zod';
import { backupsContract } from './backups';
import { contactsExchangeContract } from './contacts-exchange';
import { customersContract } from './customers';
import { distributionContract } from './distribution';
import { decisionsContract } from './decisions';
import { engagementContract } from './engagement';
import { outcomesContract } from './outcomes';
import { searchContract } from './search';
import { seriesContract } from './series';
import { joinParts, type MethodSpec } from './define';
import { reviewPackContract } from './review-pack';
import { exportContract } from './export';
import { meetingsContract } from './meetings';
import { registersContract } from './registers';
import { systemContract } from './system';
import { teamContract } from './team';

export const contract = joinParts(
  systemContract,
  customersContract,
  searchContract,
  exportContract,
  meetingsContract,
  backupsContract,
  reviewPackContract,
  registersContract,
  engagementContract,
  decisionsContract,
  outcomesContract,
  teamContract,
  distributionContract,
  contactsExchangeContract,
  seriesContract,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.freeze(Object.keys(contract)) as readonly MethodName[];

export type ArgOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedArgOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer R> ? R : never;

/** `window.workbook`: one promise-returning function per contract method. */
export type WorkbookApi = { readonly [K in MethodName]: (arg: ArgOf<K>) => Promise<ResultOf<K>> };

/** What the main process implements: the same methods, given already-validated arguments. */
export type WorkbookHandlers = {
  [K in MethodName]: (arg: ParsedArgOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
};

export * from './define';
