import { distance } from 'fastest-levenshtein';
import type { ColumnMappingEntry, ImportKind } from '../../../src-shared/schemas/import-preview.schema';
import { foldName } from '../names';
import { cellText, columnLetter, type RawCellValue } from './cell-values';

/**
 * Recognises the column headers partner networks use, in Dutch, French and English, and proposes which
 * field each column fills. The coordinator confirms or corrects the proposal; a confirmed mapping is
 * remembered under the header signature and reused for the next file with the same headers.
 */

/** How many ranked choices a participant file may carry (choice1..choice5). */
export const MAX_CHOICE_COLUMNS = 5;

/** Fields of an organisation file: one row is an organisation, optionally with a contact and a place. */
export const ORGANISATION_FIELDS = [
  'name', 'sector', 'network', 'address', 'postcode', 'municipality', 'website', 'role', 'activationCode',
  'contactName', 'contactEmail', 'contactPhone',
  'placeTeam', 'placeFormat', 'placeHours', 'placeCapacity', 'placeLanguage', 'placeDescription',
] as const;
/** Fields of a participant file: one row is a sign-up (person + application with ranked choices). */
export const PARTICIPANT_FIELDS = [
  'firstName', 'lastName', 'fullName', 'email', 'phone', 'organisation', 'functionTitle', 'network', 'language',
  'learningQuestions', 'availability', 'submittedAt', 'activationCode', 'isEarlyBird',
  'choice1', 'choice2', 'choice3', 'choice4', 'choice5',
] as const;
/** Fields of a mentor file. */
export const MENTOR_FIELDS = [
  'firstName', 'lastName', 'fullName', 'email', 'phone', 'organisation', 'functionTitle', 'network', 'language',
  'mentorCapacity', 'availability',
] as const;

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];
export type MentorField = (typeof MENTOR_FIELDS)[number];
/** Any field key of any kind. */
export type ImportField = OrganisationField | ParticipantField | MentorField;

/** The fields a kind knows, in display order. */
export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'organisations' ? ORGANISATION_FIELDS : kind === 'participants' ? PARTICIPANT_FIELDS : MENTOR_FIELDS;
}

/**
 * Synonyms per field, written naturally; they are folded (foldName) before comparison. A synonym that
 * starts with `~` is generic ("Email", "Naam"): it scores a little lower, so that the question column
 * "E-mailadres" of a Microsoft Forms export beats the respondent-account column "Email" next to it.
 */
const PERSON_SYNONYMS: Record<string, string[]> = {
  firstName: ['Voornaam', 'Prénom', 'Prenom', 'First name', 'Firstname', 'Given name', 'Voornaam deelnemer', 'Roepnaam'],
  lastName: ['Achternaam', 'Familienaam', 'Naam (familienaam)', 'Nom de famille', 'Last name', 'Lastname', 'Surname', 'Family name'],
  fullName: ['~Naam', '~Nom', '~Name', 'Volledige naam', 'Voor- en achternaam', 'Naam en voornaam', 'Nom et prénom', 'Prénom et nom', 'Nom complet', 'Full name', 'Your name', 'Uw naam', 'Votre nom'],
  email: ['~Email', '~E-mail', '~Mail', '~Courriel', 'E-mailadres', 'Emailadres', 'Mailadres', 'E-mail adres', 'Adresse e-mail', 'Adresse mail', 'Adresse électronique', 'Email address', 'E-mail address', 'Your e-mail', 'Uw e-mailadres', 'Votre adresse e-mail', 'E-mail deelnemer', 'Professioneel e-mailadres'],
  phone: ['~Tel', '~Tél', 'Tel.', 'Telefoon', 'Telefoonnummer', 'Tel. nummer', 'GSM', 'GSM-nummer', 'GSM nummer', 'Gsm nr', 'Mobiel', 'Mobiel nummer', 'Mobiele telefoon', 'Téléphone', 'Numéro de téléphone', 'Numéro de GSM', 'Portable', 'Phone', 'Phone number', 'Mobile', 'Mobile phone', 'Telephone'],
  organisation: ['Organisatie', 'Mijn organisatie', 'Werkgever', 'Voorziening', 'Eigen organisatie', 'Naam organisatie', 'Organisation', 'Mon organisation', 'Employeur', 'Structure', 'Nom de l’organisation', 'Organization', 'Employer', 'Your organisation', 'Your organization'],
  functionTitle: ['Functie', 'Jobtitel', 'Job', 'Fonction', 'Poste', 'Function', 'Job title', 'Role', 'Position'],
  network: ['Netwerk', 'Réseau', 'Network'],
  language: ['Taal', 'Voertaal', 'Langue', 'Language', 'Preferred language', 'Voorkeurtaal'],
  availability: ['Beschikbaarheid', 'Beschikbaar op', 'Wanneer beschikbaar', 'Disponibilité', 'Disponibilités', 'Availability', 'Available on'],
};

