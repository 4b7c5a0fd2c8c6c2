import type { Strings } from './strings';

/**
 * Texts of the documents screens, in the three UI languages. Dutch is the source: fr and en must have
 * exactly its keys (checked by the type). Merged into nl.ts, fr.ts and en.ts under 'documents'.
 */
const nl = {
  title: 'Documenten',
} as const;

const fr: Strings<typeof nl> = {
  title: 'Documents',
};

const en: Strings<typeof nl> = {
  title: 'Documents',
};

export const documentsTexts = { nl, fr, en };
