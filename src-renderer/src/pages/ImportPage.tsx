import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_REJECTION_REASONS, type FileRejectionReason, type ImportKind, type UnresolvedChoice } from '../../../src-shared/schemas/import-preview.schema';
import type { ImportPreview } from '../../../src-shared/schemas/import.schema';
import { ProgrammePicker } from '../components/ProgrammePicker';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { ApiError, errorMessage, invoke, newRunId, on } from '../lib/api';
import { FileStep, type ReadState, type RowsRead } from './import/FileStep';
import { ImportHistory } from './import/ImportHistory';
import { MappingStep } from './import/MappingStep';
import { PreviewStep } from './import/PreviewStep';
import { MAX_IMPORT_BYTES, readFileAsBase64 } from './import/read-file';

/** The coordinator's answers on top of the service's proposal; sent in full with every refinement. */
interface Answers {
  sheet?: string;
  corrections: Record<string, string | null>;
  overrides: Record<string, number>;
}
const NO_ANSWERS: Answers = { corrections: {}, overrides: {} };

/** Why the service refused a file (`file_rejected` with `details.reason`), when it says so; null otherwise. */
function refusal(e: unknown): { reason: FileRejectionReason; sheet: string } | null {
  if (!(e instanceof ApiError) || e.code !== 'file_rejected' || typeof e.details !== 'object' || e.details === null) return null;
  const { reason, sheet } = e.details as { reason?: unknown; sheet?: unknown };
  if (!(FILE_REJECTION_REASONS as readonly unknown[]).includes(reason)) return null;
  return { reason: reason as FileRejectionReason, sheet: typeof sheet === 'string' ? sheet : '' };
}

/** Keeps every unresolved choice seen for this file: a picked one leaves the preview but stays on screen. */
function mergeChoices(seen: UnresolvedChoice[], next: UnresolvedChoice[]): UnresolvedChoice[] {
  const byKey = new Map(seen.map((c) => [c.key, c]));
  for (const c of next) byKey.set(c.key, c);
  return [...byKey.values()];
}