const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  organisations: {
    name: ['~Naam', '~Nom', '~Name', 'Organisatie', 'Naam organisatie', 'Organisatienaam', 'Gastorganisatie', 'Voorziening', 'Naam voorziening', 'Organisation', 'Nom de l’organisation', 'Nom organisation', 'Organisation d’accueil', 'Structure', 'Organization', 'Organisation name', 'Organization name', 'Host organisation', 'Host'],
    sector: ['Sector', 'Secteur', 'Werkveld', 'Domaine'],
    network: ['Netwerk', 'Réseau', 'Network', 'Koepel'],
    address: ['Adres', 'Straat en nummer', 'Straat + nr', 'Adresse', 'Rue et numéro', 'Address', 'Street', 'Street address'],
    postcode: ['Postcode', 'Postnummer', 'Code postal', 'CP', 'Postal code', 'Zip', 'Zip code'],
    municipality: ['Gemeente', 'Plaats', 'Woonplaats', 'Stad', 'Commune', 'Localité', 'Ville', 'Municipality', 'City', 'Town'],
    website: ['Website', 'Webstek', 'Site web', 'Site internet', 'Site', 'Web', 'URL'],
    role: ['Rol', 'Deelname', 'Zendt of ontvangt', 'Rôle', 'Participation', 'Role', 'Sends or hosts'],
    activationCode: ['Activatiecode', 'Code', 'Code d’activation', 'Activation code'],
    contactName: ['Contactpersoon', 'Naam contactpersoon', 'Projectverantwoordelijke', 'Personne de contact', 'Nom du contact', 'Contact', 'Contact person', 'Contact name'],
    contactEmail: ['E-mail contactpersoon', 'E-mailadres contactpersoon', 'Mail contactpersoon', 'Courriel du contact', 'E-mail du contact', 'Adresse e-mail du contact', 'Contact e-mail', 'Contact email', '~E-mail', '~Email', '~Mail', '~Courriel', 'E-mailadres', 'Adresse e-mail'],
    contactPhone: ['Telefoon contactpersoon', 'GSM contactpersoon', 'Téléphone du contact', 'Contact phone', '~Telefoon', '~Téléphone', '~Tel', '~GSM', '~Phone'],
    placeTeam: ['Team', 'Dienst', 'Afdeling', 'Functie', 'Kijkstageplaats', 'Uitwisselingsplaats', 'Équipe', 'Equipe', 'Service', 'Fonction', 'Department', 'Place'],
    placeFormat: ['Formaat', 'Duur', 'Vorm', 'Format', 'Durée', 'Duration'],
    placeHours: ['Uren', 'Aantal uren', 'Heures', 'Nombre d’heures', 'Hours'],
    placeCapacity: ['Aantal plaatsen', 'Plaatsen', 'Capaciteit', 'Aantal kijkstagiairs', 'Nombre de places', 'Places', 'Capacité', 'Capacity', 'Number of places', 'Places available'],
    placeLanguage: ['Taal', 'Voertaal', 'Langue', 'Language'],
    placeDescription: ['Beschrijving', 'Omschrijving', 'Wat kan je zien', 'Description', 'Descriptif'],
  },
  participants: {
    ...PERSON_SYNONYMS,
    learningQuestions: ['Leervragen', 'Leervraag', 'Wat wil je leren', 'Motivatie', 'Questions d’apprentissage', 'Ce que je veux apprendre', 'Motivation', 'Learning questions', 'Learning goals', 'What do you want to learn'],
    submittedAt: ['Completion time', 'Tijdstempel', 'Horodateur', 'Timestamp', 'Horodatage', 'Tijd van voltooien', 'Heure de fin', 'Date de soumission', 'Ingediend op', 'Submitted at', 'Submission time', '~Start time', '~Begintijd', '~Heure de début'],
    activationCode: ['Activatiecode', 'Code', 'Code d’activation', 'Activation code'],
    isEarlyBird: ['Early bird', 'Vroegboeker', 'Werkt bij een gastorganisatie', 'Mijn organisatie ontvangt ook', 'Organisatie ontvangt', 'Je travaille dans une organisation d’accueil', 'Travaille chez un hôte', 'Mon organisation accueille', 'Works at a host', 'Works at host organisation'],
  },
  mentors: {
    ...PERSON_SYNONYMS,
    mentorCapacity: ['Aantal deelnemers', 'Aantal jobshadowers', 'Capaciteit', 'Max aantal', 'Nombre de participants', 'Capacité', 'Capacity', 'Number of participants', 'Max participants'],
  },
};

