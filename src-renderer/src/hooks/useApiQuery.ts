import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotices } from './useNotices';

export interface ApiQuery<T> {
  data: T | undefined;
  isLoading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * Loads data through the api and reloads when `deps` change. Only the newest request may set the
 * result: a slow answer for an old search must not overwrite the answer for the current one.
 * Failures go to the shell's alert region as well as `error`, so no screen stays silently empty.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiQuery<T> {
  const { reportError } = useNotices();
  const [data, setData] = useState<T | undefined>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reportRef = useRef(reportError);
  reportRef.current = reportError;

  useEffect(() => {
    const seq = ++latest.current;
    setIsLoading(true);
    loadRef.current().then(
      (value) => {
        if (seq !== latest.current) return;
        setData(value);
        setError(null);
        setIsLoading(false);
      },
      (e: unknown) => {
        if (seq !== latest.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setIsLoading(false);
        reportRef.current(e);
      },
    );
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, isLoading, error, reload };
}
