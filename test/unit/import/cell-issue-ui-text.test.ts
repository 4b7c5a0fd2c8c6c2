import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src-renderer/src/i18n/en';
import fr from '../../../src-renderer/src/i18n/fr';
import nl from '../../../src-renderer/src/i18n/nl';
import { CELL_ISSUE_TEXTS, cellIssueText } from '../../../src-renderer/src/pages/import/cell-issue-text';
import { CELL_ISSUE_CODES } from '../../../src-shared/schemas/import-preview.schema';
import { CELL_ISSUE_CASES, issuesOf } from './cell-issue-cases';

/*
 * The wizard writes the reason of every refused cell from its code and params with i18next, so a
 * Dutch or French window does not show the service's English. The English texts are the service's
 * sentences word for word (the CLI prints those).
 */

const LANGUAGES = ['nl', 'fr', 'en'] as const;
const RESOURCES = { nl, fr, en };
const t = {} as Record<(typeof LANGUAGES)[number], TFunction>;

beforeAll(async () => {
  for (const lng of LANGUAGES) {
    const instance = i18next.createInstance();
    await instance.init({ resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
    t[lng] = instance.t;
  }
});

describe('reasons of refused cells in the window', () => {
  it('has a text for every code in nl, fr and en, with placeholders only for the params it is written with', () => {
    for (const code of CELL_ISSUE_CODES) {
      const { key, params } = CELL_ISSUE_TEXTS[code];
      for (const lng of LANGUAGES) {
        const raw: unknown = RESOURCES[lng].importer.cellIssues[key];
        expect(typeof raw, `${lng} ${code}`).toBe('string');
        if (typeof raw !== 'string') continue;
        const placeholders = [...raw.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
        expect(new Set(placeholders), `${lng} ${code}`).toEqual(new Set(params));
      }
    }
  });

  it.each(CELL_ISSUE_CASES.map((c) => [c.name, c] as const))('writes %s in every language, English as the service does', (_name, c) => {
    const issue = issuesOf(c)[0];
    expect(issue).toBeDefined();
    if (issue === undefined) return;
    const text = { nl: cellIssueText(issue, t.nl), fr: cellIssueText(issue, t.fr), en: cellIssueText(issue, t.en) };
    expect(text.en).toBe(issue.message);
    for (const lng of LANGUAGES) {
      expect(text[lng], lng).not.toMatch(/\{\{|\}\}|importer\.cellIssues/);
      expect(text[lng], lng).toMatch(/\.$/);
      for (const v of Object.values(issue.params ?? {})) expect(text[lng], lng).toContain(String(v));
    }
    expect(text.nl).not.toBe(text.en);
    expect(text.fr).not.toBe(text.en);
    expect(text.fr).not.toBe(text.nl);
    // The words around the cell text are the window's language (the cell text itself is as written).
    const words = (s: string) => s.replace(String(issue.params?.value ?? '\u0000'), '');
    expect(words(text.nl)).not.toMatch(/\b(is not|write|the|missing)\b/i);
    expect(words(text.fr)).not.toMatch(/\b(is not|write|the|missing|schrijf|geen|ontbreekt)\b/i);
  });

  it('says why an e-mail address is refused in Dutch, with what to write instead', () => {
    const issue = issuesOf({ kind: 'participants', row: { firstName: 'Bram', email: 'bram@example' } })[0];
    expect(issue && cellIssueText(issue, t.nl)).toBe('“bram@example” is geen e-mailadres. Schrijf één adres, zoals naam@organisatie.be.');
    expect(issue && cellIssueText(issue, t.fr)).toBe('« bram@example » n’est pas une adresse e-mail. Écrivez une seule adresse, par exemple nom@organisation.be.');
  });

  it('falls back to the service’s sentence for a code this version does not know, or without the params', () => {
    const message = 'Row 2: something new is wrong.';
    expect(cellIssueText({ code: 'from_the_future', params: { value: 'x' }, message }, t.nl)).toBe(message);
    expect(cellIssueText({ code: 'toString', message }, t.nl)).toBe(message);
    expect(cellIssueText({ code: 'email', message }, t.nl)).toBe(message);
    expect(cellIssueText({ code: 'too_long', params: { value: 'x' }, message }, t.fr)).toBe(message);
    expect(cellIssueText({ code: 'missing_name', message }, t.nl)).toBe('De naam ontbreekt. Vul minstens de voornaam in.');
  });
});