interface Synonym {
  field: string;
  key: string;
  weight: number;
}

function compile(kind: ImportKind): Synonym[] {
  const out: Synonym[] = [];
  for (const [field, list] of Object.entries(SYNONYMS[kind])) {
    for (const s of list) {
      const generic = s.startsWith('~');
      out.push({ field, key: foldHeader(generic ? s.slice(1) : s), weight: generic ? 0.9 : 1 });
    }
  }
  return out;
}
const COMPILED: Record<ImportKind, Synonym[]> = {
  organisations: compile('organisations'),
  participants: compile('participants'),
  mentors: compile('mentors'),
};
const FIELD_SETS: Record<ImportKind, ReadonlySet<string>> = {
  organisations: new Set(fieldsOf('organisations')),
  participants: new Set(fieldsOf('participants')),
  mentors: new Set(fieldsOf('mentors')),
};

/**
 * Folds a header for comparison: foldName plus the spelling habits of headers ("e-mail" / "email",
 * a trailing "*" for required questions, "(verplicht)").
 */
export function foldHeader(header: string): string {
  return foldName(header.replace(/\((verplicht|obligatoire|required)\)/gi, '').replace(/[*:?]+/g, ' '))
    .replace(/\be mail/g, 'email')
    .replace(/\bemail adres\b/g, 'emailadres')
    .replace(/\bgsm nummer\b/g, 'gsmnummer')
    .trim();
}

const ORDINALS: Record<string, number> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5,
  premier: 1, premiere: 1, deuxieme: 2, second: 2, seconde: 2, troisieme: 3, quatrieme: 4, cinquieme: 5,
  first: 1, third: 3, fourth: 4, fifth: 5,
};
const CHOICE_WORDS = /\b(keuze|voorkeur|choix|choice|preference|prio|priorite|priority|wens|optie|option)\b/;

/**
 * The rank of a choice column ("Eerste keuze", "1er choix", "Choix 1", "Voorkeur 1", "Keuze 2",
 * "2e choix", "Second choice", "Preference 3"), or null when the header is not a choice.
 */
export function choiceRank(header: string): number | null {
  const key = foldHeader(header);
  if (!CHOICE_WORDS.test(key)) return null;
  for (const word of key.split(' ')) {
    const ordinal = ORDINALS[word];
    if (ordinal !== undefined) return ordinal;
    const m = /^(\d{1,2})(e|er|re|ere|eme|de|ste|st|nd|rd|th)?$/.exec(word);
    if (m) return Number(m[1]);
  }
  return null;
}

