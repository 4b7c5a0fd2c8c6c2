import type { Language } from '../../../src-shared/schemas/common.schema';
import type { DocumentKind } from './language';

/*
 * A document as a list of layout-neutral blocks. The builders in this folder turn gathered data and
 * template texts into this model (pure, unit-tested); io/pdf lays it out on A4 pages. Keeping the
 * wording decisions here means the PDF code never picks a text and the tests can check which text a
 * document says without reading a PDF.
 */

/** A table cell: text, or an empty box to tick by hand. */
export type TableCell = string | { checkbox: true };

/** One column of a table; `width` is a share of the text width (the shares of a table add up to 1). */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** The building blocks of a document, laid out top to bottom. */
export type DocumentBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'strong' }
  | { type: 'bullets'; items: string[] }
  /** Label/value rows; a row never splits over two pages. */
  | { type: 'fields'; rows: [label: string, value: string][] }
  /** Rows never split over two pages; the header repeats on a new page. */
  | { type: 'table'; columns: TableColumn[]; rows: TableCell[][]; total?: string }
  /** Empty ruled lines for handwriting. */
  | { type: 'writing-lines'; count: number }
  /** Signature boxes side by side: a caption, then name (prefilled when known), date and signature. */
  | { type: 'signatures'; parties: { caption: string; name: string }[] };

/** A whole document, ready to lay out. */
export interface DocumentModel {
  kind: DocumentKind;
  language: Language;
  title: string;
  subtitle: string | null;
  /** Printed small in every page footer, left of the page number. */
  footer: string;
  /** "Pagina {page} van {pages}" in the document's language, placeholders still open. */
  pageOf: string;
  blocks: DocumentBlock[];
}
