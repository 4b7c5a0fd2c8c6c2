import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentExportResult, DocumentRequest, DocumentSet, ExportMode } from '../../../../src-shared/schemas/documents.schema';
import { DOCUMENT_SETS, EXPORT_MODES } from '../../../../src-shared/schemas/documents.schema';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke, newRunId, on } from '../../lib/api';
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
 * coordinator chooses. While the export runs, the main process reports each document written
 * ('task.progress' events for this run's id) and the coordinator can stop it; the count from the
 * preview fills the bar until the first event arrives.
 */
export function ExportPanel({ programmeId, selection, generation, onExported }: Props) {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [set, setSet] = useState<DocumentSet>('programme');
  const [isWhole, setIsWhole] = useState(false);
  const [mode, setMode] = useState<ExportMode>('per-person');
  // The last export: its id (to match events and to stop it), how far it came and whether it still runs.
  // Only progress events move the bar; it stays, full, once the export ended.
  const [run, setRun] = useState<{ runId: string; done: number; total: number | null; isRunning: boolean; isStopping: boolean } | null>(null);
  const [written, setWritten] = useState<DocumentExportResult | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);

  const request = toRequest(programmeId, set, isWhole ? null : selection);
  const key = JSON.stringify(request);
  const preview = useApiQuery(() => invoke('documents.preview', request), [key, generation]);
  const shown = preview.data && !preview.isLoading ? preview.data : null;
  const scopeName = selection === null ? '' : selection.kind === 'participant' && set === 'host-overview' ? selection.hostName : selection.name;

  async function exportDocuments() {
    setWritten(null);
    const runId = newRunId();
    try {
      const { folder } = await invoke('dialog.chooseFolder', { purpose: 'documents' });
      if (folder === null) {
        reportSuccess(t('documents.exportCancelled'));
        return;
      }
      setRun({ runId, done: 0, total: preview.data?.documents ?? null, isRunning: true, isStopping: false });
      unsubscribe.current?.();
      const stopListening = on('task.progress', (p) => {
        if (p.runId !== runId) return;
        setRun((now) => (now && now.runId === runId && p.done >= now.done ? { ...now, done: p.done, total: p.total } : now));
        // The answer and the events travel separately (over HTTP in the test host): listen until the last one.
        if (p.done === p.total) stopListening();
      });
      unsubscribe.current = stopListening;
      const r = await invoke('documents.export', { ...request, mode, folder, runId });
      setWritten(r);
      if (r.isCancelled) {
        // The bar shows what stays: the documents in whole files (a half-written file was removed).
        stopListening();
        setRun((now) => (now && now.runId === runId ? { ...now, done: r.documents } : now));
        reportSuccess(t('documents.stopped', { count: r.files.length }));
      } else {
        reportSuccess(t('documents.exported', { count: r.files.length, folder: r.folder }));
        if (r.consentsMarkedSent > 0) reportSuccess(t('documents.markedSent', { count: r.consentsMarkedSent }));
      }
      setRun((now) => (now && now.runId === runId ? { ...now, isRunning: false, isStopping: false } : now));
      onExported();
    } catch (e) {
      unsubscribe.current?.();
      setRun((now) => (now && now.runId === runId ? null : now));
      reportError(e);
    }
  }

  async function stopExport() {
    if (!run?.isRunning) return;
    const { runId } = run;
    setRun((now) => (now && now.runId === runId ? { ...now, isStopping: true } : now));
    try {
      await invoke('documents.cancelExport', { runId });
    } catch (e) {
      reportError(e);
    }
  }

  const isRunning = run?.isRunning ?? false;

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
          <button type="submit" className="primary" disabled={isRunning || !shown}>
            {t('documents.export')}
          </button>
          {shown ? <span className="muted small">{t('documents.exportCount', { count: shown.documents })}</span> : null}
        </div>
        <p className="hint">{t('documents.auditNote')}</p>
      </form>

      <div aria-live="polite">
        {run ? (
          <div className="export-progress" role="status">
            {run.total === null ? (
              <>
                <progress aria-label={t('documents.progressLabel')} />
                <span>{t('documents.progressDone', { count: run.done })}</span>
              </>
            ) : (
              <>
                <progress aria-label={t('documents.progressLabel')} aria-valuetext={t('documents.progress', { done: run.done, total: run.total })} max={Math.max(1, run.total)} value={run.done} />
                <span>{t('documents.progress', { done: run.done, total: run.total })}</span>
              </>
            )}
            {run.isRunning ? (
              <button type="button" className="small-button" disabled={run.isStopping} onClick={() => void stopExport()}>
                {run.isStopping ? t('documents.stopping') : t('documents.stop')}
              </button>
            ) : null}
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
