import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../lib/api';
import { useNotices } from '../hooks/useNotices';

/** First start: open the demo or begin with an empty database. Closes only after a choice worked. */
export function FirstStartDialog({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  // A modal <dialog> keeps focus inside and makes the page behind it inert until a choice is made.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function choose(choice: 'demo' | 'empty') {
    setBusy(choice);
    setError(null);
    try {
      if (choice === 'demo') {
        const r = await invoke('demo.load', {});
        reportSuccess(t('firstStart.demoLoaded', { programmes: r.programmes.length, organisations: r.organisations, people: r.people }));
      } else {
        await invoke('app.startEmpty', {});
      }
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      reportError(e);
      setBusy(null);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="first-start-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="first-start-title">{t('firstStart.title')}</h2>
      <p>{t('firstStart.intro')}</p>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <div className="choices">
        <div className="choice">
          <button type="button" className="primary" autoFocus disabled={busy !== null} onClick={() => void choose('demo')}>
            {busy === 'demo' ? t('firstStart.loadingDemo') : t('firstStart.demoTitle')}
          </button>
          <p className="muted">{t('firstStart.demoText')}</p>
        </div>
        <div className="choice">
          <button type="button" disabled={busy !== null} onClick={() => void choose('empty')}>
            {t('firstStart.emptyTitle')}
          </button>
          <p className="muted">{t('firstStart.emptyText')}</p>
        </div>
      </div>
    </dialog>
  );
}
