import type { Language } from '../../../src-shared/schemas/common.schema';
import type { DocumentPerson, DocumentProgramme } from './document-input.schema';
import { formatDate } from './format';
import type { TemplateKind, TemplateTexts } from './template-spec';

/** Finds the parsed texts of a template file in a language (the io layer loads and caches them). */
export type TemplateLookup = <K extends TemplateKind>(kind: K, language: Language) => TemplateTexts<K>;

/** The placeholder values every document knows. */
export function baseValues(programme: DocumentProgramme, issuedOn: string, lang: Language): Record<string, string | null> {
  const c = programme.coordinator;
  return {
    'programme.name': programme.name,
    'date.issued': formatDate(issuedOn, lang),
    'coordinator.name': c?.name ?? null,
    'coordinator.organisation': c?.organisation ?? null,
    'coordinator.email': c?.email ?? null,
    'coordinator.phone': c?.phone ?? null,
    'privacy.url': c?.privacyUrl ?? null,
  };
}

/** What a placement document (programme, forms, certificate) knows about the people involved. */
export interface PlacementData {
  programme: DocumentProgramme;
  participant: DocumentPerson;
  ownOrganisation: { name: string };
  host: { name: string; address: string[] };
  mentor: DocumentPerson | null;
  issuedOn: string;
}

/** Placeholder values for placement documents; an unknown mentor prints as "not known yet". */
export function placementValues(data: PlacementData, lang: Language, notKnown: string): Record<string, string | null> {
  const p = data.participant;
  const m = data.mentor;
  return {
    ...baseValues(data.programme, data.issuedOn, lang),
    'participant.name': p.name,
    'participant.function': p.functionTitle,
    'participant.email': p.email,
    'participant.phone': p.phone,
    'ownOrganisation.name': data.ownOrganisation.name,
    'host.name': data.host.name,
    'host.address': data.host.address.filter((l) => l !== '').join(', '),
    'mentor.name': m?.name ?? notKnown,
    'mentor.function': m?.functionTitle ?? null,
    'mentor.email': m?.email ?? null,
    'mentor.phone': m?.phone ?? null,
  };
}

/** Label/value rows for a person; empty values are left out rather than printed as blanks. */
export function personRows(
  common: TemplateTexts<'common'>,
  person: { name: string; functionTitle?: string | null; email?: string | null; phone?: string | null },
  organisation?: string | null,
): [string, string][] {
  const rows: [string, string | null | undefined][] = [
    [common.labelName, person.name],
    [common.labelFunction, person.functionTitle],
    [common.labelOrganisation, organisation],
    [common.labelPhone, person.phone],
    [common.labelEmail, person.email],
  ];
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1].trim() !== '');
}

/** Free-text learning questions as separate items: one per non-empty line, bullets and numbering stripped. */
export function splitLearningQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-•*·]|\d+[.)])\s*/, '').trim())
    .filter((l) => l !== '');
}
