import type { Language } from '../../../src-shared/schemas/common.schema';
import type { ConsentDocumentData } from './document-input.schema';
import type { DocumentBlock, DocumentModel, TableCell } from './document-model';
import { fillAll, fillTemplate } from './fill-template';
import { formatDateList } from './format';
import { chooseDocumentLanguage, type DocumentKind } from './language';
import { personRows, placementValues, type TemplateLookup } from './placement-values';
import { footerText } from './programme-document';

/** The three forms of a placement, in the order they are printed together. */
export const CONSENT_FORM_KINDS = ['client-consent', 'confidentiality-pledge', 'data-sharing'] as const satisfies readonly DocumentKind[];
/** One of the consent forms. */
export type ConsentFormKind = (typeof CONSENT_FORM_KINDS)[number];

/** Rows the client consent form offers at least, so the host can add activities by hand. */
export const MIN_ACTIVITY_ROWS = 6;

function context(kind: ConsentFormKind, data: ConsentDocumentData, templates: TemplateLookup, language?: Language | null) {
  const lang = chooseDocumentLanguage(kind, { participant: data.participant.language, host: data.host.language }, language);
  const common = templates('common', lang);
  const values = { ...placementValues(data, lang, common.notKnown), 'visit.dates': formatDateList(data.visitDates, lang) || common.notKnown };
  return { lang, common, values, fill: (text: string) => fillTemplate(text, values) };
}

function paragraphs(texts: readonly string[], values: Record<string, string | null>): DocumentBlock[] {
  return fillAll(texts, values).map((text) => ({ type: 'paragraph', text }));
}

/**
 * Builds one consent form of a placement. The client consent form follows the host's language (the
 * host's clients read it), the pledge and the data-sharing notice follow the participant's.
 */
export function buildConsentDocument(kind: ConsentFormKind, data: ConsentDocumentData, templates: TemplateLookup, language?: Language | null): DocumentModel {
  const { lang, common, values, fill } = context(kind, data, templates, language);
  const blocks: DocumentBlock[] = [];
  let title: string;
  const hostContact = data.mentor?.name ?? '';

  if (kind === 'client-consent') {
    const t = templates('client-consent', lang);
    title = fill(t.title);
    blocks.push(...paragraphs(t.intro, values));
    blocks.push({ type: 'paragraph', text: fill(t.visit), tone: 'strong' });
    blocks.push({ type: 'heading', text: fill(t.activitiesHeading) });
    blocks.push({ type: 'paragraph', text: fill(t.activitiesIntro) });
    const box: TableCell = { checkbox: true };
    const rows: TableCell[][] = data.activities.map((a) => [a, box, box]);
    while (rows.length < Math.max(MIN_ACTIVITY_ROWS, data.activities.length + 2)) rows.push(['', box, box]);
    blocks.push({
      type: 'table',
      columns: [
        { header: fill(t.columnActivity), width: 0.6 },
        { header: fill(t.columnWelcome), width: 0.2, align: 'center' },
        { header: fill(t.columnRatherNot), width: 0.2, align: 'center' },
      ],
      rows,
    });
    blocks.push({ type: 'heading', text: fill(t.questionsHeading) });
    blocks.push({ type: 'paragraph', text: fill(t.questionsPrompt) });
    blocks.push({ type: 'writing-lines', count: 4 });
    blocks.push(...paragraphs(t.closing, values));
    blocks.push({ type: 'signatures', parties: [{ caption: fill(t.clientSignature), name: '' }, { caption: fill(t.hostSignature), name: hostContact }] });
  } else if (kind === 'confidentiality-pledge') {
    const t = templates('confidentiality-pledge', lang);
    title = fill(t.title);
    blocks.push(...paragraphs(t.intro, values));
    blocks.push(...paragraphs(data.programme.country === 'BE' ? t.legalBasisBE : t.legalBasisNL, values));
    blocks.push({ type: 'heading', text: fill(t.commitmentsHeading) });
    blocks.push({ type: 'bullets', items: fillAll(t.commitments, values) });
    blocks.push({ type: 'signatures', parties: [{ caption: fill(t.participantSignature), name: data.participant.name }, { caption: fill(t.hostSignature), name: hostContact }] });
  } else {
    const t = templates('data-sharing', lang);
    title = fill(t.title);
    blocks.push(...paragraphs(t.intro, values));
    blocks.push({ type: 'heading', text: fill(t.whatHeading) });
    blocks.push({ type: 'paragraph', text: fill(t.participantReceives) });
    if (data.mentor) blocks.push({ type: 'fields', rows: personRows(common, data.mentor, data.host.name) });
    else blocks.push({ type: 'fields', rows: [[common.labelName, common.notKnown], [common.labelOrganisation, data.host.name]] });
    blocks.push({ type: 'paragraph', text: fill(t.hostReceives) });
    blocks.push({ type: 'fields', rows: personRows(common, data.participant, data.ownOrganisation.name) });
    blocks.push({ type: 'heading', text: fill(t.whyHeading) });
    blocks.push(...paragraphs(t.why, values));
    blocks.push({ type: 'heading', text: fill(t.rightsHeading) });
    blocks.push({ type: 'bullets', items: fillAll(t.rights, values) });
    blocks.push({ type: 'signatures', parties: [{ caption: fill(t.participantSignature), name: data.participant.name }] });
  }

  return {
    kind,
    language: lang,
    title,
    subtitle: `${data.programme.name} · ${data.host.name}`,
    footer: footerText(common, values, data.programme.name),
    pageOf: common.pageOf,
    blocks,
  };
}
