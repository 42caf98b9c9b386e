import type { ActionItem } from '../../../shared/domain/meetings';
import type { ShardStore } from './shard-store';
import { unitDigest, type DigestSpec, type UnitDigest } from './unit-digest';

export const OPEN_ACTIONS_FILE = '.open-actions.json';

/** The statuses an open action has. */
export const OPEN_STATUSES: ReadonlySet<string> = new Set(['open', 'in-progress']);

/** What the action register needs of one unit file when it asks only for open actions. */
export interface OpenActionsEntry {
  /** The unit's open and in-progress actions, in file order. */
  open: ActionItem[];
  /** Every owner named by any of the unit's actions (the register's owner filter lists them all). */
  owners: string[];
  /** How many actions the unit has in all. */
  total: number;
}

/**
 * The open actions of every unit, in `units/.open-actions.json`: the first question after the start that
 * needs only open actions (the dashboard, the register as it opens) is answered without waiting for every
 * unit file. Small, so it is read as the workbook opens.
 */
const OPEN_ACTIONS: DigestSpec<OpenActionsEntry> = {
  file: OPEN_ACTIONS_FILE,
  derived: 'open-actions',
  // 2: the entry is kept under `entry`, beside its stamp (the digest's shape shared with the action rows).
  format: 2,
  readAtStart: true,
  make: (actions) => ({
    open: actions.filter((action) => OPEN_STATUSES.has(action.status)),
    owners: [...new Set(actions.map((action) => action.owner).filter(Boolean))],
    total: actions.length,
  }),
  fits: (entry) =>
    Array.isArray(entry.open) && Array.isArray(entry.owners) && typeof entry.total === 'number',
};

/** The one open-actions summary of a store (several services ask it; one keeps it). */
export function openActionsSummary(store: ShardStore): UnitDigest<OpenActionsEntry> {
  return unitDigest(store, OPEN_ACTIONS);
}
