import type { Language } from '../../../src-shared/schemas/common.schema';
import type {
  CertificateInput,
  ConsentDocumentInput,
  HostOverviewInput,
  ProgrammeDocumentInput,
} from '../../../src-main/domain/documents/document-input.schema';

/*
 * Gathered document data as the documents service will hand it over: a Switching Talent placement in
 * Brussels with accents, apostrophes and € in names and texts, so every test reads them back.
 */

const programme = {
  name: 'Switching Talent – édition 2026',
  country: 'BE' as const,
  requiredHours: 14,
  coordinator: {
    name: 'Anaïs Verbruggen',
    organisation: 'Kenniscentrum WWZ',
    email: 'anais@kenniscentrum.example',
    phone: '+32 2 555 66 77',
    privacyUrl: 'https://bijeenander.example/privacy',
  },
};

/** A participant's programme; `language` sets the participant's language, `questions` the learning questions. */
export function programmeInput(language: Language = 'nl', overrides: Partial<ProgrammeDocumentInput> = {}): ProgrammeDocumentInput {
  return {
    programme,
    participant: {
      name: 'Zoë D’Hondt',
      functionTitle: 'Pedagogisch coach',
      email: 'zoe.dhondt@kinderopvang.example',
      phone: '+32 475 12 34 56',
      language,
      learningQuestions: 'Hoe betrekken jullie ouders bij de wenperiode?\nWelke rol speelt de crèche in de buurt (€ en tijd)?\n- Hoe gaan jullie om met meertaligheid?',
    },
    ownOrganisation: { name: 'Kinderdagverblijf ’t Kriebelnest', address: ['Kerkstraat 1', '1000 Brussel'] },
    host: { name: 'Crèche Les Câlins', address: ['Rue de la Façade 12', '1060 Saint-Gilles'], language: 'fr' },
    mentor: { name: 'François Lefèvre', functionTitle: 'Responsable', email: 'francois@calins.example', phone: '+32 2 123 45 67' },
    blocks: [
      { date: '2026-02-03', startTime: '08:30', endTime: '12:30', activity: 'Onthaal en kennismaking' },
      { date: '2026-02-03', startTime: '13:00', endTime: '16:30', activity: 'Meedraaien in de leefgroep' },
      { date: '2026-02-10', startTime: '09:00', endTime: '15:30', activity: 'Oudergesprekken en teamoverleg' },
    ],
    sessions: [
      { kind: 'preparation', title: 'KOALA-netwerk', date: '2026-01-17', startTime: '09:30', endTime: '12:30', address: ['Opgroeien', 'Hallepoort 27', '1000 Brussel'] },
      { kind: 'debrief', title: '', date: '2026-10-06', startTime: '13:30', endTime: '16:00', address: ['Opgroeien', 'Hallepoort 27', '1000 Brussel'] },
    ],
    theme: {
      name: 'Sociale steun en cohesie',
      framework: 'Pedagogisch Raamwerk',
      areas: [
        { title: 'Welbevinden', indicators: ['Kinderen voelen zich welkom en veilig.', 'Ouders vinden hun plaats.'] },
        { title: 'Betrokkenheid', indicators: ['Activiteiten sluiten aan bij wat kinderen boeit.'] },
      ],
    },
    issuedOn: '2026-11-23',
    ...overrides,
  };
}

/** The three consent forms' data for the same placement. */
export function consentInput(language: Language = 'nl', hostLanguage: Language = language): ConsentDocumentInput {
  const p = programmeInput(language);
  return {
    programme: p.programme,
    participant: p.participant,
    ownOrganisation: p.ownOrganisation,
    host: { ...p.host!, language: hostLanguage },
    mentor: p.mentor,
    visitDates: ['2026-02-03', '2026-02-10'],
    activities: ['Kookactiviteit', 'Onthaal van ouders', 'Groepsgesprek (therapeutisch)'],
    issuedOn: '2026-11-23',
  };
}

/** A certificate with hours done. */
export function certificateInput(language: Language = 'nl'): CertificateInput {
  const p = programmeInput(language);
  return {
    programme: p.programme,
    participant: p.participant,
    ownOrganisation: p.ownOrganisation,
    host: p.host,
    mentor: p.mentor,
    hoursDone: 14.5,
    periodFrom: '2026-02-03',
    periodTo: '2026-02-10',
    signatory: null,
    issuedOn: '2026-11-23',
  };
}

/** A host overview with two mentors and one participant without mentor. */
export function hostOverviewInput(language: Language = 'nl'): HostOverviewInput {
  const p = programmeInput(language);
  const visit = (name: string, mentor: string | null, date: string) => ({
    participant: { ...p.participant!, name, language },
    ownOrganisation: 'Kinderdagverblijf ’t Kriebelnest',
    mentor: mentor === null ? null : { name: mentor, functionTitle: null, email: `${mentor.split(' ')[0]!.toLowerCase()}@calins.example`, phone: null },
    blocks: [{ date, startTime: '09:00', endTime: '16:00', activity: '' }],
  });
  return {
    programme: p.programme,
    host: { ...p.host!, language },
    recipient: { kind: 'host' },
    visits: [
      visit('Zoë D’Hondt', 'François Lefèvre', '2026-02-03'),
      visit('Noël Çelik', 'Hélène Dubois', '2026-02-05'),
      visit('Eva Janssens', 'François Lefèvre', '2026-03-12'),
      visit('Joëlle Mertens', null, '2026-04-01'),
    ],
    issuedOn: '2026-11-23',
  };
}
