import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { formatDateTime } from '../matching/format';

interface Props {
  programmeId: number;
  /** Bumped by the wizard after a commit so the new import shows up. */
  generation: number;
}

/** The imports of one programme, newest first, each with undo behind a confirmation. */
export function ImportHistory({ programmeId, generation }: Props) {
  const { t, i18n } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const history = useApiQuery(() => invoke('import.history', { programmeId }), [programmeId, generation]);
  const list = history.data ?? [];

  async function undo(id: number, fileName: string) {
    try {
      await invoke('import.undo', { id });
      reportSuccess(t('importer.undone', { file: fileName }));
    } catch (e) {
      reportError(e);
    } finally {
      history.reload();
    }
  }

  return (
    <section className="card import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('importer.historyTitle')}</h2>
      {history.data && list.length === 0 ? <p className="muted">{t('importer.historyEmpty')}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="import-history">
            <caption className="visually-hidden">{t('importer.historyTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importer.historyWhen')}</th>
                <th scope="col">{t('importer.historyFile')}</th>
                <th scope="col">{t('importer.historyKind')}</th>
                <th scope="col">{t('importer.historyResult')}</th>
                <th scope="col">{t('importer.historyStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} className={r.undoneAt ? 'is-undone' : undefined}>
                  <td>{formatDateTime(r.createdAt, i18n.language)}</td>
                  <th scope="row">{r.fileName}</th>
                  <td>{t(`importer.kindShort.${r.kind}`)}</td>
                  <td>{t('importer.historyResultText', { created: r.summary.created, updated: r.summary.updated, rejected: r.summary.rejected })}</td>
                  <td>
                    {r.undoneAt ? (
                      <span className="muted">{t('importer.undoneAt', { when: formatDateTime(r.undoneAt, i18n.language) })}</span>
                    ) : (
                      <div className="history-status">
                        <span className="badge">{t('importer.active')}</span>
                        <ConfirmButton
                          label={t('importer.undo')}
                          question={t('importer.undoQuestion', { file: r.fileName })}
                          confirmLabel={t('importer.undoConfirm')}
                          cancelLabel={t('app.cancel')}
                          busyLabel={t('importer.undoing')}
                          onConfirm={() => undo(r.id, r.fileName)}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
