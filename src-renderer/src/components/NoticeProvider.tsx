import { createContext, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../lib/api';

export interface Notice {
  id: number;
  kind: 'error' | 'success';
  text: string;
}

export interface Notices {
  notices: Notice[];
  /** Shows the message of a failed call (the error envelope's message) in the alert region. */
  reportError: (e: unknown) => void;
  reportSuccess: (text: string) => void;
  dismiss: (id: number) => void;
}

export const NoticeContext = createContext<Notices | null>(null);

/** Holds the messages shown in the alert and status regions of the shell. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const push = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextId.current++;
    // The same failure reported twice (e.g. two lists failing at once) is shown once.
    setNotices((list) => [...list.filter((n) => !(n.kind === kind && n.text === text)), { id, kind, text }].slice(-4));
  }, []);

  const value = useMemo<Notices>(
    () => ({
      notices,
      reportError: (e) => push('error', errorMessage(e)),
      reportSuccess: (text) => push('success', text),
      dismiss: (id) => setNotices((list) => list.filter((n) => n.id !== id)),
    }),
    [notices, push],
  );
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}
