import type { Strings } from './strings';

/**
 * Texts of the importer screens, in the three UI languages. Dutch is the source: fr and en must have
 * exactly its keys (checked by the type). Merged into nl.ts, fr.ts and en.ts under 'importer'.
 */
const nl = {
  title: 'Import',
} as const;

const fr: Strings<typeof nl> = {
  title: 'Import',
};

const en: Strings<typeof nl> = {
  title: 'Import',
};

export const importerTexts = { nl, fr, en };