/** How well one header matches one synonym: 1 exact, 0.8 contained as whole words, 0.6 close spelling. */
function score(headerKey: string, syn: Synonym): number {
  if (headerKey === syn.key) return syn.weight;
  if (syn.key.length >= 4 && (` ${headerKey} `).includes(` ${syn.key} `)) {
    // Long headers ("E-mailadres van je leidinggevende") contain many words; be less sure.
    const extraWords = headerKey.split(' ').length - syn.key.split(' ').length;
    return Math.max(0.5, 0.8 - 0.05 * extraWords) * syn.weight;
  }
  if (headerKey.length >= 5 && syn.key.length >= 5) {
    const allowed = Math.max(1, Math.floor(syn.key.length / 8));
    // The edit distance is at least the difference in length: skip the computation when that alone is too far
    // (table finding scores every cell of the first rows against every synonym).
    if (Math.abs(headerKey.length - syn.key.length) > allowed) return 0;
    if (distance(headerKey, syn.key) <= allowed) return 0.6 * syn.weight;
  }
  return 0;
}

/** The result of proposing a mapping for one header row. */
export interface MappingProposal {
  kind: ImportKind;
  columns: ColumnMappingEntry[];
  /** Headers of columns that are not imported (shown so the coordinator can map them by hand). */
  unmapped: string[];
  /** Fields the kind needs that no column fills; the import cannot start until they are mapped. */
  missingRequired: ImportField[];
  /** Order-insensitive key of the header set: remember a confirmed mapping under it. */
  signature: string;
}

/** The fields without which a row cannot be imported; name may come from fullName or first/last name. */
export function missingRequiredFields(kind: ImportKind, mapped: ReadonlySet<string>): ImportField[] {
  if (kind === 'organisations') return mapped.has('name') ? [] : ['name'];
  const missing: ImportField[] = [];
  if (!mapped.has('email')) missing.push('email');
  if (!mapped.has('firstName') && !mapped.has('fullName')) missing.push('firstName');
  return missing;
}

/** Order-insensitive signature of a header row: folded non-empty headers, sorted, joined by "|". */
export function headerSignature(headers: readonly string[]): string {
  return [...new Set(headers.map(foldHeader).filter((h) => h !== ''))].sort().join('|');
}

/** The header texts of a header row (cells as text; empty headers stay ""). */
export function headerTexts(cells: readonly RawCellValue[]): string[] {
  return Array.from({ length: cells.length }, (_, i) => cellText(cells[i]));
}

/**
 * Proposes a field for every column. Each field goes to its best-scoring column; on a tie the later
 * column wins (form exports put metadata such as the respondent's account before the questions).
 */
type FieldGuess = { readonly field: string | null; readonly confidence: number };
const NO_GUESS: FieldGuess = { field: null, confidence: 0 };

/**
 * The best field for one header text. Finding the table scores every cell of a sheet's first 30 rows
 * (mostly data: names, organisations, choices repeating down the column) against every synonym, once
 * while the file is read and again when it is mapped: the guesses are kept per kind and text.
 */
const guesses: Record<ImportKind, Map<string, FieldGuess>> = { organisations: new Map(), participants: new Map(), mentors: new Map() };
const MAX_KEPT_GUESSES = 20_000;

function guessField(header: string, kind: ImportKind): FieldGuess {
  const memo = guesses[kind];
  const known = memo.get(header);
  if (known !== undefined) return known;
  const key = foldHeader(header);
  let top: FieldGuess = NO_GUESS;
  if (key !== '') {
    const rank = kind === 'participants' ? choiceRank(header) : null;
    if (rank !== null && rank >= 1 && rank <= MAX_CHOICE_COLUMNS) top = { field: `choice${rank}`, confidence: 1 };
    else {
      const fieldSet = FIELD_SETS[kind];
      for (const syn of COMPILED[kind]) {
        const s = score(key, syn);
        if (s > top.confidence && fieldSet.has(syn.field)) top = { field: syn.field, confidence: s };
      }
    }
  }
  if (memo.size >= MAX_KEPT_GUESSES) memo.clear();
  memo.set(header, top);
  return top;
}

