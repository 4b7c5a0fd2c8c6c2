import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../src-shared/schemas/import.schema';
import { useFieldLabel } from './field-label';

interface Props {
  preview: ImportPreview;
  /** Column indexes (as strings) the coordinator changed, with the field chosen. */
  corrections: Record<string, string | null>;
  onSheet: (sheet: string) => void;
  onField: (index: number, field: string | null) => void;
  isBusy: boolean;
}

/** Which sheet and which header row were found, and a field per column to confirm or correct. */
export function MappingStep({ preview, corrections, onSheet, onField, isBusy }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const hasSheets = preview.sheets.length > 1;

  return (
    <>
      {hasSheets || preview.sheetMessage ? (
        <section className="card import-step" aria-labelledby="import-sheet-title">
          <h2 id="import-sheet-title">{t('importer.stepSheet')}</h2>
          {preview.sheetMessage ? (
            <p className="notice notice-warn">{preview.sheets.some((s) => s.recognisedHeaders > 0) ? t('importer.sheetTie') : t('importer.sheetUnknown')}</p>
          ) : null}
          <div className="field field-inline">
            <label htmlFor="import-sheet">{t('importer.sheet')}</label>
            <select id="import-sheet" value={preview.sheet ?? ''} disabled={isBusy} onChange={(e) => onSheet(e.target.value)}>
              {preview.sheet === null ? (
                <option value="" disabled>
                  {t('importer.sheetChoose')}
                </option>
              ) : null}
              {preview.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {t('importer.sheetOption', { name: s.name, rows: s.dataRows, headers: s.recognisedHeaders })}
                  {s.isHidden ? ` (${t('importer.sheetHidden')})` : ''}
                </option>
              ))}
            </select>
          </div>
        </section>
      ) : null}

      {preview.sheet !== null || preview.format === 'csv' ? (
        <section className="card import-step" aria-labelledby="import-mapping-title">
          <h2 id="import-mapping-title">{t('importer.stepMapping')}</h2>
          <p className="muted small">
            {preview.format === 'csv'
              ? t('importer.csvFound', { encoding: preview.encoding ?? '?', separator: preview.separator ?? '?', row: preview.headerRow ?? 1 })
              : t('importer.sheetFound', { sheet: preview.sheet ?? '', row: preview.headerRow ?? 1 })}
          </p>
          <p className="hint">{t('importer.mappingHint')}</p>
          {preview.isMappingRemembered ? <p className="notice notice-offer">{t('importer.mappingRemembered')}</p> : null}
          {preview.missingRequired.length > 0 ? (
            <p className="notice notice-warn" role="alert">
              {t('importer.missingRequired', { fields: preview.missingRequired.map(fieldLabel).join(', ') })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table mapping-table">
              <caption className="visually-hidden">{t('importer.mappingTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importer.columnLetter')}</th>
                  <th scope="col">{t('importer.columnHeader')}</th>
                  <th scope="col">{t('importer.columnField')}</th>
                  <th scope="col">{t('importer.columnCertainty')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => {
                  const header = c.header === '' ? t('importer.emptyHeader') : c.header;
                  const isCorrected = Object.prototype.hasOwnProperty.call(corrections, String(c.index));
                  return (
                    <tr key={c.index} className={c.field === null ? 'is-unmapped' : undefined}>
                      <td className="column-letter">{c.letter}</td>
                      <th scope="row">{header}</th>
                      <td>
                        <select
                          aria-label={t('importer.fieldFor', { letter: c.letter, header })}
                          value={c.field ?? ''}
                          disabled={isBusy}
                          onChange={(e) => onField(c.index, e.target.value === '' ? null : e.target.value)}
                        >
                          <option value="">{t('importer.notImported')}</option>
                          {preview.fields.map((f) => (
                            <option key={f} value={f}>
                              {fieldLabel(f)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {c.field === null ? null : isCorrected ? (
                          <span className="badge">{t('importer.corrected')}</span>
                        ) : c.confidence >= 0.95 ? (
                          <span className="badge">{t('importer.certain')}</span>
                        ) : (
                          <span className="badge badge-warn">{t('importer.guessed')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
