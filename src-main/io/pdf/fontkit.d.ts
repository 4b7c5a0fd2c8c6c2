/*
 * fontkit is pdfkit's own font parser (installed with pdfkit). We parse each TTF once and hand the
 * parsed font to every document: parsing DejaVu per document costs more than laying it out.
 * Only the part we touch is declared.
 */
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it accepts a font file. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
