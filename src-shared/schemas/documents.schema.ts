import { z } from 'zod';
import { IdSchema, LanguageSchema } from './common.schema';
import { RunIdSchema } from './progress.schema';

/**
 * What a coordinator prints: the participant's programme, the host's overview (with one per mentor),
 * the three consent forms of a placement (client consent, confidentiality pledge, data-sharing
 * notice) or the certificate of participation.
 */
export const DOCUMENT_SETS = ['programme', 'host-overview', 'consent', 'certificate'] as const;
export const DocumentSetSchema = z.enum(DOCUMENT_SETS, { error: 'Choose a document: programme, host-overview, consent or certificate.' });
export type DocumentSet = z.infer<typeof DocumentSetSchema>;

/** Whose documents: every placement of the programme, one participant, or one host organisation. */
export const DocumentScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('programme') }).strict(),
    z.object({ kind: z.literal('participant'), personId: IdSchema }).strict(),
    z.object({ kind: z.literal('host'), organisationId: IdSchema }).strict(),
  ],
  { error: 'Choose for whom: the whole programme, one participant or one host.' },
);
export type DocumentScope = z.infer<typeof DocumentScopeSchema>;

export const CONSENT_KINDS = ['client_consent', 'confidentiality', 'data_sharing'] as const;
export const ConsentKindSchema = z.enum(CONSENT_KINDS, { error: 'The form must be client_consent, confidentiality or data_sharing.' });
export type ConsentKind = z.infer<typeof ConsentKindSchema>;
export const ConsentStatusSchema = z.enum(['not_sent', 'sent', 'returned', 'refused'], { error: 'The status must be not_sent, sent, returned or refused.' });
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

/** One consent form of one placement, as the Documents screen shows it. */
export const ConsentStateSchema = z.object({
  kind: ConsentKindSchema,
  status: ConsentStatusSchema,
  sentAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;

/** A participant with a placement in the programme. */
export const DocumentParticipantRowSchema = z.object({
  personId: IdSchema,
  placementId: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  ownOrganisation: z.string().nullable(),
  hostId: IdSchema,
  hostName: z.string(),
  mentorName: z.string().nullable(),
  /** The language the participant's programme is written in. */
  language: LanguageSchema,
  blocks: z.number().int(),
  hoursDone: z.number(),
  consents: z.array(ConsentStateSchema),
});
export type DocumentParticipantRow = z.infer<typeof DocumentParticipantRowSchema>;

/** A host organisation receiving participants in the programme. */
export const DocumentHostRowSchema = z.object({
  organisationId: IdSchema,
  name: z.string(),
  /** The language of the host overview and the client consent forms. */
  language: LanguageSchema,
  participants: z.number().int(),
  mentors: z.array(z.string()),
});
export type DocumentHostRow = z.infer<typeof DocumentHostRowSchema>;

export const DocumentsOverviewSchema = z.object({
  programmeId: IdSchema,
  programmeName: z.string(),
  /** Not stored: Dutch postcodes among the programme's organisations make it NL, anything else BE. */
  country: z.enum(['BE', 'NL']),
  participants: z.array(DocumentParticipantRowSchema),
  hosts: z.array(DocumentHostRowSchema),
});
export type DocumentsOverview = z.infer<typeof DocumentsOverviewSchema>;

export const DocumentRequestSchema = z
  .object({
    programmeId: IdSchema,
    set: DocumentSetSchema,
    scope: DocumentScopeSchema,
  })
  .strict();
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

const TableCellSchema = z.union([z.string(), z.object({ checkbox: z.literal(true) })]);

/** The layout-neutral blocks of a document (the same content the PDF shows). */
export const PreviewBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), tone: z.enum(['normal', 'muted', 'strong']).optional() }),
  z.object({ type: z.literal('bullets'), items: z.array(z.string()) }),
  z.object({ type: z.literal('fields'), rows: z.array(z.tuple([z.string(), z.string()])) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ header: z.string(), width: z.number(), align: z.enum(['left', 'right', 'center']).optional() })),
    rows: z.array(z.array(TableCellSchema)),
    total: z.string().optional(),
  }),
  z.object({ type: z.literal('writing-lines'), count: z.number().int() }),
  z.object({ type: z.literal('signatures'), parties: z.array(z.object({ caption: z.string(), name: z.string() })) }),
]);
export type PreviewBlock = z.infer<typeof PreviewBlockSchema>;

/** The first document of a request as text, for the preview on screen. */
export const DocumentPreviewSchema = z.object({
  /** How many documents an export of this request writes. */
  documents: z.number().int(),
  fileName: z.string(),
  language: LanguageSchema,
  title: z.string(),
  subtitle: z.string().nullable(),
  footer: z.string(),
  blocks: z.array(PreviewBlockSchema),
});
export type DocumentPreview = z.infer<typeof DocumentPreviewSchema>;

/**
 * How the documents of a request are split into files: one print-ready PDF with every document, one
 * PDF per person (a participant's three consent forms together; a host's overview with its mentors'
 * pages), or one PDF per document.
 */
export const EXPORT_MODES = ['combined', 'per-person', 'per-document'] as const;
export const ExportModeSchema = z.enum(EXPORT_MODES, { error: 'The mode must be combined, per-person or per-document.' });
export type ExportMode = z.infer<typeof ExportModeSchema>;

export const DocumentExportInputSchema = DocumentRequestSchema.extend({
  mode: ExportModeSchema.default('per-person'),
  /** The folder the coordinator chose (dialog.chooseFolder); files are only ever written inside it. */
  folder: z
    .string()
    .trim()
    .min(1, 'Choose a folder for the documents.')
    .max(1000, 'This folder path is too long. Choose a folder closer to the top.')
    .refine((f) => !f.includes('\u0000'), 'This is not a folder name. Choose the folder again.')
    // The main process has no meaningful working folder: only a full path says where the files go.
    .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), 'Choose the folder with the folder dialog: a full path is needed.'),
  /** Chosen by the window: progress events of this export carry it, and documents.cancelExport names it. */
  runId: RunIdSchema.optional(),
}).strict();
export type DocumentExportInput = z.input<typeof DocumentExportInputSchema>;

export const DocumentsOverviewInputSchema = z.object({ programmeId: IdSchema }).strict();

export const DocumentExportResultSchema = z.object({
  folder: z.string(),
  files: z.array(z.object({ file: z.string(), name: z.string() })),
  documents: z.number().int(),
  /** Distinct persons whose data is in the files (participants and mentors). */
  persons: z.number().int(),
  /** Consent forms newly marked as sent by this export. */
  consentsMarkedSent: z.number().int(),
  /**
   * The coordinator stopped the export: `files` are the whole files written before it stopped (the one
   * being written was removed), `documents` the documents in them, and no consent form was marked sent.
   */
  isCancelled: z.boolean(),
});
export type DocumentExportResult = z.infer<typeof DocumentExportResultSchema>;

export const DocumentCancelExportInputSchema = z.object({ runId: RunIdSchema }).strict();
/** Whether a running export with that run id was found and told to stop (false when it had already ended). */
export const DocumentCancelExportResultSchema = z.object({ isStopping: z.boolean() });

export const ConsentMarkInputSchema = z
  .object({
    programmeId: IdSchema,
    personId: IdSchema,
    /** The host of the placement; the forms of one visit belong to one host. */
    organisationId: IdSchema,
    /** One form, or all three of the placement when absent. */
    kind: ConsentKindSchema.optional(),
    status: ConsentStatusSchema,
  })
  .strict();
export type ConsentMarkInput = z.infer<typeof ConsentMarkInputSchema>;
