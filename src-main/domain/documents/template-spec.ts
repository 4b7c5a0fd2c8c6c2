import { AppError } from '../../../src-shared/errors';
import type { Language } from '../../../src-shared/schemas/common.schema';
import { placeholdersIn } from './fill-template';

/*
 * The wording of every document lives in editable JSON files, one per language and document
 * (resources/templates/<lang>/<kind>.json, README.md there). This file is the contract between those
 * files and the renderers: which texts each file must hold, whether a text is one paragraph ('text')
 * or a list of paragraphs/bullets ('list'), and which {placeholders} it may use. A coordinator who
 * edits a file and drops a text or misspells a placeholder gets a message naming the file and the key,
 * at load time, before anything is printed.
 */

/** The languages documents are written in. */
export const DOCUMENT_LANGUAGES = ['nl', 'fr', 'en'] as const satisfies readonly Language[];

type Spec = Record<string, 'text' | 'list'>;

const BASE_PLACEHOLDERS = ['programme.name', 'date.issued', 'coordinator.name', 'coordinator.organisation', 'coordinator.email', 'coordinator.phone', 'privacy.url'] as const;
const PLACEMENT_PLACEHOLDERS = [
  ...BASE_PLACEHOLDERS,
  'participant.name', 'participant.function', 'participant.email', 'participant.phone',
  'ownOrganisation.name', 'host.name', 'host.address',
  'mentor.name', 'mentor.function', 'mentor.email', 'mentor.phone',
] as const;

/** Texts per template file. */
export const TEMPLATE_SPECS = {
  common: {
    pageOf: 'text', issuedOn: 'text', hours: 'text', timeRange: 'text', notKnown: 'text',
    labelName: 'text', labelFunction: 'text', labelOrganisation: 'text', labelAddress: 'text', labelPhone: 'text', labelEmail: 'text',
    signatureName: 'text', signatureDate: 'text', signatureSign: 'text',
    fileProgramme: 'text', fileHostOverview: 'text', fileMentorOverview: 'text', fileClientConsent: 'text',
    fileConfidentialityPledge: 'text', fileDataSharing: 'text', fileCertificate: 'text', fileAllProgrammes: 'text', fileHostForms: 'text',
  },
  programme: {
    title: 'text', subtitle: 'text', intro: 'list',
    participantHeading: 'text', hostHeading: 'text', mentorHeading: 'text', mentorMissing: 'text',
    learningQuestionsHeading: 'text', learningQuestionsEmpty: 'text',
    scheduleHeading: 'text', columnDate: 'text', columnTime: 'text', columnActivity: 'text', columnHours: 'text',
    scheduleTotal: 'text', scheduleRequired: 'text', scheduleEmpty: 'text',
    sessionsHeading: 'text', sessionPreparation: 'text', sessionDebrief: 'text',
    agreementsHeading: 'text', agreements: 'list',
    observationHeading: 'text', observationIntro: 'text',
  },
  'host-overview': {
    titleHost: 'text', titleMentor: 'text', intro: 'list', visitorCount: 'text',
    mentorGroup: 'text', noMentor: 'text', labelDates: 'text', labelHours: 'text', labelLearningQuestions: 'text',
    noLearningQuestions: 'text', empty: 'text',
  },
  'client-consent': {
    title: 'text', intro: 'list', visit: 'text', activitiesHeading: 'text', activitiesIntro: 'text',
    columnActivity: 'text', columnWelcome: 'text', columnRatherNot: 'text',
    questionsHeading: 'text', questionsPrompt: 'text', closing: 'list', clientSignature: 'text', hostSignature: 'text',
  },
  'confidentiality-pledge': {
    title: 'text', intro: 'list', legalBasisBE: 'list', legalBasisNL: 'list', commitmentsHeading: 'text', commitments: 'list',
    participantSignature: 'text', hostSignature: 'text',
  },
  'data-sharing': {
    title: 'text', intro: 'list', whatHeading: 'text', participantReceives: 'text', hostReceives: 'text',
    whyHeading: 'text', why: 'list', rightsHeading: 'text', rights: 'list', participantSignature: 'text',
  },
  certificate: {
    title: 'text', statement: 'list', hoursLine: 'text', periodLine: 'text', closing: 'list', signatureLabel: 'text',
  },
} as const satisfies Record<string, Spec>;

/** A template file: one per document kind, plus `common` for the texts every document shares. */
export type TemplateKind = keyof typeof TEMPLATE_SPECS;
/** The template kinds in load order. */
export const TEMPLATE_KINDS = Object.keys(TEMPLATE_SPECS) as TemplateKind[];

/** The parsed texts of one template file, typed by its spec. */
export type TemplateTexts<K extends TemplateKind> = {
  [P in keyof (typeof TEMPLATE_SPECS)[K]]: (typeof TEMPLATE_SPECS)[K][P] extends 'list' ? string[] : string;
};

/** Placeholders each template file may use; the README lists them for coordinators. */
export const TEMPLATE_PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  common: ['page', 'pages', 'date', 'hours', 'start', 'end', 'name', ...BASE_PLACEHOLDERS],
  programme: [...PLACEMENT_PLACEHOLDERS, 'hours.total', 'hours.required', 'theme.name', 'theme.framework'],
  'host-overview': [...BASE_PLACEHOLDERS, 'host.name', 'host.address', 'mentor.name', 'count'],
  'client-consent': [...PLACEMENT_PLACEHOLDERS, 'visit.dates'],
  'confidentiality-pledge': [...PLACEMENT_PLACEHOLDERS, 'visit.dates'],
  'data-sharing': [...PLACEMENT_PLACEHOLDERS, 'visit.dates'],
  certificate: [...PLACEMENT_PLACEHOLDERS, 'hours.done', 'hours.required', 'period.from', 'period.to', 'signatory.name', 'signatory.role'],
};

/**
 * Checks a template file's parsed JSON against its spec and returns the typed texts. `source` names
 * the file in messages. Extra keys are allowed (a coordinator may keep notes in "_comment").
 */
export function parseTemplate<K extends TemplateKind>(kind: K, raw: unknown, source: string): TemplateTexts<K> {
  const spec: Spec = TEMPLATE_SPECS[kind];
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw templateError(source, ['the file must hold one JSON object with the texts, like the shipped file.']);
  }
  const record = raw as Record<string, unknown>;
  const allowed = new Set(TEMPLATE_PLACEHOLDERS[kind]);
  const out: Record<string, string | string[]> = {};
  for (const [key, shape] of Object.entries(spec)) {
    const value = record[key];
    if (value === undefined) {
      problems.push(`the text "${key}" is missing; copy it from the shipped file.`);
      continue;
    }
    const isList = Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (shape === 'list' ? !isList : typeof value !== 'string') {
      problems.push(shape === 'list'
        ? `"${key}" must be a list of texts: ["first paragraph", "second paragraph"].`
        : `"${key}" must be one text between double quotes.`);
      continue;
    }
    const texts = typeof value === 'string' ? [value] : (value as string[]);
    for (const text of texts) {
      for (const name of placeholdersIn(text)) {
        if (!allowed.has(name)) {
          problems.push(`"${key}" uses {${name}}, which this document does not know. Known here: ${[...allowed].map((p) => `{${p}}`).join(', ')}.`);
        }
      }
    }
    out[key] = value as string | string[];
  }
  if (problems.length > 0) throw templateError(source, problems);
  return out as TemplateTexts<K>;
}

function templateError(source: string, problems: string[]): AppError {
  return new AppError('file_rejected', `The template ${source} cannot be used: ${problems.join(' ')}`, { source, problems });
}
