import PDFDocument from 'pdfkit';
import { fillTemplate } from '../../domain/documents/fill-template';
import type { DocumentBlock, DocumentModel, TableCell, TableColumn } from '../../domain/documents/document-model';
import type { TemplateTexts } from '../../domain/documents/template-spec';
import type { LoadedFonts } from './fonts';

/*
 * Lays out DocumentModels on A4 pages with pdfkit. The rules that matter on paper:
 * - margins of at least 20 mm on every side and the footer 16 mm from the bottom edge, inside what
 *   every office printer prints (they lose 4-6 mm at the edges);
 * - text flows to the next page (pdfkit does that for paragraphs); label/value rows, table rows and
 *   signature boxes are measured first and moved to the next page whole, never split;
 * - a heading never sits alone at the bottom of a page;
 * - page numbers count per document, also when many documents share one PDF for printing.
 */

/** A4 in PDF points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
/** Content margins in points (62 pt = 22 mm, 72 pt = 25 mm). */
export const MARGIN = { top: 62, bottom: 72, left: 62, right: 62 } as const;
const FOOTER_Y = PAGE.height - 46;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const MAX_Y = PAGE.height - MARGIN.bottom;

const SIZE = { title: 18, subtitle: 11, heading: 12.5, body: 10, small: 8 } as const;
const GREY = '#555555';
const RULE = '#999999';
const FILL = '#eeeeee';

/** A PDF being written, with the fonts registered and an optional logo. */
export interface PdfSink {
  doc: PDFKit.PDFDocument;
  logo: string | null;
}

/** Starts a new A4 document with the embedded fonts. Pages are buffered until a document's footers are written. */
export function openPdf(fonts: LoadedFonts, logo: string | null, info: { title: string; language: string }): PdfSink {
  const doc = new PDFDocument({
    size: 'A4',
    // No default Helvetica: pdfkit would parse its metrics file for every document we never set in it.
    font: null as unknown as string,
    margins: { ...MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    lang: info.language,
    displayTitle: true,
    info: { Title: info.title, Creator: 'Meeloop', Producer: 'Meeloop' },
  });
  // pdfkit accepts a parsed fontkit font where its typings only list file sources.
  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  shareLayoutCache(doc, 'bold', fonts.bold);
  shareLayoutCache(doc, 'regular', fonts.regular);
  return { doc, logo };
}

/*
 * pdfkit shapes every word with fontkit (kerning, ligatures) and caches the result per document.
 * Shaping is most of the cost of a short document, and the same words ("Datum", "uur", names of
 * hosts) recur in every programme of a bulk export, so the shaped words are kept per parsed font for
 * the whole process. A cached run holds glyphs and scaled positions only; which glyphs go into each
 * PDF's font subset is still decided per document when the text is encoded. The cache is emptied
 * when it grows large, which bounds memory in a long session.
 */
const layoutCaches = new WeakMap<object, Record<string, unknown>>();
const MAX_CACHED_WORDS = 50_000;

function shareLayoutCache(doc: PDFKit.PDFDocument, name: string, font: object): void {
  doc.font(name);
  const embedded = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (!embedded || typeof embedded.layoutCache !== 'object') return; // another pdfkit version: keep its own cache
  let cache = layoutCaches.get(font);
  if (!cache || Object.keys(cache).length > MAX_CACHED_WORDS) {
    cache = Object.create(null) as Record<string, unknown>;
    layoutCaches.set(font, cache);
  }
  embedded.layoutCache = cache;
}

/** Renders one document into the sink, starting on a new page, and writes its page footers. */
export function layoutDocument(sink: PdfSink, model: DocumentModel, common: Pick<TemplateTexts<'common'>, 'signatureName' | 'signatureDate' | 'signatureSign'>): void {
  const { doc } = sink;
  doc.addPage();
  const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  header(sink, model);
  for (const block of model.blocks) layoutBlock(doc, block, common);
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const pages = last - first + 1;
  for (let i = first; i <= last; i++) {
    doc.switchToPage(i);
    footer(doc, model.footer, fillTemplate(model.pageOf, { page: i - first + 1, pages }));
  }
  // The pages of a finished document are final: hand them to the output stream to keep memory flat
  // when hundreds of programmes go into one file.
  doc.flushPages();
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > MAX_Y) doc.addPage();
}

