import type { Language } from '../../../src-shared/schemas/common.schema';
import { DOCUMENT_LANGUAGES } from './template-spec';

/** The documents Meeloop prints. */
export const DOCUMENT_KINDS = ['programme', 'host-overview', 'client-consent', 'confidentiality-pledge', 'data-sharing', 'certificate'] as const;
/** One of the documents Meeloop prints. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Whose language a document is written in. What the participant reads and signs follows the
 * participant; what the host's staff and clients read follows the host (a French-speaking client in a
 * Brussels host signs a French form, whatever the visitor speaks).
 */
export const LANGUAGE_FOLLOWS: Record<DocumentKind, 'participant' | 'host'> = {
  programme: 'participant',
  'host-overview': 'host',
  'client-consent': 'host',
  'confidentiality-pledge': 'participant',
  'data-sharing': 'participant',
  certificate: 'participant',
};

/** The languages known for a document's readers; any may be missing. */
export interface LanguageContext {
  participant?: Language | null;
  host?: Language | null;
}

/**
 * Chooses the language of a document: an explicit override (the coordinator picked one) wins, then
 * the side the document follows, then the other side, then Dutch (DOMAIN.md: Dutch first).
 */
export function chooseDocumentLanguage(kind: DocumentKind, context: LanguageContext, override?: Language | null): Language {
  const supported = (l: Language | null | undefined): l is Language => l != null && (DOCUMENT_LANGUAGES as readonly string[]).includes(l);
  if (supported(override)) return override;
  const first = LANGUAGE_FOLLOWS[kind];
  const order = first === 'participant' ? [context.participant, context.host] : [context.host, context.participant];
  return order.find(supported) ?? 'nl';
}
