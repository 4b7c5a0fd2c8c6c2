import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Delete with an inline second step instead of a blocking browser dialog. */
export function DeleteButton({ name, onConfirm }: { name: string; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  if (!isAsking) {
    return (
      <button type="button" className="danger" onClick={() => setIsAsking(true)}>
        {t('app.delete')}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={t('app.confirmDelete', { name })}>
      <span>{t('app.confirmDelete', { name })}</span>
      <button
        type="button"
        className="danger"
        disabled={isBusy}
        onClick={() => {
          setIsBusy(true);
          void onConfirm().finally(() => {
            setIsBusy(false);
            setIsAsking(false);
          });
        }}
      >
        {t('app.delete')}
      </button>
      <button type="button" onClick={() => setIsAsking(false)}>
        {t('app.cancel')}
      </button>
    </span>
  );
}
