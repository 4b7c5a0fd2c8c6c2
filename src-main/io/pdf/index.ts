/** PDF documents: the renderer, bulk export, template folders and the output-path guard. */
export { createDocumentRenderer, type DocumentJob, type DocumentRenderer, type DocumentRendererOptions } from './document-renderer';
export { exportDocuments, type BulkExportOptions, type BulkExportResult, type BulkProgress } from './bulk-export';
export { copyTemplatesForEditing, createTemplateStore, shippedTemplatesDir, userTemplatesDir, type TemplateStore } from './template-store';
export { defaultFontFiles, type FontFiles } from './fonts';
export { resolveOutputFile } from './output-path';
export { checkLogo } from './logo';