function header(sink: PdfSink, model: DocumentModel): void {
  const { doc } = sink;
  const top = MARGIN.top;
  let titleWidth = CONTENT_WIDTH;
  let logoBottom = top;
  if (sink.logo) {
    const box = { w: 120, h: 50 };
    doc.image(sink.logo, MARGIN.left + CONTENT_WIDTH - box.w, top, { fit: [box.w, box.h], align: 'right' });
    titleWidth -= box.w + 12;
    logoBottom = top + box.h;
  }
  doc.font('bold').fontSize(SIZE.title).fillColor('black').text(model.title, MARGIN.left, top, { width: titleWidth });
  if (model.subtitle) doc.font('regular').fontSize(SIZE.subtitle).fillColor(GREY).text(model.subtitle, MARGIN.left, doc.y + 2, { width: titleWidth });
  doc.y = Math.max(doc.y, logoBottom) + 8;
  doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y += 10;
  doc.fillColor('black');
}

function footer(doc: PDFKit.PDFDocument, left: string, right: string): void {
  // Writing below the bottom margin makes pdfkit start a new page; lift the margin while we do.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.moveTo(MARGIN.left, FOOTER_Y - 6).lineTo(MARGIN.left + CONTENT_WIDTH, FOOTER_Y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font('regular').fontSize(SIZE.small).fillColor(GREY);
  doc.text(left, MARGIN.left, FOOTER_Y, { width: CONTENT_WIDTH * 0.72, lineBreak: false, ellipsis: true, height: SIZE.small * 1.5 });
  doc.text(right, MARGIN.left + CONTENT_WIDTH * 0.72, FOOTER_Y, { width: CONTENT_WIDTH * 0.28, align: 'right', lineBreak: false });
  doc.fillColor('black');
  doc.page.margins.bottom = bottom;
}

function lineHeight(doc: PDFKit.PDFDocument): number {
  return doc.currentLineHeight(true);
}

function layoutBlock(doc: PDFKit.PDFDocument, block: DocumentBlock, common: Pick<TemplateTexts<'common'>, 'signatureName' | 'signatureDate' | 'signatureSign'>): void {
  switch (block.type) {
    case 'heading': {
      doc.font('bold').fontSize(SIZE.heading);
      // Keep the heading with at least three lines of what follows.
      ensureSpace(doc, doc.heightOfString(block.text, { width: CONTENT_WIDTH }) + 8 + 3 * 14);
      doc.y += 6;
      doc.text(block.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.y += 4;
      return;
    }
    case 'paragraph': {
      doc.font(block.tone === 'strong' ? 'bold' : 'regular').fontSize(SIZE.body).fillColor(block.tone === 'muted' ? GREY : 'black');
      ensureSpace(doc, lineHeight(doc) * (block.tone === 'strong' ? 3 : 2));
      doc.text(block.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
      doc.fillColor('black');
      doc.y += 5;
      return;
    }
    case 'bullets': {
      doc.font('regular').fontSize(SIZE.body).fillColor('black');
      for (const item of block.items) {
        ensureSpace(doc, lineHeight(doc) * 2);
        const y = doc.y;
        doc.text('•', MARGIN.left + 4, y, { width: 10, lineBreak: false });
        doc.text(item, MARGIN.left + 16, y, { width: CONTENT_WIDTH - 16, lineGap: 1.5 });
        doc.y += 3;
      }
      doc.y += 3;
      return;
    }
    case 'fields':
      return fields(doc, block.rows);
    case 'table':
      return table(doc, block.columns, block.rows, block.total);
    case 'writing-lines': {
      for (let i = 0; i < block.count; i++) {
        ensureSpace(doc, 24);
        doc.y += 22;
        doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
      }
      doc.y += 10;
      return;
    }
    case 'signatures':
      return signatures(doc, block.parties, common);
  }
}

const LABEL_WIDTH = 130;

function fields(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH;
  for (const [label, value] of rows) {
    doc.font('bold').fontSize(SIZE.body);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH - 8 });
    doc.font('regular');
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    const height = Math.max(labelHeight, valueHeight);
    // A row taller than a whole page cannot stay together; it flows like a paragraph instead.
    if (height <= MAX_Y - MARGIN.top) ensureSpace(doc, height);
    const y = doc.y;
    const pagesBefore = doc.bufferedPageRange().count;
    doc.font('bold').fillColor(GREY).text(label, MARGIN.left, y, { width: LABEL_WIDTH - 8 });
    const afterLabel = doc.y;
    doc.font('regular').fillColor('black').text(value, MARGIN.left + LABEL_WIDTH, y, { width: valueWidth });
    const samePage = doc.bufferedPageRange().count === pagesBefore;
    doc.y = (samePage ? Math.max(doc.y, afterLabel) : doc.y) + 3;
  }
  doc.y += 4;
}

