import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IcsExportResult } from '../../../../src-shared/schemas/planner.schema';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';

type Scope = 'both' | 'programme' | 'people';
const SCOPES: readonly Scope[] = ['both', 'programme', 'people'];

/** Calendar files (.ics) for the programme and per person, written into a folder the coordinator picks. */
export function ExportSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [scope, setScope] = useState<Scope>('both');
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<IcsExportResult | null>(null);
  const [isCancelled, setIsCancelled] = useState(false);

  async function exportIcs() {
    setIsBusy(true);
    setIsCancelled(false);
    try {
      const { folder } = await invoke('dialog.chooseFolder', { purpose: 'calendar' });
      if (folder === null) {
        setIsCancelled(true);
        return;
      }
      const r = await invoke('planner.exportIcs', { programmeId, folder, scope });
      setResult(r);
      reportSuccess(t('planner.export.done', { count: r.files.length, folder: r.folder }));
    } catch (e) {
      reportError(e);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="planner-export">
      <p className="hint">{t('planner.export.hint')}</p>
      <fieldset className="field">
        <legend>{t('planner.export.scope')}</legend>
        <div className="checks">
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="ics-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {t(`planner.export.scopes.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" disabled={isBusy} onClick={() => void exportIcs()}>
          {isBusy ? t('planner.export.busy') : t('planner.export.button')}
        </button>
        {isCancelled ? <p className="muted">{t('planner.export.cancelled')}</p> : null}
      </div>
      {result ? (
        <section className="export-result" aria-labelledby="export-result-title">
          <h3 id="export-result-title">{t('planner.export.resultTitle', { count: result.files.length })}</h3>
          <p className="muted">
            {t('planner.export.folder')}: <code>{result.folder}</code>
          </p>
          <ul className="plain-list" aria-label={t('planner.export.files')}>
            {result.files.map((f) => (
              <li key={f.file}>
                <strong>{f.name}</strong> <span className="badge">{t(`planner.export.kinds.${f.kind}`)}</span> · {t('planner.export.events', { count: f.events })}
                <span className="cell-sub">
                  <code>{f.file.split(/[\\/]/).pop()}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
