import { z } from 'zod';
import { IsoDateSchema, LanguageSchema, TimeSchema } from '../../../src-shared/schemas/common.schema';

/*
 * The data each document renderer takes. The documents service gathers it from the database (names
 * already joined, addresses already formatted as lines) and hands it over as plain objects; nothing
 * here knows about ids or rows. Every schema says what to fix in words a coordinator understands,
 * because a refused document is reported to the coordinator, not to a developer.
 */

const required = (what: string) =>
  z.string({ error: `${what} is missing.` }).trim().min(1, `${what} is empty: fill it in before printing.`).max(500);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A person as printed on a document: name and the contact details the other side may see. */
export const DocumentPersonSchema = z.object({
  name: required('The name'),
  functionTitle: optionalText(200),
  email: optionalText(320),
  phone: optionalText(40),
});
export type DocumentPerson = z.infer<typeof DocumentPersonSchema>;

/** The participant (visitor, jobshadower) with the language the documents for them are written in. */
export const DocumentParticipantSchema = DocumentPersonSchema.extend({
  language: LanguageSchema.default('nl'),
  /** Free text as the participant wrote it; line breaks separate questions. */
  learningQuestions: z.string().max(20_000).default(''),
});
export type DocumentParticipant = z.infer<typeof DocumentParticipantSchema>;

/** An organisation with its address as printable lines ("Hallepoort 27", "1000 Brussel"). */
export const DocumentOrganisationSchema = z.object({
  name: required('The organisation name'),
  address: z.array(z.string().trim().max(300)).max(6).default([]),
  language: LanguageSchema.default('nl'),
});
export type DocumentOrganisation = z.infer<typeof DocumentOrganisationSchema>;

/**
 * The programme a document belongs to. `country` picks the legal wording of the confidentiality
 * pledge: Belgian programmes cite art. 458 Strafwetboek and art. 7 decreet Integrale Jeugdhulp, Dutch
 * ones use a general wording.
 */
export const DocumentProgrammeSchema = z.object({
  name: required('The programme name'),
  country: z.enum(['BE', 'NL'], { error: 'The programme country must be BE (Belgium) or NL (the Netherlands).' }).default('BE'),
  requiredHours: z.number().positive().max(2000).nullable().default(null),
  /** Who runs the programme and processes the personal data (data-sharing notice, certificate). */
  coordinator: z
    .object({
      name: required('The coordinator name'),
      organisation: required('The coordinating organisation'),
      email: optionalText(320),
      phone: optionalText(40),
      privacyUrl: optionalText(500),
    })
    .nullable()
    .default(null),
});
export type DocumentProgramme = z.infer<typeof DocumentProgrammeSchema>;

const timeRange = <T extends { startTime: string; endTime: string }>(v: T) => v.endTime > v.startTime;
const TIME_ORDER = { message: 'A time slot must end after it starts (for example 09:30 to 12:30).', path: ['endTime'] };

/** One block of the schedule at the host: a day or day part. */
export const ScheduleBlockSchema = z
  .object({
    date: IsoDateSchema,
    startTime: TimeSchema,
    endTime: TimeSchema,
    activity: z.string().trim().max(500).default(''),
  })
  .refine(timeRange, TIME_ORDER);
export type ScheduleBlock = z.infer<typeof ScheduleBlockSchema>;

/** A group session before (preparation) or after (debrief) the shadowing. */
export const GroupSessionSchema = z
  .object({
    kind: z.enum(['preparation', 'debrief']),
    title: z.string().trim().max(300).default(''),
    date: IsoDateSchema,
    startTime: TimeSchema,
    endTime: TimeSchema,
    address: z.array(z.string().trim().max(300)).max(6).default([]),
  })
  .refine(timeRange, TIME_ORDER);
export type GroupSession = z.infer<typeof GroupSessionSchema>;

/** The theme's reference framework: attention areas with the indicators the shadower observes. */
export const DocumentThemeSchema = z.object({
  name: required('The theme name'),
  framework: z.string().trim().max(300).default(''),
  areas: z.array(z.object({ title: required('An attention area'), indicators: z.array(z.string().trim().min(1).max(2000)).max(100) })).max(100),
});
export type DocumentTheme = z.infer<typeof DocumentThemeSchema>;

const placementCore = {
  programme: DocumentProgrammeSchema,
  participant: DocumentParticipantSchema,
  ownOrganisation: DocumentOrganisationSchema,
  host: DocumentOrganisationSchema,
  /** The mentor or host contact person; null when the host has not named one yet. */
  mentor: DocumentPersonSchema.nullable().default(null),
  /** The day the document is made (printed on it); the caller passes its clock. */
  issuedOn: IsoDateSchema,
};

/** The participant's programme: where, when, with whom and why. */
export const ProgrammeDocumentInputSchema = z.object({
  ...placementCore,
  blocks: z.array(ScheduleBlockSchema).max(500).default([]),
  sessions: z.array(GroupSessionSchema).max(50).default([]),
  theme: DocumentThemeSchema.nullable().default(null),
});
export type ProgrammeDocumentInput = z.input<typeof ProgrammeDocumentInputSchema>;
export type ProgrammeDocumentData = z.output<typeof ProgrammeDocumentInputSchema>;

/** One incoming participant on a host or mentor overview. */
export const IncomingVisitSchema = z.object({
  participant: DocumentParticipantSchema,
  ownOrganisation: z.string().trim().max(300).default(''),
  mentor: DocumentPersonSchema.nullable().default(null),
  blocks: z.array(ScheduleBlockSchema).max(500).default([]),
});
export type IncomingVisit = z.infer<typeof IncomingVisitSchema>;

/**
 * The overview for a host organisation (all incoming participants, grouped by mentor) or for one
 * mentor (their own participants only: the service filters `visits`, see overviewsPerMentor).
 */
export const HostOverviewInputSchema = z.object({
  programme: DocumentProgrammeSchema,
  host: DocumentOrganisationSchema,
  recipient: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('host') }),
    z.object({ kind: z.literal('mentor'), mentor: DocumentPersonSchema }),
  ]).default({ kind: 'host' }),
  visits: z.array(IncomingVisitSchema).max(2000),
  issuedOn: IsoDateSchema,
});
export type HostOverviewInput = z.input<typeof HostOverviewInputSchema>;
export type HostOverviewData = z.output<typeof HostOverviewInputSchema>;

/** The consent forms of one placement: client consent, confidentiality pledge, data-sharing notice. */
export const ConsentDocumentInputSchema = z.object({
  ...placementCore,
  /** The days the participant visits; printed on all three forms. */
  visitDates: z.array(IsoDateSchema).max(100).default([]),
  /** Activities the host plans; the client marks each as welcome or rather not. Empty rows are added. */
  activities: z.array(z.string().trim().min(1).max(300)).max(40).default([]),
});
export type ConsentDocumentInput = z.input<typeof ConsentDocumentInputSchema>;
export type ConsentDocumentData = z.output<typeof ConsentDocumentInputSchema>;

/** The certificate of participation with the hours actually done. */
export const CertificateInputSchema = z.object({
  ...placementCore,
  hoursDone: z.number({ error: 'The hours done must be a number.' }).min(0).max(2000),
  periodFrom: IsoDateSchema.nullable().default(null),
  periodTo: IsoDateSchema.nullable().default(null),
  /** Who signs the certificate; when null, the programme coordinator. */
  signatory: z.object({ name: required('The signatory name'), role: optionalText(200) }).nullable().default(null),
});
export type CertificateInput = z.input<typeof CertificateInputSchema>;
export type CertificateData = z.output<typeof CertificateInputSchema>;
