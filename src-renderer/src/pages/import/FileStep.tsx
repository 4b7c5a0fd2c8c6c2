import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '../../../../src-shared/schemas/import-preview.schema';
import { formatSize } from './read-file';

/** Where reading a file stands: loading its bytes (share known), or the service checking and parsing it. */
export type ReadState = { phase: 'idle' } | { phase: 'loading'; share: number } | { phase: 'checking' } | { phase: 'refreshing' };

/** Rows the main process has read so far, and how many the file holds (null when it does not say). */
export interface RowsRead {
  rows: number;
  total: number | null;
}

interface Props {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  file: File | null;
  onFile: (file: File) => void;
  onReread: () => void;
  read: ReadState;
  /** The parse's progress while checking; once the file is read, its final count (rows === total). */
  rowsRead: RowsRead | null;
  /** Bumped to clear the file input after a commit. */
  inputKey: number;
}

/** The kind of list, the file (dropped or chosen) and the progress while it is read. */
export function FileStep({ kind, onKind, file, onFile, onReread, read, rowsRead, inputKey }: Props) {
  const { t, i18n } = useTranslation();
  const [isDragging, setIsDragging] = useState(false);
  const isBusy = read.phase === 'loading' || read.phase === 'checking';
  const count = (n: number) => n.toLocaleString(i18n.language);
  const isRead = read.phase === 'idle' && rowsRead !== null && rowsRead.total === rowsRead.rows;

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setIsDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !isBusy) onFile(dropped);
  }

  return (
    <section className="card import-step" aria-labelledby="import-file-title">
      <h2 id="import-file-title">{t('importer.stepFile')}</h2>
      <fieldset className="field import-kinds">
        <legend>{t('importer.kind')}</legend>
        <div className="checks">
          {IMPORT_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="import-kind" value={k} checked={kind === k} disabled={isBusy} onChange={() => onKind(k)} />
              {t(`importer.kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div
        className={isDragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          if (!isDragging) setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-text">{isDragging ? t('importer.dropHere') : t('importer.dropZone')}</p>
        <div className="field field-narrow">
          <label htmlFor="import-file">{t('importer.file')}</label>
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={isBusy}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) onFile(chosen);
            }}
          />
        </div>
        {file ? (
          <p className="chosen-file">
            {t('importer.chosenFile', { name: file.name, size: formatSize(file.size, i18n.language) })}{' '}
            <button type="button" className="small-button" disabled={isBusy} onClick={onReread}>
              {t('importer.reread')}
            </button>
          </p>
        ) : null}
      </div>

      {read.phase !== 'idle' || isRead ? (
        <div className="import-progress" aria-live="polite">
          {read.phase === 'loading' ? (
            <>
              <progress aria-label={t('importer.progressLabel')} max={100} value={Math.round(read.share * 100)} />
              <span>{t('importer.readingFile', { percent: Math.round(read.share * 100) })}</span>
            </>
          ) : (read.phase === 'checking' || read.phase === 'idle') && rowsRead !== null && rowsRead.total !== null ? (
            <>
              <progress
                aria-label={t('importer.progressLabel')}
                aria-valuetext={t('importer.rowsOfTotal', { rows: count(rowsRead.rows), total: count(rowsRead.total) })}
                max={Math.max(1, rowsRead.total)}
                value={rowsRead.rows}
              />
              <span>{isRead ? t('importer.rowsDone', { count: rowsRead.rows, rows: count(rowsRead.rows) }) : t('importer.rowsOfTotal', { rows: count(rowsRead.rows), total: count(rowsRead.total) })}</span>
            </>
          ) : (
            <>
              {/* No count known (yet): an honest indeterminate bar. */}
              <progress aria-label={t('importer.progressLabel')} />
              <span>{read.phase === 'refreshing' ? t('importer.refreshing') : rowsRead !== null ? t('importer.rowsSoFar', { count: rowsRead.rows, rows: count(rowsRead.rows) }) : t('importer.checkingFile')}</span>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
