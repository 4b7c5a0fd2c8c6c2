/** The pure side of documents: input schemas, template contract, language choice and document models. */
export * from './document-input.schema';
export * from './document-model';
export * from './fill-template';
export * from './file-name';
export * from './format';
export * from './language';
export * from './template-spec';
export * from './validate-input';
export * from './placement-values';
export { buildProgrammeDocument, scheduleHours } from './programme-document';
export { buildHostOverviewDocument, overviewsPerMentor } from './host-overview-document';
export { buildConsentDocument, CONSENT_FORM_KINDS, MIN_ACTIVITY_ROWS, type ConsentFormKind } from './consent-documents';
export { buildCertificateDocument } from './certificate-document';
