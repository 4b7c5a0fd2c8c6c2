import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCertificateDocument } from '../../../src-main/domain/documents/certificate-document';
import { buildConsentDocument, MIN_ACTIVITY_ROWS } from '../../../src-main/domain/documents/consent-documents';
import {
  CertificateInputSchema,
  ConsentDocumentInputSchema,
  HostOverviewInputSchema,
  ProgrammeDocumentInputSchema,
} from '../../../src-main/domain/documents/document-input.schema';
import type { DocumentBlock, DocumentModel } from '../../../src-main/domain/documents/document-model';
import { buildHostOverviewDocument, overviewsPerMentor } from '../../../src-main/domain/documents/host-overview-document';
import { buildProgrammeDocument } from '../../../src-main/domain/documents/programme-document';
import { parseDocumentInput } from '../../../src-main/domain/documents/validate-input';
import { createTemplateStore } from '../../../src-main/io/pdf/template-store';
import { certificateInput, consentInput, hostOverviewInput, programmeInput } from '../../integration/pdf/document-fixtures';

const templates = createTemplateStore([path.resolve(__dirname, '../../../resources/templates')]).lookup;

/** Every text a model would print, in order. */
function texts(model: DocumentModel): string {
  const out: string[] = [model.title, model.subtitle ?? ''];
  const cell = (c: unknown) => (typeof c === 'string' ? c : '[ ]');
  for (const b of model.blocks as DocumentBlock[]) {
    if (b.type === 'heading' || b.type === 'paragraph') out.push(b.text);
    if (b.type === 'bullets') out.push(...b.items);
    if (b.type === 'fields') out.push(...b.rows.flat());
    if (b.type === 'table') out.push(...b.columns.map((c) => c.header), ...b.rows.flat().map(cell), b.total ?? '');
    if (b.type === 'signatures') out.push(...b.parties.flatMap((p) => [p.caption, p.name]));
  }
  return out.join('\n');
}

const programme = (over = {}) => parseDocumentInput(ProgrammeDocumentInputSchema, programmeInput('nl', over), 'test');

describe('participant programme', () => {
  it('says where, when, with whom and why, with the total hours', () => {
    const text = texts(buildProgrammeDocument(programme(), templates));
    for (const expected of ['Crèche Les Câlins', 'Rue de la Façade 12', 'François Lefèvre', '+32 2 123 45 67', 'francois@calins.example',
      'Hoe gaan jullie om met meertaligheid?', 'dinsdag 3 februari 2026', 'Totaal: 14 uur', 'zaterdag 17 januari 2026, 09:30 – 12:30',
      'Hallepoort 27', 'Terugkomdag', 'ten laste van je eigen werkgever', 'Bel dan zelf', 'beroepsgeheim', 'lunchmoment', 'Observatiepunten: Sociale steun en cohesie', 'Ouders vinden hun plaats.']) {
      expect(text).toContain(expected);
    }
  });

  it('is written in the participant’s language unless told otherwise', () => {
    expect(buildProgrammeDocument(programme(), templates).language).toBe('nl');
    expect(buildProgrammeDocument(parseDocumentInput(ProgrammeDocumentInputSchema, programmeInput('fr'), 't'), templates).pageOf).toBe('Page {page} sur {pages}');
    expect(buildProgrammeDocument(programme(), templates, 'en').title).toBe('Switching Talent – édition 2026');
  });

  it('leaves out observation points without a theme and says when no mentor is known yet', () => {
    const text = texts(buildProgrammeDocument(programme({ theme: null, mentor: null, sessions: [] }), templates));
    expect(text).not.toContain('Observatiepunten');
    expect(text).not.toContain('Voorbereiding en terugkomdag');
    expect(text).toContain('De gastorganisatie laat nog weten wie je ontvangt');
  });
});

describe('consent forms', () => {
  const data = parseDocumentInput(ConsentDocumentInputSchema, consentInput('nl', 'fr'), 'test');

  it('client consent follows the host’s language and offers activities to tick, with room to add more', () => {
    const model = buildConsentDocument('client-consent', data, templates);
    expect(model.language).toBe('fr');
    const table = model.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(MIN_ACTIVITY_ROWS);
    expect(texts(model)).toMatch(/Bienvenu[\s\S]*Plutôt pas[\s\S]*Kookactiviteit/);
    expect(texts(model)).toContain('le 3 février 2026 et 10 février 2026');
  });

  it('the pledge cites Belgian law for Belgian programmes and a general wording for Dutch ones', () => {
    const be = texts(buildConsentDocument('confidentiality-pledge', data, templates));
    expect(be).toContain('artikel 458 van het Strafwetboek');
    expect(be).toContain('artikel 7 van het decreet Integrale Jeugdhulp');
    const nlData = { ...data, programme: { ...data.programme, country: 'NL' as const } };
    const nl = texts(buildConsentDocument('confidentiality-pledge', nlData, templates));
    expect(nl).not.toContain('458');
    expect(nl).toContain('AVG');
  });

  it('the data-sharing notice shows what each side receives of the other', () => {
    const text = texts(buildConsentDocument('data-sharing', data, templates));
    expect(text).toMatch(/Jij ontvangt[\s\S]*François Lefèvre[\s\S]*\+32 2 123 45 67[\s\S]*ontvangt van jou[\s\S]*Zoë D’Hondt[\s\S]*zoe\.dhondt@/);
    const noUrl = { ...data, programme: { ...data.programme, coordinator: { ...data.programme.coordinator!, privacyUrl: null } } };
    expect(texts(buildConsentDocument('data-sharing', noUrl, templates))).not.toContain('Meer over je privacy');
  });
});

describe('certificate and host overview', () => {
  it('the certificate states the hours done and the period', () => {
    const text = texts(buildCertificateDocument(parseDocumentInput(CertificateInputSchema, certificateInput('fr'), 't'), templates));
    expect(text).toContain('Nombre d’heures prestées : 14,5 h');
    expect(text).toContain('du 3 février 2026 au 10 février 2026');
    expect(text).toContain('Anaïs Verbruggen');
  });

  it('the host overview groups by mentor; the mentor overview has only their own participants', () => {
    const data = parseDocumentInput(HostOverviewInputSchema, hostOverviewInput('nl'), 't');
    const host = texts(buildHostOverviewDocument(data, templates));
    expect(host).toMatch(/Mentor: François Lefèvre[\s\S]*Zoë D’Hondt[\s\S]*Eva Janssens[\s\S]*Mentor: Hélène Dubois[\s\S]*Noël Çelik[\s\S]*Nog zonder mentor[\s\S]*Joëlle Mertens/);
    const perMentor = overviewsPerMentor(data);
    expect(perMentor.map((o) => o.visits.map((v) => v.participant.name))).toEqual([['Zoë D’Hondt', 'Eva Janssens'], ['Noël Çelik']]);
    const francois = texts(buildHostOverviewDocument(perMentor[0]!, templates));
    expect(francois).toContain('Jouw bezoekers, François Lefèvre');
    expect(francois).not.toContain('Noël Çelik');
  });
});

describe('input validation', () => {
  it('says which field is wrong in words a coordinator understands', () => {
    const bad = programmeInput('nl', { blocks: [{ date: '2026-02-03', startTime: '12:00', endTime: '09:00' }] });
    bad.participant = { ...bad.participant!, name: '  ' };
    expect(() => parseDocumentInput(ProgrammeDocumentInputSchema, bad, 'the programme of Zoë')).toThrow(
      /Cannot make the programme of Zoë: .*participant\.name: The name is empty.*blocks\.0\.endTime: A time slot must end after it starts/,
    );
  });
});