/**
 * The import wizard: a file in, the sheet and column mapping confirmed, a preview with every refused
 * cell and the choices to resolve, then one commit. Below it the programme's import history with undo.
 * Nothing is written before the commit; the service keeps the parsed file under the preview id.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const programmes = useApiQuery(() => invoke('programme.list', {}), []);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const list = programmes.data ?? [];
  const programmeId = list.some((p) => p.id === chosenId) ? chosenId : (list[0]?.id ?? null);

  const [kind, setKind] = useState<ImportKind>('participants');
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<ReadState>({ phase: 'idle' });
  // Rows the main process has read of the current file (its 'import-read' progress events).
  const [rowsRead, setRowsRead] = useState<RowsRead | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  useEffect(() => () => unsubscribe.current?.(), []);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const [choices, setChoices] = useState<UnresolvedChoice[]>([]);
  const [isCommitting, setIsCommitting] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const [historyGeneration, setHistoryGeneration] = useState(0);
  // Only the newest request may change the screen: a slow first read must not overwrite a second file.
  const latest = useRef(0);

  const isBusy = read.phase !== 'idle' || isCommitting;

  function reset() {
    latest.current++;
    setFile(null);
    setPreview(null);
    setAnswers(NO_ANSWERS);
    setChoices([]);
    setFileError(null);
    setRead({ phase: 'idle' });
    setRowsRead(null);
    setInputKey((n) => n + 1);
  }

  /** Reads a file afresh; `keep` re-applies the coordinator's answers (after the service forgot an old preview). */
  async function readNew(next: File, forProgramme: number | null, forKind: ImportKind, keep: Answers = NO_ANSWERS) {
    setFile(next);
    setPreview(null);
    setAnswers(keep);
    setChoices([]);
    setFileError(null);
    setRowsRead(null);
    if (forProgramme === null) return;
    if (next.size > MAX_IMPORT_BYTES) {
      setFileError(t('importer.tooLarge'));
      return;
    }
    const seq = ++latest.current;
    setRead({ phase: 'loading', share: 0 });
    try {
      const contentBase64 = await readFileAsBase64(next, (share) => {
        if (seq === latest.current) setRead({ phase: 'loading', share });
      });
      if (seq !== latest.current) return;
      setRead({ phase: 'checking' });
      const runId = newRunId();
      unsubscribe.current?.();
      const stopListening = on('task.progress', (e) => {
        if (e.runId !== runId) return;
        if (seq === latest.current) setRowsRead((now) => (now === null || e.done >= now.rows ? { rows: e.done, total: e.total } : now));
        // The answer and the events travel separately (over HTTP in the test host): listen until the last one.
        if (e.done === e.total) stopListening();
      });
      unsubscribe.current = stopListening;
      let p: ImportPreview;
      try {
        p = await invoke('import.preview', { programmeId: forProgramme, kind: forKind, file: { fileName: next.name, contentBase64 }, runId });
      } catch (e) {
        stopListening();
        throw e;
      }
      if (keep !== NO_ANSWERS) {
        const seen = p.unresolvedChoices;
        p = await invoke('import.preview', { programmeId: forProgramme, kind: forKind, previewId: p.previewId, sheet: keep.sheet, mapping: keep.corrections, choiceOverrides: keep.overrides });
        if (seq !== latest.current) return;
        setChoices(mergeChoices(seen, p.unresolvedChoices));
      } else {
        if (seq !== latest.current) return;
        setChoices(p.unresolvedChoices);
      }
      setPreview(p);
    } catch (e) {
      if (seq !== latest.current) return;
      // A refused file is part of the wizard's answer: shown in place, with what to do, in the UI language.
      const why = refusal(e);
      setFileError(why ? t(`importer.refusals.${why.reason}`, { sheet: why.sheet }) : errorMessage(e));
      setRowsRead(null);
    } finally {
      if (seq === latest.current) setRead({ phase: 'idle' });
    }
  }

  async function refine(next: Answers) {
    if (!preview || programmeId === null) return;
    setAnswers(next);
    const seq = ++latest.current;
    setRead({ phase: 'refreshing' });
    try {
      const p = await invoke('import.preview', {
        programmeId,
        kind,
        previewId: preview.previewId,
        sheet: next.sheet,
        mapping: next.corrections,
        choiceOverrides: next.overrides,
      });
      if (seq !== latest.current) return;
      setPreview(p);
      setChoices((seen) => mergeChoices(seen, p.unresolvedChoices));
    } catch (e) {
      if (seq !== latest.current) return;
      // The service keeps a few previews only (and none after a restart): read the file again, keeping the answers.
      if (e instanceof ApiError && e.code === 'not_found' && file) {
        void readNew(file, programmeId, kind, next);
        return;
      }
      reportError(e);
    } finally {
      if (seq === latest.current) setRead({ phase: 'idle' });
    }
  }

  async function commit() {
    if (!preview) return;
    setIsCommitting(true);
    try {
      const record = await invoke('import.commit', { previewId: preview.previewId, mapping: answers.corrections, choiceOverrides: answers.overrides });
      reportSuccess(t('importer.committed', { file: record.fileName, ...record.summary }));
      reset();
      setHistoryGeneration((n) => n + 1);
    } catch (e) {
      reportError(e);
    } finally {
      setIsCommitting(false);
    }
  }

  const onSheet = (sheet: string) => {
    // Column numbers and choices belong to one sheet: a new sheet starts from its own proposal.
    setChoices([]);
    void refine({ ...NO_ANSWERS, sheet });
  };
  const onField = (index: number, field: string | null) => void refine({ ...answers, corrections: { ...answers.corrections, [String(index)]: field } });
  const onPick = (key: string, organisationId: number | null) => {
    const overrides = { ...answers.overrides };
    if (organisationId === null) delete overrides[key];
    else overrides[key] = organisationId;
    void refine({ ...answers, overrides });
  };

  return (
    <section aria-labelledby="page-title" className="import">
      <h1 id="page-title">{t('importer.title')}</h1>
      <p className="muted intro">{t('importer.intro')}</p>

      {programmes.data && list.length === 0 ? <p>{t('importer.noProgrammes')}</p> : null}
      <ProgrammePicker
        id="import-programme"
        label={t('importer.programme')}
        programmes={list}
        value={programmeId}
        disabled={isBusy}
        onChange={(id) => {
          setChosenId(id);
          if (file) void readNew(file, id, kind);
        }}
      />

      {programmeId !== null ? (
        <>
          <FileStep
            kind={kind}
            onKind={(k) => {
              setKind(k);
              if (file) void readNew(file, programmeId, k);
            }}
            file={file}
            onFile={(f) => void readNew(f, programmeId, kind)}
            onReread={() => {
              if (file) void readNew(file, programmeId, kind);
            }}
            read={read}
            rowsRead={rowsRead}
            inputKey={inputKey}
          />

          {fileError ? (
            <div className="notice notice-error import-refused" role="alert">
              <p>
                <strong>{t('importer.fileRefused')}: </strong>
                {fileError}
              </p>
            </div>
          ) : null}

          {preview ? (
            <>
              <MappingStep preview={preview} corrections={answers.corrections} onSheet={onSheet} onField={onField} isBusy={isBusy} />
              {/* Without a sheet or with required columns unmapped there is no plan yet, so no counts to show. */}
              {preview.canCommit ? (
                <PreviewStep preview={preview} choices={choices} overrides={answers.overrides} onPick={onPick} isBusy={isBusy} />
              ) : null}
              <section className="card import-step" aria-labelledby="import-commit-title">
                <h2 id="import-commit-title">{t('importer.stepCommit')}</h2>
                <p className="hint">{preview.canCommit ? t('importer.commitHint') : t('importer.cannotCommit')}</p>
                <div className="actions">
                  <button type="button" className="primary" disabled={!preview.canCommit || isBusy} onClick={() => void commit()}>
                    {isCommitting ? t('importer.committing') : t('importer.commit')}
                  </button>
                  <button type="button" disabled={isBusy} onClick={reset}>
                    {t('importer.startOver')}
                  </button>
                </div>
              </section>
            </>
          ) : null}

          <ImportHistory programmeId={programmeId} generation={historyGeneration} />
        </>
      ) : null}
    </section>
  );
}
