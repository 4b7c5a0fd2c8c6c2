import type { Strings } from './strings';

/**
 * Texts of the planner screens, in the three UI languages. Dutch is the source: fr and en must have
 * exactly its keys (checked by the type). Merged into nl.ts, fr.ts and en.ts under 'planner'.
 */
const nl = {
  title: 'Planning',
} as const;

const fr: Strings<typeof nl> = {
  title: 'Planification',
};

const en: Strings<typeof nl> = {
  title: 'Planning',
};

export const plannerTexts = { nl, fr, en };