export function proposeMapping(headers: readonly string[], kind: ImportKind): MappingProposal {
  const best: FieldGuess[] = headers.map((header) => guessField(header, kind));
  // One column per field: keep the best; ties go to the later column.
  const owner = new Map<string, number>();
  best.forEach((b, i) => {
    if (b.field === null) return;
    const current = owner.get(b.field);
    if (current === undefined || (best[current]?.confidence ?? 0) <= b.confidence) owner.set(b.field, i);
  });
  const columns: ColumnMappingEntry[] = headers.map((header, index) => {
    const b = best[index] ?? { field: null, confidence: 0 };
    const isOwner = b.field !== null && owner.get(b.field) === index;
    return {
      index,
      letter: columnLetter(index),
      header,
      field: isOwner ? b.field : null,
      confidence: isOwner ? Math.round(b.confidence * 100) / 100 : 0,
    };
  });
  return finish(kind, headers, columns);
}

function finish(kind: ImportKind, headers: readonly string[], columns: ColumnMappingEntry[]): MappingProposal {
  const mapped = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null));
  return {
    kind,
    columns,
    unmapped: columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header),
    missingRequired: missingRequiredFields(kind, mapped),
    signature: headerSignature(headers),
  };
}

/**
 * A confirmed mapping in a storable form: folded header → field. Keyed by header text rather than
 * position, so a file with the same headers in another order still maps the same way.
 */
export type RememberedMapping = Record<string, ImportField | null>;

/** Turns a confirmed mapping into its storable form (store it with `proposal.signature`). */
export function rememberMapping(columns: readonly ColumnMappingEntry[]): RememberedMapping {
  const out: RememberedMapping = {};
  for (const c of columns) {
    const key = foldHeader(c.header);
    if (key !== '') out[key] = c.field as ImportField | null;
  }
  return out;
}

/** Applies a remembered mapping to a header row with the same signature; confidence is 1 throughout. */
export function applyRememberedMapping(headers: readonly string[], kind: ImportKind, remembered: RememberedMapping): MappingProposal {
  const known = new Set<string>(fieldsOf(kind));
  const used = new Set<string>();
  const columns: ColumnMappingEntry[] = headers.map((header, index) => {
    const field = remembered[foldHeader(header)] ?? null;
    const ok = field !== null && known.has(field) && !used.has(field);
    if (ok) used.add(field);
    return { index, letter: columnLetter(index), header, field: ok ? field : null, confidence: ok ? 1 : 0 };
  });
  return finish(kind, headers, columns);
}

/**
 * Replaces the field of some columns (the coordinator's corrections, by column index) and re-derives
 * unmapped and missing fields. A field given to a new column is taken away from its previous column.
 */
export function correctMapping(proposal: MappingProposal, corrections: Record<number, ImportField | null>, headers: readonly string[]): MappingProposal {
  const known = new Set<string>(fieldsOf(proposal.kind));
  const reassigned = new Set(Object.values(corrections).filter((f): f is ImportField => f !== null));
  const columns = proposal.columns.map((c) => {
    if (Object.prototype.hasOwnProperty.call(corrections, c.index)) {
      const field = corrections[c.index] ?? null;
      if (field !== null && !known.has(field)) throw new Error(`Unknown field ${field} for ${proposal.kind}`);
      return { ...c, field, confidence: field === null ? 0 : 1 };
    }
    return c.field !== null && reassigned.has(c.field as ImportField) ? { ...c, field: null, confidence: 0 } : c;
  });
  return finish(proposal.kind, headers, columns);
}

/** Counts how many headers of a row look like fields of `kind`: used to find the header row. */
export function recognisedHeaderCount(headers: readonly string[], kind: ImportKind): number {
  return proposeMapping(headers, kind).columns.filter((c) => c.field !== null && c.confidence >= 0.6).length;
}
