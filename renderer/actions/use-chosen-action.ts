import { useCallback, useRef, useState } from 'react';
import type { ActionRow, ActionWithTrail } from '../../shared/contract/meetings';
import type { ActionItem } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';

export interface ChosenAction {
  /** The row the BRM chose, marked in the list at once. */
  selectedId: string | null;
  /** That action whole with the meetings its trail names, once read; null until then. */
  chosen: ActionWithTrail | null;
  choose: (row: ActionRow) => void;
  /** The chosen action as a change outside a meeting left it. */
  changed: (action: ActionItem) => void;
}

/**
 * The action whose trail the register shows. The register lists rows without trails; the chosen one is
 * read whole. It stays as it was when chosen: a change of filter or page does not empty the trail panel.
 */
export function useChosenAction(onError: (error: unknown) => void): ChosenAction {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ActionWithTrail | null>(null);
  const latest = useRef<string | null>(null);

  const choose = useCallback(
    (row: ActionRow) => {
      latest.current = row.id;
      setSelectedId(row.id);
      api
        .getAction({ unitId: row.unitId, id: row.id })
        // A slower answer for a row chosen before the last is dropped.
        .then((whole) => latest.current === row.id && setChosen(whole))
        .catch(onError);
    },
    [onError],
  );
  const changed = useCallback(
    (action: ActionItem) => setChosen((c) => (c?.action.id === action.id ? { ...c, action } : c)),
    [],
  );
  return { selectedId, chosen: chosen?.action.id === selectedId ? chosen : null, choose, changed };
}
