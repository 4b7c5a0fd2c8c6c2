import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { UnresolvedChoice } from '../../../../src-shared/schemas/import-preview.schema';
import type { ImportPreview } from '../../../../src-shared/schemas/import.schema';
import { DataTable } from '../../components/DataTable';
import { cellIssueText } from './cell-issue-text';
import { useFieldLabel } from './field-label';

type Rejected = ImportPreview['rejected'][number];
type Change = ImportPreview['changes'][number];

const SUMMARY_KEYS = ['rows', 'created', 'updated', 'unchanged', 'duplicates', 'rejected'] as const;
/** Long files list thousands of unchanged rows; the table shows the changes, capped, to stay responsive. */
const MAX_CHANGES_SHOWN = 500;

const rejectedColumn = createColumnHelper<Rejected & { key: string }>();
const changeColumn = createColumnHelper<Change & { key: string }>();

interface Props {
  preview: ImportPreview;
  /** Every unresolved choice seen for this file, including those already picked (they leave the preview). */
  choices: UnresolvedChoice[];
  overrides: Record<string, number>;
  onPick: (key: string, organisationId: number | null) => void;
  isBusy: boolean;
}

/** What the import would do: counts, every rejected cell, duplicates, choices to resolve and the changes. */
export function PreviewStep({ preview, choices, overrides, onPick, isBusy }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const s = preview.summary;

  const rejectedColumns = useMemo(
    () => [
      rejectedColumn.accessor('row', { header: t('importer.row'), sortingFn: 'basic' }),
      rejectedColumn.accessor((r) => `${r.columnLetter} · ${r.column}`, { id: 'column', header: t('importer.column') }),
      rejectedColumn.accessor((r) => cellIssueText(r, t), { id: 'reason', header: t('importer.reason'), enableSorting: false }),
    ],
    [t],
  );
  const rejectedRows = useMemo(() => preview.rejected.map((r, i) => ({ ...r, key: `${r.row}-${r.columnLetter}-${i}` })), [preview.rejected]);

  const changed = useMemo(() => preview.changes.filter((c) => c.action !== 'unchanged'), [preview.changes]);
  const changeRows = useMemo(() => changed.slice(0, MAX_CHANGES_SHOWN).map((c, i) => ({ ...c, key: `${c.row}-${i}` })), [changed]);
  const changeColumns = useMemo(
    () => [
      changeColumn.accessor('row', { header: t('importer.row') }),
      changeColumn.accessor('action', { header: t('importer.changeAction'), cell: (c) => t(`importer.actions.${c.getValue()}`) }),
      changeColumn.accessor('label', { header: t('importer.changeLabel') }),
      changeColumn.accessor((c) => c.fields.map(fieldLabel).join(', '), { id: 'fields', header: t('importer.changeFields'), enableSorting: false }),
    ],
    [t, fieldLabel],
  );
  const openChoices = choices.filter((c) => overrides[c.key] === undefined).length;

  return (
    <section className="card import-step" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('importer.stepPreview')}</h2>
      <dl className="summary import-summary" aria-label={t('importer.summaryLabel')}>
        {SUMMARY_KEYS.map((k) => (
          <div key={k} className={k === 'rejected' && s.rejected > 0 ? 'is-rejected' : undefined}>
            <dt>{t(`importer.summary.${k}`)}</dt>
            <dd data-testid={`import-summary-${k}`}>{s[k]}</dd>
          </div>
        ))}
      </dl>

      {choices.length > 0 ? (
        <div className="import-part">
          <h3>{t('importer.choicesTitle', { count: choices.length })}</h3>
          <p className="hint">{t('importer.choicesHint')}</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('importer.choicesTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importer.choiceText')}</th>
                  <th scope="col">{t('importer.choiceRows')}</th>
                  <th scope="col">{t('importer.choicePick')}</th>
                </tr>
              </thead>
              <tbody>
                {choices.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.text}</th>
                    <td>{c.rows.join(', ')}</td>
                    <td>
                      <select
                        aria-label={t('importer.choicePickFor', { text: c.text })}
                        value={overrides[c.key] ?? ''}
                        disabled={isBusy}
                        onChange={(e) => onPick(c.key, e.target.value === '' ? null : Number(e.target.value))}
                      >
                        <option value="">{t('importer.choiceNone')}</option>
                        {c.candidates.map((o) => (
                          <option key={o.organisationId} value={o.organisationId}>
                            {t('importer.choiceDistance', { name: o.name, distance: o.distance })}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {openChoices > 0 ? <p className="hint">{t('importer.choiceOpen', { count: openChoices })}</p> : null}
        </div>
      ) : null}

      <div className="import-part">
        <h3>{t('importer.rejectedTitle', { count: preview.rejected.length })}</h3>
        {preview.rejected.length > 0 ? (
          <>
            <p className="hint">{t('importer.rejectedHint')}</p>
            <div className="table-scroll">
              <DataTable data={rejectedRows} columns={rejectedColumns} getRowId={(r) => r.key} caption={t('importer.rejectedTable')} empty={t('importer.rejectedNone')} testId="import-rejected" initialSort={[{ id: 'row', desc: false }]} />
            </div>
          </>
        ) : (
          <p className="muted">{t('importer.rejectedNone')}</p>
        )}
      </div>

      {preview.duplicates.length > 0 ? (
        <div className="import-part">
          <h3>{t('importer.duplicatesTitle', { count: preview.duplicates.length })}</h3>
          <ul className="plain-list">
            {preview.duplicates.map((d) => (
              <li key={d.email}>{t('importer.duplicateLine', { email: d.email, kept: d.keptRow, dropped: d.droppedRows.join(', ') })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview.newOrganisations.length > 0 ? (
        <div className="import-part">
          <h3>{t('importer.newOrganisationsTitle', { count: preview.newOrganisations.length })}</h3>
          <p className="hint">{t('importer.newOrganisationsHint')}</p>
          <ul className="plain-list">
            {preview.newOrganisations.map((o) => (
              <li key={o.name}>{t('importer.newOrganisationLine', { name: o.name, rows: o.rows.join(', ') })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {changed.length > 0 ? (
        <details className="import-part compare-details">
          <summary>{t('importer.changesTitle', { count: changed.length })}</summary>
          {changed.length > MAX_CHANGES_SHOWN ? <p className="hint">{t('importer.changesMore', { shown: MAX_CHANGES_SHOWN, count: changed.length })}</p> : null}
          <DataTable data={changeRows} columns={changeColumns} getRowId={(r) => r.key} caption={t('importer.changesTable')} empty="" testId="import-changes" />
        </details>
      ) : null}
    </section>
  );
}
