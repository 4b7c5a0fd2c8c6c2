import type { Language } from '../../../src-shared/schemas/common.schema';
import type { CertificateData } from './document-input.schema';
import type { DocumentBlock, DocumentModel } from './document-model';
import { fillAll, fillTemplate } from './fill-template';
import { formatDate } from './format';
import { chooseDocumentLanguage } from './language';
import { placementValues, type TemplateLookup } from './placement-values';
import { footerText, hoursText } from './programme-document';

/** Builds the certificate of participation in the participant's language. */
export function buildCertificateDocument(data: CertificateData, templates: TemplateLookup, language?: Language | null): DocumentModel {
  const lang = chooseDocumentLanguage('certificate', { participant: data.participant.language, host: data.host.language }, language);
  const common = templates('common', lang);
  const t = templates('certificate', lang);
  const signatory = data.signatory ?? (data.programme.coordinator ? { name: data.programme.coordinator.name, role: data.programme.coordinator.organisation } : null);
  const values = {
    ...placementValues(data, lang, common.notKnown),
    'hours.done': hoursText(common, data.hoursDone, lang),
    'hours.required': data.programme.requiredHours === null ? null : hoursText(common, data.programme.requiredHours, lang),
    'period.from': data.periodFrom === null ? null : formatDate(data.periodFrom, lang),
    'period.to': data.periodTo === null ? null : formatDate(data.periodTo, lang),
    'signatory.name': signatory?.name ?? null,
    'signatory.role': signatory?.role ?? null,
  };
  const fill = (text: string) => fillTemplate(text, values);
  const blocks: DocumentBlock[] = fillAll(t.statement, values).map((text) => ({ type: 'paragraph', text }));
  blocks.push({ type: 'paragraph', text: fill(t.hoursLine), tone: 'strong' });
  if (data.periodFrom !== null && data.periodTo !== null) blocks.push({ type: 'paragraph', text: fill(t.periodLine) });
  for (const text of fillAll(t.closing, values)) blocks.push({ type: 'paragraph', text });
  const caption = fill(t.signatureLabel);
  blocks.push({ type: 'signatures', parties: [{ caption, name: signatory ? [signatory.name, signatory.role].filter(Boolean).join(', ') : '' }] });
  return {
    kind: 'certificate',
    language: lang,
    title: fill(t.title),
    subtitle: data.programme.name,
    footer: footerText(common, values, data.programme.name),
    pageOf: common.pageOf,
    blocks,
  };
}
