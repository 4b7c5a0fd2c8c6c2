import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';
import { ConfirmButton } from './ConfirmButton';

/**
 * Retention: per programme its end, how long its personal data is kept and whether that time has
 * passed, with what a purge would remove; one confirmed button purges every expired programme
 * (database and backups). The period itself is set in the programme's editor.
 */
export function RetentionCard() {
  const { t, i18n } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const preview = useApiQuery(() => invoke('retention.preview', {}), []);
  const day = (iso: string | null) => (iso ? new Date(`${iso}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '–');
  const total = preview.data?.total;
  const hasWork = total !== undefined && total.peopleToErase + total.peopleToUnlink + total.applications + total.placements > 0;

  return (
    <div className="card" data-testid="retention-card">
      <h2>{t('settings.retention')}</h2>
      <p className="hint">{t('settings.retentionHint')}</p>
      {preview.data && preview.data.programmes.length === 0 && <p className="muted">{t('settings.retentionNoProgrammes')}</p>}
      {preview.data && preview.data.programmes.length > 0 && (
        <table className="table" aria-label={t('settings.retention')}>
          <thead>
            <tr>
              <th scope="col">{t('settings.retentionProgramme')}</th>
              <th scope="col">{t('settings.retentionMonths')}</th>
              <th scope="col">{t('settings.retentionEnded')}</th>
              <th scope="col">{t('settings.retentionKeptUntil')}</th>
              <th scope="col">{t('settings.retentionState')}</th>
              <th scope="col">{t('settings.retentionWouldRemove')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.data.programmes.map((p) => (
              <tr key={p.programmeId} data-status={p.status}>
                <td>{p.name}</td>
                <td>{p.retentionMonths ?? '–'}</td>
                <td>{day(p.endedOn)}</td>
                <td>{day(p.keptUntil)}</td>
                <td>{t(`settings.retentionStatus.${p.status}`)}</td>
                <td>
                  {p.status === 'expired'
                    ? t('settings.retentionCounts', { erase: p.counts.peopleToErase, unlink: p.counts.peopleToUnlink, applications: p.counts.applications })
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.data && !hasWork && <p className="muted">{t('settings.retentionNothing')}</p>}
      {total && hasWork && (
        <ConfirmButton
          label={t('settings.retentionPurge')}
          question={t('settings.retentionConfirm', { erase: total.peopleToErase, unlink: total.peopleToUnlink, applications: total.applications })}
          confirmLabel={t('settings.retentionPurge')}
          cancelLabel={t('app.cancel')}
          onConfirm={async () => {
            try {
              const r = await invoke('retention.purge', {});
              reportSuccess(t('settings.retentionPurged', { erase: r.erased, unlink: r.unlinked, backups: r.backupsCleaned }));
            } catch (e) {
              reportError(e);
            } finally {
              preview.reload();
            }
          }}
        />
      )}
    </div>
  );
}
