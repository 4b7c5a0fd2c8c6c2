import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillAll, fillTemplate, placeholdersIn } from '../../../src-main/domain/documents/fill-template';
import { parseTemplate, TEMPLATE_KINDS } from '../../../src-main/domain/documents/template-spec';
import { createTemplateStore } from '../../../src-main/io/pdf/template-store';

const shipped = path.resolve(__dirname, '../../../resources/templates');

describe('fillTemplate', () => {
  it.each([
    ['Beste {participant.name},', { 'participant.name': 'Zoë D’Hondt' }, 'Beste Zoë D’Hondt,'],
    ['{a} en {a}', { a: 'x' }, 'x en x'],
    ['Totaal: {hours}', { hours: 14 }, 'Totaal: 14'],
    ['Functie: {f}.', { f: null }, 'Functie: .'],
    ['Letterlijk {{accolade}} blijft', {}, 'Letterlijk {accolade} blijft'],
    ['Geen placeholders, wel € en ’', {}, 'Geen placeholders, wel € en ’'],
    ['{ spaties } zijn geen placeholder', {}, '{ spaties } zijn geen placeholder'],
  ])('%s', (text, values, expected) => expect(fillTemplate(text, values)).toBe(expected));

  it('refuses a misspelt placeholder instead of printing nothing', () => {
    expect(() => fillTemplate('Beste {participant.nmae}', { 'participant.name': 'Eva' })).toThrow(/participant\.nmae/);
  });

  it('lists placeholders once, in order', () => {
    expect(placeholdersIn('{b} {a.c} {b} {{x}}')).toEqual(['b', 'a.c']);
  });

  it('drops a list item whose placeholder has no value, keeps the others', () => {
    const values = { 'privacy.url': null, 'programme.name': 'Kijkstages' };
    expect(fillAll(['Meer info: {privacy.url}', 'Voor {programme.name}.', '  '], values)).toEqual(['Voor Kijkstages.']);
  });
});

describe('parseTemplate', () => {
  it('names the file and the missing text', () => {
    expect(() => parseTemplate('certificate', { title: 'Attest' }, 'nl/certificate.json')).toThrow(/nl\/certificate\.json.*"statement" is missing/);
  });

  it('says when a list is written as one text', () => {
    const shippedTexts = createTemplateStore([shipped]).lookup('certificate', 'nl');
    expect(() => parseTemplate('certificate', { ...shippedTexts, statement: 'één zin' }, 'x.json')).toThrow(/"statement" must be a list/);
  });

  it('refuses a placeholder the document does not know and lists the known ones', () => {
    const shippedTexts = createTemplateStore([shipped]).lookup('certificate', 'nl');
    expect(() => parseTemplate('certificate', { ...shippedTexts, title: 'Attest {participant.adres}' }, 'x.json')).toThrow(/\{participant\.adres\}.*Known here: .*\{participant\.name\}/);
  });

  it('accepts every shipped template in every language', () => {
    const store = createTemplateStore([shipped]);
    for (const lang of ['nl', 'fr', 'en'] as const) for (const kind of TEMPLATE_KINDS) expect(() => store.lookup(kind, lang)).not.toThrow();
  });
});
