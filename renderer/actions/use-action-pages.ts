import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionRegister, ActionRow, ActionSort } from '../../shared/contract/meetings';
import type { MeetingRef } from '../../shared/domain/action-trail';
import type { ActionStatus } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';

/** Rows fetched per call: a few screens of the register, small enough to answer at once. */
export const ACTION_PAGE_SIZE = 200;

export interface ActionFilter {
  unitId: string | null;
  owner: string | null;
  statuses: ActionStatus[];
  today: string;
  overdueOnly: boolean;
  latestFirst: boolean;
  sort: ActionSort;
}

export interface ActionPages {
  /** How many actions pass the filter, and how many exist; null until the first page arrived. */
  counts: { matching: number; total: number } | null;
  owners: string[];
  /** Every meeting the fetched actions were raised in. */
  meetings: Record<string, MeetingRef>;
  /** The action at a position of the filtered list, once its page is fetched. */
  actionAt: (index: number) => ActionRow | undefined;
  /** Asks for the pages holding these positions (the rows on screen) if they are not there yet. */
  ensure: (fromIndex: number, toIndex: number) => void;
}

interface Loaded {
  key: string;
  matching: number;
  total: number;
  owners: string[];
  pages: Map<number, ActionRow[]>;
  meetings: Record<string, MeetingRef>;
}

/**
 * The action register, fetched a page at a time: ten years hold tens of thousands of actions, and the
 * virtualised list only ever shows a screenful. A change of filter starts again from the first page.
 */
export function useActionPages(
  filter: ActionFilter,
  onError: (error: unknown) => void,
  /** Bumped after a change: every page is fetched again. */
  revision = 0,
): ActionPages {
  const filterKey = JSON.stringify(filter);
  const key = `${revision}:${filterKey}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const requested = useRef<{ key: string; pages: Set<number> }>({ key: '', pages: new Set() });

  const fetchPage = useCallback(
    (page: number) => {
      if (requested.current.key !== key) requested.current = { key, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      const parsed = JSON.parse(filterKey) as ActionFilter;
      api
        .listActions({ ...parsed, page: { offset: page * ACTION_PAGE_SIZE, limit: ACTION_PAGE_SIZE } })
        .then((register: ActionRegister) => {
          // A reply for a filter the BRM has already changed is dropped.
          if (requested.current.key !== key) return;
          setLoaded((previous) => {
            const base =
              previous?.key === key ? previous : { key, pages: new Map<number, ActionRow[]>(), meetings: {} };
            const pages = new Map(base.pages).set(page, register.actions);
            return {
              key,
              matching: register.matching,
              total: register.total,
              owners: register.owners,
              pages,
              meetings: { ...base.meetings, ...register.meetings },
            };
          });
        })
        .catch((error: unknown) => {
          requested.current.pages.delete(page);
          onError(error);
        });
    },
    [key, filterKey, onError],
  );

  useEffect(() => fetchPage(0), [fetchPage]);

  const current = loaded?.key === key ? loaded : null;
  const ensure = useCallback(
    (fromIndex: number, toIndex: number) => {
      if (toIndex < fromIndex) return;
      const last = Math.floor(toIndex / ACTION_PAGE_SIZE);
      for (let page = Math.floor(fromIndex / ACTION_PAGE_SIZE); page <= last; page++) fetchPage(page);
    },
    [fetchPage],
  );
  const actionAt = useCallback(
    (index: number) => current?.pages.get(Math.floor(index / ACTION_PAGE_SIZE))?.[index % ACTION_PAGE_SIZE],
    [current],
  );

  return {
    counts: current ? { matching: current.matching, total: current.total } : null,
    // Owners stay while another filter loads, so the owner menu keeps its choice.
    owners: loaded?.owners ?? [],
    meetings: current?.meetings ?? {},
    actionAt,
    ensure,
  };
}
