import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentExportResult, DocumentRequest, DocumentSet, ExportMode } from '../../../../src-shared/schemas/documents.schema';
import { DOCUMENT_SETS, EXPORT_MODES } from '../../../../src-shared/schemas/documents.schema';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { PreviewPage } from './PreviewPage';

/** Who is selected in the lists on the left. */
export type Selection = { kind: 'participant'; personId: number; name: string; hostId: number; hostName: string } | { kind: 'host'; organisationId: number; name: string } | null;

interface Props {
  programmeId: number;
  selection: Selection;
  /** Bumped when the data behind the documents changed (consents marked), so the preview reloads. */
  generation: number;
  onExported: () => void;
}

/**
 * What to make and for whom, the preview of its first page, and the export into a folder the
 * coordinator chooses. The count of documents comes from the preview, so the busy state can say how
 * many are being written.
 */
export function ExportPanel({ programmeId, selection, generation, onExported }: Props) {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [set, setSet] = useState<DocumentSet>('programme');
  const [isWhole, setIsWhole] = useState(false);
  const [mode, setMode] = useState<ExportMode>('per-person');
  const [exporting, setExporting] = useState<number | null>(null);
  const [written, setWritten] = useState<DocumentExportResult | null>(null);

  const request = toRequest(programmeId, set, isWhole ? null : selection);
  const key = JSON.stringify(request);
  const preview = useApiQuery(() => invoke('documents.preview', request), [key, generation]);
  const shown = preview.data && !preview.isLoading ? preview.data : null;
  const scopeName = selection === null ? '' : selection.kind === 'participant' && set === 'host-overview' ? selection.hostName : selection.name;

  async function exportDocuments() {
    setWritten(null);
    try {
      const { folder } = await invoke('dialog.chooseFolder', { purpose: 'documents' });
      if (folder === null) {
        reportSuccess(t('documents.exportCancelled'));
        return;
      }
      setExporting(preview.data?.documents ?? 0);
      const r = await invoke('documents.export', { ...request, mode, folder });
      setWritten(r);
      reportSuccess(t('documents.exported', { count: r.files.length, folder: r.folder }));
      if (r.consentsMarkedSent > 0) reportSuccess(t('documents.markedSent', { count: r.consentsMarkedSent }));
      onExported();
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(null);
    }
  }

  return (
    <aside className="panel card documents-panel" aria-labelledby="make-title">
      <h2 id="make-title">{t('documents.makeTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void exportDocuments();
        }}
      >
        <div className="field">
          <label htmlFor="document-set">{t('documents.document')}</label>
          <select id="document-set" value={set} onChange={(e) => setSet(e.target.value as DocumentSet)}>
            {DOCUMENT_SETS.map((s) => (
              <option key={s} value={s}>
                {t(`documents.sets.${s}`)}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="field">
          <legend>{t('documents.scope')}</legend>
          <div className="checks checks-column">
            <label className="check">
              <input type="radio" name="document-scope" checked={!isWhole && selection !== null} disabled={selection === null} onChange={() => setIsWhole(false)} />
              {selection === null ? t('documents.scopeChoose') : t(`documents.scopes.${selection.kind === 'participant' && set === 'host-overview' ? 'host' : selection.kind}`, { name: scopeName })}
            </label>
            <label className="check">
              <input type="radio" name="document-scope" checked={isWhole || selection === null} onChange={() => setIsWhole(true)} />
              {t('documents.scopes.programme')}
            </label>
          </div>
          {selection?.kind === 'participant' && set === 'host-overview' && !isWhole ? <p className="hint">{t('documents.hostOverviewPerHost', { name: selection.hostName })}</p> : null}
        </fieldset>

        <fieldset className="field">
          <legend>{t('documents.mode')}</legend>
          <div className="checks checks-column">
            {EXPORT_MODES.map((m) => (
              <label key={m} className="check">
                <input type="radio" name="document-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`documents.modes.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="actions">
          <button type="submit" className="primary" disabled={exporting !== null || !shown}>
            {t('documents.export')}
          </button>
          {shown ? <span className="muted small">{t('documents.exportCount', { count: shown.documents })}</span> : null}
        </div>
        <p className="hint">{t('documents.auditNote')}</p>
      </form>

      <div aria-live="polite">
        {exporting !== null ? (
          <div className="export-progress" role="status">
            <progress aria-label={t('documents.exporting', { count: exporting })} />
            <span>{t('documents.exporting', { count: exporting })}</span>
          </div>
        ) : null}
        {written ? (
          <div className="written" role="group" aria-labelledby="written-title">
            <h3 id="written-title">{t('documents.writtenTitle')}</h3>
            <p className="cell-sub">{written.folder}</p>
            <ul className="written-files">
              {written.files.map((f) => (
                <li key={f.file}>{f.name}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <section className="preview" aria-labelledby="preview-title" aria-busy={preview.isLoading}>
        <h3 id="preview-title">{t('documents.previewTitle')}</h3>
        {shown ? (
          <>
            <p className="muted small">
              {t('documents.previewLanguage', { language: t(`documents.languages.${shown.language}`) })}
            </p>
            <div className="doc-frame">
              <PreviewPage preview={shown} />
            </div>
          </>
        ) : (
          <p className="muted">{preview.isLoading ? t('documents.previewLoading') : (preview.error ?? '')}</p>
        )}
      </section>
    </aside>
  );
}

/** The request for the current choice; a host overview for a participant is their host's overview. */
function toRequest(programmeId: number, set: DocumentSet, selection: Selection): DocumentRequest {
  if (selection === null) return { programmeId, set, scope: { kind: 'programme' } };
  if (selection.kind === 'host') return { programmeId, set, scope: { kind: 'host', organisationId: selection.organisationId } };
  if (set === 'host-overview') return { programmeId, set, scope: { kind: 'host', organisationId: selection.hostId } };
  return { programmeId, set, scope: { kind: 'participant', personId: selection.personId } };
}
