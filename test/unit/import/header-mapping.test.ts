import { describe, expect, it } from 'vitest';
import { applyRememberedMapping, choiceRank, correctMapping, headerSignature, proposeMapping, rememberMapping } from '../../../src-main/domain/import/header-mapping';

const fieldOf = (headers: string[], kind: 'participants' | 'organisations' | 'mentors') =>
  Object.fromEntries(proposeMapping(headers, kind).columns.map((c) => [c.header, c.field]));

describe('header mapping', () => {
  it.each([
    ['E-mail', 'email'], ['Adresse e-mail', 'email'], ['Courriel', 'email'], ['Mail', 'email'], ['E-mailadres', 'email'],
    ['GSM-nummer', 'phone'], ['Téléphone', 'phone'], ['Telefoon', 'phone'], ['Tel.', 'phone'],
    ['Voornaam', 'firstName'], ['Prénom', 'firstName'], ['Familienaam', 'lastName'], ['Nom de famille', 'lastName'],
    ['Tijdstempel', 'submittedAt'], ['Horodateur', 'submittedAt'], ['Timestamp', 'submittedAt'], ['Completion time', 'submittedAt'],
    ['Eerste keuze', 'choice1'], ['1er choix', 'choice1'], ['Choix 1', 'choice1'], ['Voorkeur 1', 'choice1'], ['Keuze 2', 'choice2'],
    ['2e choix', 'choice2'], ['Derde keuze', 'choice3'], ['Third choice', 'choice3'], ['Activatiecode', 'activationCode'],
    ['Leervragen', 'learningQuestions'], ['Organisatie', 'organisation'], ['Early bird', 'isEarlyBird'],
  ])('participants: %s → %s', (header, field) => {
    expect(fieldOf([header], 'participants')[header]).toBe(field);
  });

  it('prefers the question column over the Microsoft Forms respondent columns', () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Voornaam', 'Achternaam', 'E-mailadres'];
    const m = fieldOf(headers, 'participants');
    expect(m['E-mailadres']).toBe('email');
    expect(m['Email']).toBeNull();
    expect(m['Completion time']).toBe('submittedAt');
    expect(m['Start time']).toBeNull();
    expect(proposeMapping(headers, 'participants').unmapped).toContain('ID');
  });

  it('maps organisation files', () => {
    const m = fieldOf(['Organisatie', 'Postcode', 'Gemeente', 'Website', 'Contactpersoon', 'E-mail contactpersoon', 'Aantal plaatsen', 'Code postal'], 'organisations');
    expect(m).toMatchObject({ Organisatie: 'name', Gemeente: 'municipality', Website: 'website', Contactpersoon: 'contactName', 'E-mail contactpersoon': 'contactEmail', 'Aantal plaatsen': 'placeCapacity' });
  });

  it('reports missing required fields and confidence', () => {
    const p = proposeMapping(['Voornaam', 'Iets anders'], 'participants');
    expect(p.missingRequired).toEqual(['email']);
    expect(p.columns[0]?.confidence).toBe(1);
    expect(p.columns[1]).toMatchObject({ field: null, confidence: 0, letter: 'B' });
  });

  it('recognises choice ranks', () => {
    expect(['Eerste keuze', 'Tweede keuze', '1er choix', '2ème choix', 'Choix 3', 'Voorkeur 1', 'Preference 2', 'Naam'].map(choiceRank)).toEqual([1, 2, 1, 2, 3, 1, 2, null]);
  });

  it('gives an order-insensitive signature and reuses a remembered mapping', () => {
    expect(headerSignature(['E-mail', 'Voornaam'])).toBe(headerSignature(['voornaam ', 'email']));
    const headers = ['Wie', 'Adres mail', 'Keuze A'];
    const proposal = proposeMapping(headers, 'participants');
    const fixed = correctMapping(proposal, { 0: 'fullName', 1: 'email', 2: 'choice1' }, headers);
    expect(fixed.missingRequired).toEqual([]);
    const remembered = rememberMapping(fixed.columns);
    const reordered = ['Keuze A', 'Wie', 'Adres mail'];
    const again = applyRememberedMapping(reordered, 'participants', remembered);
    expect(again.columns.map((c) => c.field)).toEqual(['choice1', 'fullName', 'email']);
    expect(again.signature).toBe(fixed.signature);
  });
});