const PAD = 4;

function cellHeight(doc: PDFKit.PDFDocument, cell: TableCell, width: number): number {
  return typeof cell === 'string' ? doc.heightOfString(cell === '' ? ' ' : cell, { width: width - 2 * PAD }) : 12;
}

function table(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: TableCell[][], total?: string): void {
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const maxRow = MAX_Y - MARGIN.top - 40;

  const drawHeader = () => {
    doc.font('bold').fontSize(SIZE.body - 0.5);
    const h = Math.max(...columns.map((c, i) => cellHeight(doc, c.header, widths[i]!))) + 2 * PAD;
    ensureSpace(doc, h + 24);
    const y = doc.y;
    doc.rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(FILL);
    doc.fillColor('black');
    columns.forEach((c, i) => doc.text(c.header, xs[i]! + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: c.align ?? 'left' }));
    doc.y = y + h;
  };

  drawHeader();
  for (const row of rows) {
    doc.font('regular').fontSize(SIZE.body);
    const natural = Math.max(16, ...row.map((cell, i) => cellHeight(doc, cell, widths[i] ?? 0))) + 2 * PAD;
    // An absurdly long cell is cut with an ellipsis rather than splitting the row.
    const h = Math.min(natural, maxRow);
    if (doc.y + h > MAX_Y) {
      doc.addPage();
      drawHeader();
      doc.font('regular').fontSize(SIZE.body);
    }
    const y = doc.y;
    row.forEach((cell, i) => {
      const x = xs[i]!;
      const w = widths[i]!;
      if (typeof cell === 'string') {
        doc.text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, height: h - 2 * PAD, ellipsis: true, align: columns[i]?.align ?? 'left' });
      } else {
        doc.rect(x + w / 2 - 5, y + h / 2 - 5, 10, 10).lineWidth(0.8).strokeColor('black').stroke();
      }
    });
    doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + CONTENT_WIDTH, y + h).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.y = y + h;
  }
  if (total) {
    doc.font('bold').fontSize(SIZE.body);
    ensureSpace(doc, lineHeight(doc) + 8);
    doc.text(total, MARGIN.left, doc.y + 4, { width: CONTENT_WIDTH, align: 'right' });
  }
  doc.font('regular');
  doc.y += 8;
}

function signatures(doc: PDFKit.PDFDocument, parties: { caption: string; name: string }[], common: Pick<TemplateTexts<'common'>, 'signatureName' | 'signatureDate' | 'signatureSign'>): void {
  const gap = 24;
  const perRow = 2;
  const boxWidth = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const boxHeight = 118;
  for (let start = 0; start < parties.length; start += perRow) {
    ensureSpace(doc, boxHeight + 16);
    doc.y += 12;
    const y = doc.y;
    parties.slice(start, start + perRow).forEach((party, k) => {
      const x = MARGIN.left + k * (boxWidth + gap);
      doc.font('bold').fontSize(SIZE.body).fillColor('black').text(party.caption, x, y, { width: boxWidth, height: 28, ellipsis: true });
      doc.font('regular').fontSize(SIZE.body - 1);
      const line = (label: string, value: string, at: number) => {
        doc.fillColor(GREY).text(label, x, at, { width: 84, lineBreak: false });
        doc.fillColor('black').text(value, x + 86, at, { width: boxWidth - 86, height: 14, ellipsis: true });
        doc.moveTo(x + 84, at + 12).lineTo(x + boxWidth, at + 12).lineWidth(0.5).strokeColor(RULE).stroke();
      };
      line(`${common.signatureName}:`, party.name, y + 30);
      line(`${common.signatureDate}:`, '', y + 52);
      line(`${common.signatureSign}:`, '', y + 100);
    });
    doc.x = MARGIN.left;
    doc.y = y + boxHeight;
  }
}
