import { useTranslation } from 'react-i18next';
import type { DocumentPreview, PreviewBlock } from '../../../../src-shared/schemas/documents.schema';

/**
 * The first page of a document as an HTML mock-up of the A4 sheet: the same blocks the PDF prints
 * (headings, fields, the schedule table, signature lines), laid out on a white page. The page is
 * cut off at roughly one A4 height; the PDF flows the rest onto the next pages.
 */
export function PreviewPage({ preview }: { preview: DocumentPreview }) {
  const { t } = useTranslation();
  return (
    <article className="doc-page" lang={preview.language} aria-labelledby="doc-page-title" data-testid="document-preview">
      <header className="doc-head">
        <h3 id="doc-page-title" className="doc-title">
          {preview.title}
        </h3>
        {preview.subtitle ? <p className="doc-subtitle">{preview.subtitle}</p> : null}
      </header>
      <div className="doc-body">
        {preview.blocks.map((block, i) => (
          <Block key={i} block={block} signatureLabel={t('documents.previewSignature')} />
        ))}
      </div>
      <footer className="doc-foot">{preview.footer}</footer>
    </article>
  );
}

function Block({ block, signatureLabel }: { block: PreviewBlock; signatureLabel: string }) {
  switch (block.type) {
    case 'heading':
      return <h4 className="doc-heading">{block.text}</h4>;
    case 'paragraph':
      return <p className={`doc-paragraph doc-${block.tone ?? 'normal'}`}>{block.text}</p>;
    case 'bullets':
      return (
        <ul className="doc-bullets">
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'fields':
      return (
        <dl className="doc-fields">
          {block.rows.map(([label, value], i) => (
            <div key={i} className="doc-field">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table className="doc-table">
          <colgroup>
            {block.columns.map((c, i) => (
              <col key={i} style={{ width: `${Math.round(c.width * 100)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} scope="col" className={c.align ? `doc-${c.align}` : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} className={block.columns[i]?.align ? `doc-${block.columns[i]?.align}` : undefined}>
                    {typeof cell === 'string' ? cell : <span className="doc-checkbox">☐</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {block.total ? (
            <tfoot>
              <tr>
                <td colSpan={block.columns.length} className="doc-right">
                  {block.total}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      );
    case 'writing-lines':
      return (
        <div className="doc-lines" aria-hidden="true">
          {Array.from({ length: block.count }, (_, i) => (
            <div key={i} className="doc-line" />
          ))}
        </div>
      );
    case 'signatures':
      return (
        <div className="doc-signatures">
          {block.parties.map((p, i) => (
            <div key={i} className="doc-signature">
              <p className="doc-muted">{p.caption}</p>
              <p>{p.name}</p>
              <div className="doc-sign-line">
                <span className="visually-hidden">{signatureLabel}</span>
              </div>
            </div>
          ))}
        </div>
      );
  }
}
