import { useEffect, useState } from 'react';
import type { SearchResults } from '../../shared/contract/search';
import { api } from '../platform/workbook-api';

/** Waits for a pause in typing, so a fast typist sends one search rather than one per key. */
const DEBOUNCE_MS = 120;
const HITS_PER_KIND = 5;

export interface WorkbookSearch {
  results: SearchResults | null;
  searching: boolean;
  error: string | null;
}

/** Searches the workbook for `query` after a short pause; answers to older queries are dropped. */
export function useWorkbookSearch(query: string): WorkbookSearch {
  const [state, setState] = useState<WorkbookSearch>({ results: null, searching: false, error: null });
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) {
      setState({ results: null, searching: false, error: null });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      api
        .search({ query: trimmed, limit: HITS_PER_KIND })
        .then((results) => {
          if (current) setState({ results, searching: false, error: null });
        })
        .catch((error: unknown) => {
          if (current) {
            setState({
              results: null,
              searching: false,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  return state;
}
