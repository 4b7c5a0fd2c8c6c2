import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';

/** "Back up now" and restore from the list of backups; a restore first keeps the current state. */
export function BackupsCard() {
  const { t, i18n } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const backups = useApiQuery(() => invoke('backup.list', {}), []);
  const [isBusy, setIsBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  const run = async (action: () => Promise<string>) => {
    setIsBusy(true);
    try {
      reportSuccess(await action());
      backups.reload();
    } catch (e) {
      reportError(e);
    } finally {
      setIsBusy(false);
      setConfirming(null);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="card">
      <h2>{t('settings.backups')}</h2>
      <p className="hint">{t('settings.backupsHint')}</p>
      <button type="button" disabled={isBusy} onClick={() => void run(async () => t('settings.backupMade', { name: (await invoke('backup.create', {})).name }))}>
        {t('settings.backupNow')}
      </button>
      {backups.data && backups.data.length === 0 && <p className="muted">{t('settings.noBackups')}</p>}
      {backups.data && backups.data.length > 0 && (
        <table className="table" aria-label={t('settings.backups')}>
          <thead>
            <tr>
              <th scope="col">{t('settings.backupWhen')}</th>
              <th scope="col">{t('settings.backupReason')}</th>
              <th scope="col">{t('settings.backupSize')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {backups.data.slice(0, 30).map((b) => (
              <tr key={b.name}>
                <td>{when(b.createdAt)}</td>
                <td>{t(`settings.reason.${b.reason}`, { defaultValue: b.reason })}</td>
                <td>{(b.sizeBytes / 1024).toFixed(0)} kB</td>
                <td>
                  {confirming === b.name ? (
                    <span className="confirm" role="group">
                      <span>{t('settings.restoreConfirm')}</span>
                      <button type="button" className="danger" disabled={isBusy} onClick={() => void run(async () => {
                        await invoke('backup.restore', { name: b.name });
                        return t('settings.restored');
                      })}>
                        {t('settings.restore')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>{t('app.cancel')}</button>
                    </span>
                  ) : (
                    <button type="button" disabled={isBusy} onClick={() => setConfirming(b.name)}>{t('settings.restore')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
