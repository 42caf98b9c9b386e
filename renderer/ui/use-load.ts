import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './use-form';

/**
 * Data a view fetches for itself (a register list, the dashboard): loaded when the view opens or its inputs
 * change, and reloaded after the view changes something.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(
    () =>
      run()
        .then((value) => {
          setData(value);
          setError(null);
        })
        .catch((e: unknown) => setError(messageOf(e))),
    [run],
  );
  useEffect(() => {
    let live = true;
    run()
      .then((value) => {
        if (live) {
          setData(value);
          setError(null);
        }
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [run]);
  return { data, error, reload };
}
