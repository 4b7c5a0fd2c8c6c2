/**
 * Writes the demo programmes in resources/demo/*.json: `npx tsx scripts/make-demo.ts`.
 *
 * The files are committed; this script documents how they were made and remakes them byte for byte
 * (a seeded PRNG, no clock, no Math.random). Every name, organisation, e-mail address and phone number
 * is fictional: e-mail and web domains end in `.example` (RFC 2606), streets and municipalities are
 * real places so that postcodes and travel distances make sense.
 *
 * What each programme is for (the demo is used to show matching and planning):
 * - Switching Talent: 12 childcare organisations in two networks (KOALA, CIK), reciprocity, mentors
 *   (some take two jobshadowers), 30 jobshadowers with learning questions and day-part availability,
 *   14 hours, preparation sessions per network, a debrief.
 * - Kijkstage "Bij een ander": 40 Brussels hosts, 200 visitors with 3 ranked choices, skewed popularity
 *   (a few hosts get far more first choices than places), staff of hosts with priority and early-bird
 *   sign-up times, Dutch and French.
 * - KIEK: East-Netherlands employers, at least 5 places per round each, activation codes, two rounds
 *   with 3-week registration windows and 6-month exchange windows, up to 2 exchanges per employee.
 * - Wisselstage Huiselijk Geweld: a small Rotterdam round, one day at another chain organisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DemoProgrammeSchema, type DemoProgramme } from '../src-shared/schemas/demo.schema';
import { normalisePhone } from '../src-main/domain/phone';

const OUT_DIR = path.resolve(__dirname, '..', 'resources', 'demo');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for demo data, and the same on every platform. */
function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => at(xs, Math.floor(next() * xs.length));
  const chance = (p: number): boolean => next() < p;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [at(out, j), at(out, i)];
    }
    return out;
  };
  const sample = <T>(xs: readonly T[], n: number): T[] => shuffle(xs).slice(0, n);
  /** Draws `n` distinct items, each draw proportional to its weight among those left. */
  const weightedDistinct = <T>(xs: readonly T[], weight: (x: T) => number, n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      const total = pool.reduce((s, x) => s + weight(x), 0);
      let r = next() * total;
      let idx = pool.length - 1;
      for (let i = 0; i < pool.length; i++) {
        r -= weight(at(pool, i));
        if (r < 0) {
          idx = i;
          break;
        }
      }
      out.push(at(pool, idx));
      pool.splice(idx, 1);
    }
    return out;
  };
  return { next, int, pick, chance, shuffle, sample, weightedDistinct };
}
type Rng = ReturnType<typeof makeRng>;

function at<T>(xs: readonly T[], i: number): T {
  const v = xs[i];
  if (v === undefined) throw new Error(`index ${i} out of range (${xs.length})`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Names, addresses, contact details

type Org = DemoProgramme['organisations'][number];
type Person = DemoProgramme['people'][number];
type Application = DemoProgramme['applications'][number];
type DayPart = Person['availability'][number];

const FLEMISH_FIRST = ['An', 'Els', 'Griet', 'Hilde', 'Ine', 'Joke', 'Katrien', 'Lien', 'Marijke', 'Nele', 'Sofie', 'Tine', 'Veerle', 'Wendy', 'Ellen', 'Leen', 'Sarah', 'Lotte', 'Femke', 'Jolien', 'Eline', 'Charlotte', 'Margot', 'Stien', 'Annelies', 'Karolien', 'Bart', 'Dirk', 'Jeroen', 'Koen', 'Pieter', 'Stijn', 'Tom', 'Wouter', 'Jens', 'Ruben', 'Thomas', 'Maarten', 'Lander', 'Joris', 'Wim', 'Geert'];
const FLEMISH_LAST = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Vermeulen', 'Van Damme', 'De Clercq', 'Hermans', 'Aerts', 'Michiels', 'Verstraete', 'Van den Broeck', 'De Backer', 'Lambrechts', 'Coppens', 'Desmet', 'Vandenberghe', 'Verhoeven', 'Segers', 'Van Hoof', 'Boeckx', 'De Wilde', 'Smets', 'Govaerts', 'Vervoort', 'Baert', 'Cools', 'Van Acker', 'Stevens', 'Verbeke', 'Wuyts', 'Heylen', 'Moens'];
const BRUSSELS_FIRST_NL = ['Yasmina', 'Fatima', 'Nadia', 'Samira', 'Aïcha', 'Hanane', 'Leila', 'Sanae', 'Elif', 'Merve', 'Esra', 'Grace', 'Divine', 'Amina', 'Karim', 'Mohamed', 'Youssef', 'Bilal', 'Mehmet', 'Emre', 'Jonas', 'Arne', 'Seppe', 'Hanne', 'Kato', 'Fien', 'Nina', 'Lisa', 'Ward', 'Robbe'];
const BRUSSELS_FIRST_FR = ['Amélie', 'Camille', 'Chloé', 'Manon', 'Pauline', 'Céline', 'Nathalie', 'Sophie', 'Aurélie', 'Mélanie', 'Julie', 'Élodie', 'Justine', 'Inès', 'Salma', 'Rachida', 'Nicolas', 'Julien', 'Antoine', 'Maxime', 'Olivier', 'François', 'Sébastien', 'Mathieu', 'Rachid', 'Hamza', 'Ibrahim', 'Jean-Marc', 'Benoît', 'Cédric'];
const BRUSSELS_LAST = ['El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Ouali', 'Haddouchi', 'Yilmaz', 'Kaya', 'Demir', 'Öztürk', 'Mbuyi', 'Kabongo', 'Lukusa', 'Dupont', 'Lambert', 'Leclercq', 'Lejeune', 'Renard', 'Denis', 'François', 'Dumont', 'Martin', 'Simon', 'Laurent', 'Fontaine', 'Mahieu', 'Collignon', 'Nowak', 'Kowalski', 'Popescu', 'Diallo', 'Ndiaye', 'Rodríguez', 'Ferreira', 'Papadopoulos', 'Van Roy', 'De Coster', 'Vanderlinden', 'Peeters', 'Claessens', 'Vandamme', 'Dewitte'];
const DUTCH_FIRST = ['Anouk', 'Sanne', 'Lotte', 'Femke', 'Marieke', 'Ingrid', 'Karin', 'Monique', 'Esther', 'Ilse', 'Petra', 'Linda', 'Mirjam', 'Janneke', 'Wilma', 'Ria', 'Ellen', 'Iris', 'Fleur', 'Noor', 'Bart', 'Gerrit', 'Henk', 'Jan-Willem', 'Joost', 'Martijn', 'Niels', 'Rik', 'Sander', 'Tim', 'Wouter', 'Hans', 'Erik', 'Marco', 'Dennis', 'Jeroen', 'Bram', 'Daan', 'Gijs', 'Stefan'];
const DUTCH_LAST = ['Nijhuis', 'Kamphuis', 'Oude Hengel', 'Assink', 'Bruggink', 'Rouwhorst', 'Wissink', 'Heijink', 'Kolkman', 'Lansink', 'Reinders', 'Hulshof', 'Oude Luttikhuis', 'ter Horst', 'ten Dam', 'Jansen', 'de Vries', 'Bosch', 'Brinkman', 'Wolters', 'Scholten', 'Smit', 'Mulder', 'Bakker', 'Visser', 'Meijer', 'van der Veen', 'Hendriks', 'Gerritsen', 'Klein Gunnewiek', 'Eppink', 'Roelofs', 'Hoekstra', 'Schipper', 'Dijkman', 'Veldhuis', 'Temmink', 'Groot Wassink', 'Hofman', 'Pluimers'];
const ROTTERDAM_FIRST = ['Samira', 'Naima', 'Ayşe', 'Priya', 'Shanti', 'Joyce', 'Denise', 'Marloes', 'Kim', 'Chantal', 'Sharon', 'Nathalie', 'Yvonne', 'Lisanne', 'Romy', 'Mustafa', 'Hakan', 'Rachid', 'Kevin', 'Patrick', 'Ricardo', 'Ronald', 'Rob', 'Jasper', 'Mark'];
const ROTTERDAM_LAST = ['de Groot', 'van Dijk', 'de Jong', 'Bouali', 'El Khattabi', 'Aydın', 'Çelik', 'Ramdin', 'Jagessar', 'Martina', 'Rosario', 'van Leeuwen', 'Verhoef', 'Kortekaas', 'Vermeer', 'de Wit', 'van Vliet', 'Koster', 'Pronk', 'Spaans', 'Noordermeer', 'Hoogendoorn', 'van der Linden', 'Boer'];

const usedEmails = new Set<string>();

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const usedDomains = new Map<string, string>();
/**
 * A web/e-mail domain for an organisation, always under the reserved `.example` top-level domain:
 * the significant words joined, or for long names their initials and the last word ("bsknikker").
 */
function domainFor(orgName: string): string {
  const words = slug(orgName)
    .split('-')
    .filter((w) => !['vzw', 'asbl', 'de', 'het', 'la', 'le', 'les', 'l', 'en', 'et', 'van', 'voor', 'd', 'du', 'aux'].includes(w));
  const full = words.join('');
  const d = `${full.length <= 24 ? full : words.slice(0, -1).map((w) => w[0]).join('') + (words[words.length - 1] ?? '')}.example`;
  const owner = usedDomains.get(d);
  if (owner !== undefined && owner !== orgName) throw new Error(`domain ${d} used by ${owner} and ${orgName}`);
  usedDomains.set(d, orgName);
  return d;
}

function emailFor(first: string, last: string, domain: string): string {
  const local = `${slug(first).replace(/-/g, '')}.${slug(last).replace(/-/g, '')}`;
  let email = `${local}@${domain}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
  usedEmails.add(email);
  return email;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}
/** Belgian mobile as people write it: 04xx xx xx xx. */
function beMobile(rng: Rng): string {
  const prefix = rng.pick(['470', '471', '472', '473', '474', '475', '476', '477', '478', '479', '484', '485', '486', '487', '488', '489', '491', '492', '493', '494', '495', '496', '497', '498', '499']);
  return `0${prefix} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`;
}
/** Belgian landline with a real area code: 02 for Brussels, 0xx elsewhere. */
function beLandline(rng: Rng, area: string): string {
  return area.length === 1 ? `0${area} ${rng.int(2, 7)}${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}` : `0${area} ${rng.int(2, 8)}${digits(rng, 1)} ${digits(rng, 2)} ${digits(rng, 2)}`;
}
/** Dutch mobile as people write it: 06-12345678. */
function nlMobile(rng: Rng): string {
  return `06-${rng.int(1, 5)}${digits(rng, 7)}`;
}
function nlLandline(rng: Rng, area: string): string {
  return `0${area}-${rng.int(2, 8)}${digits(rng, 9 - area.length - 1)}`;
}

const WEEKDAY_PARTS: DayPart[] = ['mon_am', 'mon_pm', 'tue_am', 'tue_pm', 'wed_am', 'wed_pm', 'thu_am', 'thu_pm', 'fri_am', 'fri_pm'];
/**
 * A weekly availability like people give it: a full week, a part-time week (a free day or free
 * Wednesday afternoon), or a few fixed days.
 */
function availability(rng: Rng, style: 'broad' | 'mixed' = 'mixed'): DayPart[] {
  const r = rng.next();
  if (style === 'broad' && r < 0.55) return [...WEEKDAY_PARTS];
  if (r < 0.3) return [...WEEKDAY_PARTS];
  if (r < 0.55) {
    const freeDay = rng.pick(['mon', 'wed', 'fri']);
    return WEEKDAY_PARTS.filter((p) => !p.startsWith(freeDay));
  }
  if (r < 0.7) return WEEKDAY_PARTS.filter((p) => p !== 'wed_pm' && p !== 'fri_pm');
  if (r < 0.85) return WEEKDAY_PARTS.filter((p) => p.endsWith('_am'));
  const days = rng.sample(['mon', 'tue', 'wed', 'thu', 'fri'], 3).sort((a, b) => dayIndex(a) - dayIndex(b));
  return WEEKDAY_PARTS.filter((p) => days.some((d) => p.startsWith(d)));
}
function dayIndex(d: string): number {
  return ['mon', 'tue', 'wed', 'thu', 'fri'].indexOf(d);
}

/** An ISO timestamp between two dates (inclusive days), during office hours mostly, in UTC. */
function timestampBetween(rng: Rng, fromIso: string, toIso: string): string {
  const from = Date.parse(`${fromIso}T00:00:00Z`);
  const days = Math.round((Date.parse(`${toIso}T00:00:00Z`) - from) / 86_400_000);
  const day = rng.int(0, days);
  const hour = rng.chance(0.8) ? rng.int(7, 16) : rng.int(17, 21);
  const ms = from + day * 86_400_000 + hour * 3_600_000 + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
  return new Date(ms).toISOString();
}
/** Early birds crowd the first hours of the early-bird week ("wees er als de kippen bij"). */
function earlyBirdTimestamp(rng: Rng, opensIso: string, closesIso: string): string {
  if (rng.chance(0.6)) {
    const from = Date.parse(`${opensIso}T08:00:00Z`);
    return new Date(from + rng.int(0, 6 * 3600) * 1000).toISOString();
  }
  return timestampBetween(rng, opensIso, closesIso);
}

function sortByTime(apps: Application[]): Application[] {
  return [...apps].sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.email.localeCompare(b.email)));
}

// ---------------------------------------------------------------------------------------------
// a. Switching Talent

const ST_LEARNING_QUESTIONS = [
  'Hoe maken jullie van het breng- en haalmoment een echt ontmoetingsmoment met ouders, ook als het druk is?',
  'Hoe betrekken jullie ouders die de taal nog niet goed spreken bij het leven in de groep?',
  'Ik wil leren hoe jullie meertaligheid een plaats geven: welke rol krijgt de thuistaal van kinderen in de opvang?',
  'Hoe organiseren jullie de wenperiode voor kinderen met een zorgvraag, en wie is daarbij betrokken?',
  'Hoe werken jullie samen met de kleuterschool rond de overgang van de opvang naar de eerste kleuterklas? Welke afspraken bestaan er, wat wordt doorgegeven aan de juf of meester, en hoe worden ouders daarin meegenomen?',
  'Hoe ziet coaching op de werkvloer er bij jullie concreet uit: wanneer observeert de pedagogisch coach, hoe wordt feedback gegeven en hoe gaat het team daar samen mee aan de slag?',
  'Hoe bouwen jullie een inclusieve werking uit voor kinderen met een beperking zonder extra personeel?',
  'Welke ontmoetingsactiviteiten voor gezinnen werken goed in een buurt met veel nieuwkomers, en hoe bereiken jullie gezinnen die niet vanzelf komen?',
  'Hoe vertalen jullie het Pedagogisch Raamwerk naar de dagelijkse praktijk in de leefgroep?',
  'Ik wil zien hoe jullie het buitenspelen organiseren, ook in de winter en met de allerkleinsten.',
  'Hoe gaan jullie om met rust- en slaapmomenten wanneer kinderen een heel verschillend ritme hebben?',
  'Hoe observeren en documenteren jullie de ontwikkeling van kinderen zonder dat het een papierwinkel wordt? Welke instrumenten gebruiken jullie en hoe delen jullie die observaties met ouders?',
  'Hoe werkt het KOALA-samenwerkingsverband bij jullie in de praktijk: wie trekt het overleg, hoe vaak zien de partners elkaar en hoe wordt beslist?',
  'Hoe signaleren jullie vroegtijdig zorgen over de ontwikkeling van een kind en hoe leiden jullie gezinnen warm door naar de juiste hulp?',
  'Hoe ondersteunen jullie gezinnen in armoede zonder te stigmatiseren, bijvoorbeeld rond inkomenstarief, luiers en maaltijden?',
  'Ik ben benieuwd hoe jullie teamoverleg verloopt en hoe jullie tijd maken voor reflectie met het hele team.',
  'Hoe begeleiden jullie als inclusiecoach een kinderopvanglocatie die twijfelt om een kind met specifieke zorgbehoeften op te vangen?',
  'Hoe houden jullie als regionaal ondersteuner contact met kleine gezinsopvangen die geografisch ver uit elkaar liggen?',
  'Hoe maken jullie de inrichting van de ruimte uitnodigend voor peuters én baby’s in een verticale groep?',
  'Hoe gaan jullie om met conflicten tussen kinderen, en hoe leggen jullie jullie aanpak uit aan ouders?',
  'Ik wil graag leren hoe jullie nieuwe collega’s inwerken en vasthouden nu het personeelsverloop in de sector zo groot is.',
  'Hoe zetten jullie vrijwilligers en buurtbewoners in tijdens ontmoetingsmomenten, en welke afspraken maken jullie met hen?',
  'Hoe geven jullie ouderparticipatie vorm in de beleidsvoering van de organisatie, bijvoorbeeld via een ouderraad of klankbordgroep?',
  'Welke rol speelt het Huis van het Kind in jullie werking, en hoe verloopt de samenwerking met het consultatiebureau?',
  'Hoe bereiden jullie een kind en het gezin voor op een verhuis naar een andere leefgroep?',
  'Hoe werken jullie rond taalstimulering bij peuters, in het bijzonder bij kinderen die thuis een andere taal spreken?',
];
const ST_ORG_QUESTIONS = [
  'Vanuit ons team: we zoeken inspiratie om ouders meer te laten participeren in de dagelijkse werking.',
  'Vanuit ons samenwerkingsverband: hoe komen we tot een gedeelde visie met partners uit onderwijs en welzijn?',
  'Vanuit onze organisatie: welke praktijken helpen om een lerende cultuur te behouden ondanks de werkdruk?',
  'Vanuit ons team: hoe kunnen we onze werking toegankelijker maken voor kwetsbare gezinnen?',
];
const ST_FUNCTIONS = ['kinderbegeleider', 'kinderbegeleider baby’s', 'pedagogisch coach', 'verantwoordelijke kinderopvanglocatie', 'gezinsondersteuner', 'inclusiecoach', 'pedagogisch ondersteuner', 'regionaal ondersteuner', 'coördinator KOALA', 'brugfiguur kleuterschool', 'medewerker ontmoetingsplek'];

interface StOrg {
  name: string;
  network: 'KOALA' | 'CIK';
  sector: string;
  address: string;
  postcode: string;
  municipality: string;
  area: string;
  role: 'sends' | 'hosts' | 'both';
  senders: number;
  mentors: { team: string; capacity: number }[];
  notes: string;
  /** How attractive other jobshadowers find it; the demo needs some over-subscribed hosts. */
  popularity: number;
}

const ST_ORGS: StOrg[] = [
  { name: 'KOALA Kleine Stapjes Anderlecht', network: 'KOALA', sector: 'samenwerkingsverband kinderopvang, onderwijs en gezinsondersteuning', address: 'Bergensesteenweg 412', postcode: '1070', municipality: 'Anderlecht', area: '2', role: 'both', senders: 3, mentors: [{ team: 'Ontmoetingsplek ’t Nestje', capacity: 2 }, { team: 'Peuterwerking en brug naar de kleuterklas', capacity: 1 }], notes: 'Leercultuur: tweewekelijks teamoverleg met vast reflectiemoment. Draagkracht: stabiel kernteam, één vacature voor kinderbegeleider staat open. Engagement: deelname besproken en gedragen op de teamdag van oktober.', popularity: 5 },
  { name: 'Huis van het Kind Zennebrug', network: 'KOALA', sector: 'Huis van het Kind', address: 'Leuvensestraat 88', postcode: '1800', municipality: 'Vilvoorde', area: '2', role: 'both', senders: 2, mentors: [{ team: 'Gezinsondersteuning en ontmoeting', capacity: 1 }, { team: 'Spel- en praatgroep voor ouders', capacity: 1 }], notes: 'Leercultuur aanwezig; de coördinator plant voor elke jobshadower en mentor twee uur reflectie per maand in. Reisafstand vanuit Antwerpen en Gent is groot: liefst jobshadowers uit Brussel en Vlaams-Brabant.', popularity: 2 },
  { name: 'KOALA Samen Groeien Mechelen', network: 'KOALA', sector: 'samenwerkingsverband kinderopvang, onderwijs en gezinsondersteuning', address: 'Battelsesteenweg 155', postcode: '2800', municipality: 'Mechelen', area: '15', role: 'both', senders: 3, mentors: [{ team: 'Kinderopvang De Speelbrug', capacity: 2 }, { team: 'Instapklas en ouderwerking', capacity: 2 }], notes: 'Sterke troef: jarenlange samenwerking met drie kleuterscholen. Draagkracht goed. Het team wil vooral leren rond meertaligheid.', popularity: 4 },
  { name: 'Kinderopvang De Kangoeroe vzw', network: 'KOALA', sector: 'kinderopvang baby’s en peuters', address: 'Sleepstraat 61', postcode: '9000', municipality: 'Gent', area: '9', role: 'sends', senders: 2, mentors: [], notes: 'Draagkracht beperkt: twee langdurig zieken en een groot personeelsverloop dit jaar. Het team stuurt wel twee jobshadowers uit, maar ontvangt pas in een volgende editie. Na te vragen bij het gesprek in december.', popularity: 0 },
  { name: 'Buurtcentrum en Speelotheek De Knikker', network: 'KOALA', sector: 'ontmoetingsplek en speelotheek', address: 'Diestsesteenweg 214', postcode: '3010', municipality: 'Kessel-Lo', area: '16', role: 'both', senders: 3, mentors: [{ team: 'Speelotheek en uitleendienst', capacity: 1 }, { team: 'Ontmoetingsochtenden voor jonge gezinnen', capacity: 2 }], notes: 'Kleine organisatie met veel vrijwilligers; mentoren zijn enkel op dinsdag en donderdag beschikbaar. Engagement van het bestuur is er.', popularity: 3 },
  { name: 'Ontmoetingsplek Kiekeboe Molenbeek', network: 'KOALA', sector: 'ontmoetingsplek voor ouders en kinderen', address: 'Gentsesteenweg 127', postcode: '1080', municipality: 'Sint-Jans-Molenbeek', area: '2', role: 'both', senders: 2, mentors: [{ team: 'Ontmoetingsplek en taalstimulering', capacity: 2 }, { team: 'Huisbezoeken en gezinsondersteuning', capacity: 1 }], notes: 'Veel gevraagd partner: tweetalige werking (Nederlands en Frans) en sterke buurtverankering. Draagkracht goed; leercultuur uitgesproken aanwezig.', popularity: 9 },
  { name: 'Centrum Inclusieve Kinderopvang Pajottenland-Zenne', network: 'CIK', sector: 'centrum inclusieve kinderopvang', address: 'Basiliekstraat 73', postcode: '1500', municipality: 'Halle', area: '2', role: 'both', senders: 3, mentors: [{ team: 'Inclusiecoaching op locatie', capacity: 2 }, { team: 'Ondersteuning gezinsopvang', capacity: 1 }], notes: 'Leercultuur sterk: intervisie elke maand. Het CIK-team werkt op verplaatsing; jobshadowers rijden mee naar locaties (eigen vervoer nodig).', popularity: 6 },
  { name: 'Inclusieve Kinderopvang Vlaams-Brabant Oost', network: 'CIK', sector: 'centrum inclusieve kinderopvang', address: 'Tiensesteenweg 310', postcode: '3360', municipality: 'Bierbeek', area: '16', role: 'both', senders: 3, mentors: [{ team: 'Inclusiecoaches regio Leuven', capacity: 1 }, { team: 'Inclusiecoaches regio Tienen', capacity: 1 }], notes: 'Draagkracht: nieuw team sinds september, nog in opbouw. Wil vooral leren van ervaren CIK-collega’s; ontvangen kan, maar maximaal twee jobshadowers.', popularity: 2 },
  { name: 'Pedagogische Ondersteuning Kinderopvang Antwerpen-Noord', network: 'CIK', sector: 'pedagogische ondersteuning', address: 'Lange Kievitstraat 142', postcode: '2018', municipality: 'Antwerpen', area: '3', role: 'both', senders: 3, mentors: [{ team: 'Pedagogisch ondersteuners groepsopvang', capacity: 2 }, { team: 'Pedagogisch ondersteuners gezinsopvang', capacity: 1 }], notes: 'Engagement: het hele team nam deel aan de infosessie. Troef: uitgewerkte observatie-instrumenten rond het Pedagogisch Raamwerk.', popularity: 7 },
  { name: 'Kinderdagverblijf De Vlinder', network: 'CIK', sector: 'kinderopvang baby’s en peuters', address: 'Gentsestraat 96', postcode: '9300', municipality: 'Aalst', area: '53', role: 'both', senders: 3, mentors: [{ team: 'Babygroep De Rupsjes', capacity: 1 }, { team: 'Peutergroep De Vlindertjes', capacity: 2 }], notes: 'Inclusieve opvang met drie kinderen met specifieke zorgbehoeften in de groep. Draagkracht voldoende; personeelsbezetting krap in juli en augustus: liefst geen jobshadowing in de zomer.', popularity: 8 },
  { name: 'Regionale Ondersteuning Kinderopvang Waasland', network: 'CIK', sector: 'regionale ondersteuning kinderopvang', address: 'Mercatorstraat 23', postcode: '9100', municipality: 'Sint-Niklaas', area: '3', role: 'hosts', senders: 0, mentors: [{ team: 'Regionaal ondersteuners Waasland', capacity: 2 }, { team: 'Pedagogisch ondersteuners Waasland', capacity: 1 }], notes: 'Klein team van regionaal ondersteuners: niemand kan dit jaar zelf uitgestuurd worden, wel graag ontvangen. Reciprociteit: in de volgende editie sturen zij uit.', popularity: 3 },
  { name: 'Kinderopvang Het Zonnekind vzw', network: 'CIK', sector: 'kinderopvang baby’s en peuters', address: 'Haachtsesteenweg 506', postcode: '1030', municipality: 'Schaarbeek', area: '2', role: 'both', senders: 3, mentors: [{ team: 'Leefgroep baby’s', capacity: 1 }, { team: 'Leefgroep peuters en ouderwerking', capacity: 2 }], notes: 'Meertalige Brusselse opvang (ouders spreken samen meer dan tien talen). Leercultuur aanwezig, teamoverleg op maandag. Draagkracht: een kinderbegeleider met zwangerschapsverlof vanaf april.', popularity: 6 },
];

function makeSwitchingTalent(): DemoProgramme {
  const rng = makeRng(20270117);
  const organisations: Org[] = [];
  const people: Person[] = [];
  const mentorEmailsByOrg = new Map<string, string[]>();
  const senders: { person: Person; org: StOrg }[] = [];

  for (const o of ST_ORGS) {
    const domain = domainFor(o.name);
    const leadFirst = rng.pick(FLEMISH_FIRST);
    const leadLast = rng.pick(FLEMISH_LAST);
    const places: Org['places'] = [];
    const mentorEmails: string[] = [];
    for (const m of o.mentors) {
      const first = rng.pick(FLEMISH_FIRST);
      const last = rng.pick(FLEMISH_LAST);
      const email = emailFor(first, last, domain);
      const avail = o.name.startsWith('Buurtcentrum') ? (['tue_am', 'tue_pm', 'thu_am', 'thu_pm'] as DayPart[]) : availability(rng);
      people.push({
        firstName: first,
        lastName: last,
        email,
        phone: beMobile(rng),
        language: 'nl',
        organisation: o.name,
        functionTitle: m.capacity > 1 ? 'pedagogisch coach' : rng.pick(['kinderbegeleider', 'verantwoordelijke kinderopvanglocatie', 'gezinsondersteuner', o.network === 'CIK' ? 'inclusiecoach' : 'coördinator KOALA']),
        network: o.network,
        isParticipant: false,
        isMentor: true,
        learningQuestions: '',
        availability: avail,
        mentorCapacity: m.capacity,
      });
      mentorEmails.push(email);
      places.push({
        team: m.team,
        format: 'hours',
        hours: 14,
        capacity: m.capacity,
        languages: o.name.includes('Molenbeek') ? ['nl', 'fr'] : ['nl'],
        description: `Minimaal 14 uur meelopen met ${first} ${last} (${m.team.toLowerCase()}). De mentor stelt samen met de jobshadower een programma op rond diens leervragen en voorziet tijd voor reflectie.`,
        availability: avail,
        mentorEmail: email,
        round: null,
      });
    }
    mentorEmailsByOrg.set(o.name, mentorEmails);
    organisations.push({
      name: o.name,
      sector: o.sector,
      network: o.network,
      address: o.address,
      postcode: o.postcode,
      municipality: o.municipality,
      languages: o.name.includes('Molenbeek') || o.name.includes('Zonnekind') ? ['nl', 'fr'] : ['nl'],
      website: `https://www.${domain}`,
      role: o.role,
      preconditionNotes: o.notes,
      maxHoursPerDay: rng.pick([4, 6, 7.6]),
      programmeRole: o.role,
      activationCode: null,
      contacts: [{ name: `${leadFirst} ${leadLast}`, role: 'project_lead', email: emailFor(leadFirst, leadLast, domain), phone: rng.chance(0.5) ? beLandline(rng, o.area) : beMobile(rng), language: 'nl' }],
      places,
    });
    for (let i = 0; i < o.senders; i++) {
      const first = rng.pick(FLEMISH_FIRST);
      const last = rng.pick(FLEMISH_LAST);
      const nQuestions = rng.pick([1, 2, 2, 2, 3]);
      const questions = rng.sample(ST_LEARNING_QUESTIONS, nQuestions);
      if (rng.chance(0.35)) questions.push(rng.pick(ST_ORG_QUESTIONS));
      const learningQuestions = questions.length === 1 ? at(questions, 0) : questions.map((q, k) => `${k + 1}. ${q}`).join('\n');
      const person: Person = {
        firstName: first,
        lastName: last,
        email: emailFor(first, last, domain),
        phone: beMobile(rng),
        language: 'nl',
        organisation: o.name,
        functionTitle: rng.pick(o.network === 'CIK' ? ST_FUNCTIONS.slice(0, 8) : ST_FUNCTIONS.filter((f) => f !== 'inclusiecoach' && f !== 'regionaal ondersteuner')),
        network: o.network,
        isParticipant: true,
        isMentor: false,
        learningQuestions,
        availability: availability(rng),
        mentorCapacity: null,
      };
      people.push(person);
      senders.push({ person, org: o });
    }
  }

  const hosts = ST_ORGS.filter((o) => o.role !== 'sends');
  const applications: Application[] = senders.map(({ person, org }) => {
    // Jobshadowers lean to their own network and to nearby hosts, and some hosts are simply popular.
    const choices = rng.weightedDistinct(
      hosts.filter((h) => h.name !== org.name),
      (h) => h.popularity * (h.network === org.network ? 1.8 : 1) * (h.area === org.area ? 1.5 : 1),
      3,
    );
    return {
      email: person.email,
      round: null,
      submittedAt: timestampBetween(rng, '2026-11-09', '2026-12-11'),
      priorityTier: 1,
      isEarlyBird: false,
      activationCode: null,
      choices: choices.map((c) => c.name),
    };
  });

  return {
    programme: {
      name: 'Switching Talent 2027 – jobshadowing in de kinderopvang',
      kind: 'jobshadowing',
      languages: ['nl'],
      requiredHours: 14,
      maxChoices: 3,
      minPlacesPerHost: null,
      maxPlacementsPerParticipant: 1,
      description:
        'Leeruitwisseling tussen basisvoorzieningen voor jonge kinderen en gezinnen in twee netwerken (KOALA en CIK). Elke jobshadower loopt minimaal 14 werkuren mee in een ontvangende voorziening, begeleid door een mentor, rond eigen leervragen. Organisaties sturen uit én ontvangen.\n\nTijdspad: november eerste contact en leervragen; november/december individuele gesprekken (voorkeuren, troeven, haalbaarheid verplaatsing); december/januari matching en leeruitwisselingsmomenten per netwerk; februari tot september jobshadowing; oktober terugkomdag.',
      earlyBirdOpens: null,
      earlyBirdCloses: null,
      registrationOpens: '2026-11-02',
      registrationCloses: '2026-12-18',
      exchangeStarts: '2027-02-01',
      exchangeEnds: '2027-09-30',
    },
    rounds: [],
    theme: {
      name: 'Ontmoeten en verbinden met kinderen en gezinnen',
      framework: 'Pedagogisch Raamwerk (werkversie Switching Talent)',
      description: 'Referentiekader om gericht te observeren tijdens de jobshadowing. Kies samen met je mentor één of twee aandachtsgebieden die aansluiten bij je leervragen en noteer na elke dag wat je zag bij de indicatoren.',
      areas: [
        { title: 'Welbevinden van kinderen', indicators: ['Kinderen voelen zich thuis: ze zoeken contact, ontspannen zich en tonen wat ze voelen.', 'Begeleiders merken signalen van onbehagen op en reageren er snel en warm op.', 'Er is een herkenbaar dagritme met ruimte voor het eigen ritme van elk kind.'] },
        { title: 'Betrokkenheid en spel', indicators: ['Kinderen gaan geconcentreerd op in hun spel en kunnen zelf kiezen.', 'De ruimte en het materiaal nodigen uit tot verkennen, binnen én buiten.', 'Begeleiders spelen mee zonder het spel over te nemen.'] },
        { title: 'Sensitieve en responsieve relaties', indicators: ['Begeleiders benoemen wat kinderen doen en voelen, in woorden die kinderen begrijpen.', 'Elk kind heeft minstens één vaste vertrouwensfiguur in de groep.', 'Afscheid en hereniging bij breng- en haalmomenten krijgen tijd en aandacht.'] },
        { title: 'Gezinnen als partners', indicators: ['Ouders worden dagelijks persoonlijk begroet en horen iets over de dag van hun kind.', 'De thuistaal en gewoonten van gezinnen krijgen een zichtbare plaats.', 'Ouders denken mee over de werking, bijvoorbeeld via ontmoetingsmomenten of een klankbordgroep.'] },
        { title: 'Inclusie en toegankelijkheid', indicators: ['Kinderen met specifieke zorgbehoeften doen volwaardig mee aan het groepsleven.', 'Drempels voor kwetsbare gezinnen (prijs, taal, inschrijving) worden actief weggewerkt.', 'Het team vraagt tijdig ondersteuning en weet bij wie.'] },
        { title: 'Verbinding met de buurt en partners', indicators: ['De voorziening kent de sociale kaart en verwijst warm door.', 'Er zijn vaste afspraken met school, consultatiebureau en Huis van het Kind.', 'Buurtbewoners en vrijwilligers vinden hun weg naar de werking.'] },
        { title: 'Lerend team', indicators: ['Er is tijd voor reflectie en intervisie, ook op drukke dagen.', 'Nieuwe praktijken worden uitgeprobeerd en samen geëvalueerd.', 'Ervaringen van jobshadowers worden teruggekoppeld naar het hele team.'] },
      ],
    },
    organisations,
    people,
    applications: sortByTime(applications),
    sessions: [
      { kind: 'preparation', title: 'Leeruitwisselingsmoment KOALA-netwerk (jobshadowers en mentoren)', date: '2027-01-19', startTime: '09:30', endTime: '12:30', location: 'Hallepoort 27, 1000 Brussel', audienceNetwork: 'KOALA', audienceRoles: 'both', capacity: 30 },
      { kind: 'preparation', title: 'Leeruitwisselingsmoment CIK, regionaal en pedagogisch ondersteuners (jobshadowers en mentoren)', date: '2027-01-21', startTime: '09:30', endTime: '12:30', location: 'Hallepoort 27, 1000 Brussel', audienceNetwork: 'CIK', audienceRoles: 'both', capacity: 30 },
      { kind: 'intervision', title: 'Intervisie voor mentoren halfweg het traject', date: '2027-05-11', startTime: '13:30', endTime: '16:00', location: 'Hallepoort 27, 1000 Brussel', audienceNetwork: null, audienceRoles: 'mentors', capacity: 25 },
      { kind: 'debrief', title: 'Terugkomdag: ervaringen delen en eigen acties plannen', date: '2027-10-07', startTime: '09:30', endTime: '15:30', location: 'Hallepoort 27, 1000 Brussel', audienceNetwork: null, audienceRoles: 'both', capacity: 60 },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// b. Kijkstage "Bij een ander"

type Sector = 'welzijn' | 'wonen' | 'zorg' | 'ggz' | 'jeugd' | 'ouderen' | 'gezin' | 'beperking' | 'daklozen';
interface KsOrg {
  name: string;
  sector: Sector;
  street: string;
  postcode: string;
  lang: ('nl' | 'fr')[];
  /** Relative weight as a choice; a few hosts are much more popular than the rest. */
  pop?: number;
  hideAddress?: boolean;
}

const BRUSSELS_MUNICIPALITY: Record<string, string> = {
  '1000': 'Brussel',
  '1020': 'Laken',
  '1030': 'Schaarbeek',
  '1040': 'Etterbeek',
  '1050': 'Elsene',
  '1060': 'Sint-Gillis',
  '1070': 'Anderlecht',
  '1080': 'Sint-Jans-Molenbeek',
  '1081': 'Koekelberg',
  '1082': 'Sint-Agatha-Berchem',
  '1083': 'Ganshoren',
  '1090': 'Jette',
  '1120': 'Neder-Over-Heembeek',
  '1140': 'Evere',
  '1150': 'Sint-Pieters-Woluwe',
  '1160': 'Oudergem',
  '1180': 'Ukkel',
  '1190': 'Vorst',
  '1200': 'Sint-Lambrechts-Woluwe',
  '1210': 'Sint-Joost-ten-Node',
};

const KS_HOSTS: KsOrg[] = [
  { name: 'Buurtwerk De Passerelle', sector: 'welzijn', street: 'Ninoofsesteenweg 231', postcode: '1080', lang: ['nl', 'fr'], pop: 6 },
  { name: 'Woonbegeleiding Thuis in de Stad', sector: 'wonen', street: 'Antoine Dansaertstraat 118', postcode: '1000', lang: ['nl'] },
  { name: 'Sociaal Verhuurkantoor Zennevallei', sector: 'wonen', street: 'Bergensesteenweg 640', postcode: '1070', lang: ['nl', 'fr'], pop: 3 },
  { name: 'Maison Médicale Le Pivot', sector: 'zorg', street: 'Rue de la Victoire 52', postcode: '1060', lang: ['fr'], pop: 5 },
  { name: 'Wijkgezondheidscentrum De Kaai', sector: 'zorg', street: 'Vlaamsesteenweg 44', postcode: '1000', lang: ['nl', 'fr'], pop: 9 },
  { name: 'Jeugdhulp Ankerplaats', sector: 'jeugd', street: 'Brabantstraat 173', postcode: '1030', lang: ['nl'] },
  { name: "Centre de Jour L'Escale", sector: 'ggz', street: 'Chaussée de Wavre 298', postcode: '1050', lang: ['fr'] },
  { name: 'Dagcentrum Het Atelier', sector: 'ggz', street: 'Leopold I-straat 301', postcode: '1090', lang: ['nl'], pop: 2 },
  { name: 'Onthaalhuis Brug 19', sector: 'daklozen', street: 'Hoogstraat 19', postcode: '1000', lang: ['nl', 'fr'], pop: 12 },
  { name: 'Inloophuis De Lantaarn', sector: 'daklozen', street: 'Kruidtuinlaan 11', postcode: '1210', lang: ['nl', 'fr'], pop: 4 },
  { name: 'Woonzorgcentrum Zonnewende', sector: 'ouderen', street: 'Haachtsesteenweg 1410', postcode: '1140', lang: ['nl'] },
  { name: 'Résidence Les Tilleuls', sector: 'ouderen', street: 'Chaussée d’Alsemberg 842', postcode: '1180', lang: ['fr'] },
  { name: 'Thuiszorgdienst Helpende Hand', sector: 'zorg', street: 'Lakensestraat 96', postcode: '1020', lang: ['nl', 'fr'] },
  { name: 'Opvoedingswinkel Kruispunt', sector: 'gezin', street: 'Clemenceaulaan 27', postcode: '1070', lang: ['nl'], pop: 3 },
  { name: "Service d'Aide aux Familles Les Marronniers", sector: 'gezin', street: 'Avenue Van Volxem 210', postcode: '1190', lang: ['fr'] },
  { name: 'Huis van het Kind De Speelboom', sector: 'gezin', street: 'Keizer Karellaan 411', postcode: '1081', lang: ['nl'], pop: 2 },
  { name: 'Sociale Dienst Wijkpunt Maritiem', sector: 'welzijn', street: 'Vandenpeereboomstraat 14', postcode: '1080', lang: ['nl', 'fr'] },
  { name: 'Vluchtelingenonthaal Nieuwe Horizon', sector: 'welzijn', street: 'Oudergemlaan 65', postcode: '1040', lang: ['nl', 'fr'], pop: 8 },
  { name: 'Centre d’Accueil Le Phare', sector: 'daklozen', street: 'Rue de Mérode 120', postcode: '1060', lang: ['fr'], pop: 3 },
  { name: 'Straathoekwerk De Oversteek', sector: 'jeugd', street: 'Gallaitstraat 84', postcode: '1030', lang: ['nl', 'fr'], pop: 7 },
  { name: 'Drughulpverlening Het Kompas', sector: 'ggz', street: 'Kartuizersstraat 35', postcode: '1000', lang: ['nl', 'fr'], pop: 4 },
  { name: 'Beschut Wonen De Bolster', sector: 'ggz', street: 'Waversesteenweg 1322', postcode: '1160', lang: ['nl'] },
  { name: 'Habitat Solidaire Quartier Nord', sector: 'wonen', street: 'Rue Royale 287', postcode: '1210', lang: ['fr'] },
  { name: 'Wooncoöperatie Samen Huren', sector: 'wonen', street: 'Van Volxemlaan 356', postcode: '1190', lang: ['nl', 'fr'] },
  { name: 'Centrum voor Schuldbemiddeling Balans', sector: 'welzijn', street: 'Elsensesteenweg 145', postcode: '1050', lang: ['nl', 'fr'], pop: 2 },
  { name: 'Lokaal Dienstencentrum Ter Linde', sector: 'ouderen', street: 'Keizer Karellaan 580', postcode: '1083', lang: ['nl'] },
  { name: 'Lokaal Dienstencentrum De Wingerd', sector: 'ouderen', street: 'Gentsesteenweg 1093', postcode: '1082', lang: ['nl'] },
  { name: 'Vrijetijdswerking Kleurrijk', sector: 'beperking', street: 'Georges Henrilaan 421', postcode: '1200', lang: ['nl'] },
  { name: 'Service de Santé Mentale La Boussole', sector: 'ggz', street: 'Rue Josaphat 206', postcode: '1030', lang: ['fr'], pop: 3 },
  { name: 'Centrum Geestelijke Gezondheidszorg Zuidpool', sector: 'ggz', street: 'Waterloosesteenweg 123', postcode: '1060', lang: ['nl', 'fr'], pop: 5 },
  { name: 'Revalidatiecentrum Ter Meersen', sector: 'zorg', street: 'Jetsesesteenweg 540', postcode: '1090', lang: ['nl'] },
  { name: 'Palliatieve Thuiszorg De Overgang', sector: 'zorg', street: 'Tervurenlaan 232', postcode: '1150', lang: ['nl', 'fr'] },
  { name: 'Vrouwenopvang Het Baken', sector: 'welzijn', street: '', postcode: '1040', lang: ['nl', 'fr'], pop: 6, hideAddress: true },
  { name: 'Jongerenhuis De Dijk', sector: 'jeugd', street: 'Peter Benoitstraat 17', postcode: '1120', lang: ['nl'] },
  { name: 'Maison de Quartier Le Relais', sector: 'welzijn', street: 'Rue Wayez 141', postcode: '1070', lang: ['fr'] },
  { name: 'Inclusiewerking Samen Sterk', sector: 'beperking', street: 'Jan Blockxstraat 8', postcode: '1140', lang: ['nl'] },
  { name: 'Gevangenenzorg De Brug', sector: 'welzijn', street: 'Sint-Denijsstraat 73', postcode: '1190', lang: ['nl', 'fr'], pop: 4 },
  { name: 'Gezinszorg Zorgzaam Brussel', sector: 'zorg', street: 'Koolmijnenkaai 30', postcode: '1080', lang: ['nl'] },
  { name: 'Centre de Planning Familial Les Iris', sector: 'gezin', street: 'Rue du Trône 98', postcode: '1050', lang: ['fr'], pop: 2 },
  { name: 'Sociaal Restaurant De Tafel', sector: 'welzijn', street: 'Mariemontkaai 20', postcode: '1080', lang: ['nl', 'fr'], pop: 3 },
];

/** Organisations whose staff visit, but which host no Kijkstage themselves (no priority). */
const KS_SENDERS: KsOrg[] = [
  { name: 'Huisartsenpraktijk De Linde', sector: 'zorg', street: 'Kardinaal Mercierplein 4', postcode: '1090', lang: ['nl'] },
  { name: 'Thuisverpleging Zorgnet Brussel', sector: 'zorg', street: 'Rogierlaan 180', postcode: '1030', lang: ['nl', 'fr'] },
  { name: 'Sociale Huisvesting Zennestad', sector: 'wonen', street: 'Scheutlaan 95', postcode: '1070', lang: ['nl', 'fr'] },
  { name: 'Schoolopbouwwerk Kanaalzone', sector: 'jeugd', street: 'Vierwindenstraat 52', postcode: '1080', lang: ['nl'] },
  { name: 'Aide à Domicile Bruxelles-Est', sector: 'zorg', street: 'Avenue de Tervueren 112', postcode: '1040', lang: ['fr'] },
  { name: 'Centre de Santé du Midi', sector: 'zorg', street: 'Avenue Fonsny 40', postcode: '1060', lang: ['fr'] },
  { name: 'Jeugdwerk De Kwartels', sector: 'jeugd', street: 'Stalingradlaan 62', postcode: '1000', lang: ['nl'] },
  { name: 'Woonzorgnet Kasteelhof', sector: 'ouderen', street: 'Romeinsesteenweg 560', postcode: '1020', lang: ['nl'] },
  { name: 'Dienst Maatschappelijk Werk Ziekenhuis Sint-Elooi', sector: 'zorg', street: 'Sint-Elooistraat 2', postcode: '1070', lang: ['nl', 'fr'] },
  { name: 'Centrum Leerlingenbegeleiding Noordrand', sector: 'jeugd', street: 'Dapperheidsplein 9', postcode: '1140', lang: ['nl'] },
  { name: 'Mutualité Entraide Bruxelles', sector: 'zorg', street: 'Rue Saint-Jean 32', postcode: '1000', lang: ['fr'] },
  { name: 'Integratiedienst Brugwerk', sector: 'welzijn', street: 'Koningsstraat 210', postcode: '1210', lang: ['nl', 'fr'] },
  { name: 'Thuisbegeleiding Vleugels', sector: 'beperking', street: 'Vorstlaan 282', postcode: '1160', lang: ['nl'] },
  { name: 'Logement Accompagné Forest', sector: 'wonen', street: 'Avenue du Globe 67', postcode: '1190', lang: ['fr'] },
  { name: 'Bemiddelingsdienst Samenleven', sector: 'welzijn', street: 'Gemeenteplein 3', postcode: '1082', lang: ['nl'] },
  { name: 'Maison d’Accueil Socio-Sanitaire Horizon', sector: 'daklozen', street: 'Rue Haute 298', postcode: '1000', lang: ['fr'] },
];

const KS_TEAMS: Record<Sector, { nl: string[]; fr: string[] }> = {
  welzijn: { nl: ['Onthaal en eerste opvang', 'Individuele begeleiding', 'Groepswerking', 'Sociaal juridisch advies'], fr: ['Accueil et premier contact', 'Accompagnement individuel', 'Travail de groupe', 'Permanence sociale et juridique'] },
  wonen: { nl: ['Woonbegeleiding', 'Huurdersondersteuning', 'Woonzoekers en intake', 'Technische dienst en huisbezoeken'], fr: ['Accompagnement au logement', 'Soutien aux locataires', 'Accueil des candidats-locataires', 'Visites à domicile'] },
  zorg: { nl: ['Onthaal en triage', 'Verpleging', 'Sociale dienst', 'Thuiszorgteam'], fr: ['Accueil et triage', 'Soins infirmiers', 'Service social', 'Équipe de soins à domicile'] },
  ggz: { nl: ['Dagcentrum', 'Mobiel team', 'Groepsatelier', 'Intake en oriëntatie'], fr: ['Centre de jour', 'Équipe mobile', 'Atelier de groupe', 'Accueil et orientation'] },
  jeugd: { nl: ['Straathoekwerk', 'Jongerenbegeleiding', 'Contextbegeleiding', 'Open huis voor jongeren'], fr: ['Travail de rue', 'Accompagnement des jeunes', 'Soutien en famille', 'Maison ouverte'] },
  ouderen: { nl: ['Leefgroep', 'Animatie en activiteiten', 'Sociale dienst', 'Dagverzorging'], fr: ['Unité de vie', 'Animation', 'Service social', 'Centre de soins de jour'] },
  gezin: { nl: ['Opvoedingsondersteuning', 'Gezinsbegeleiding', 'Ouder-kindgroep', 'Consultatie en spreekuur'], fr: ['Soutien à la parentalité', 'Accompagnement familial', 'Groupe parents-enfants', 'Consultations'] },
  beperking: { nl: ['Vrijetijdsbegeleiding', 'Woonondersteuning', 'Dagbesteding', 'Inclusieve activiteiten'], fr: ['Loisirs accompagnés', 'Soutien au logement', 'Activités de jour', 'Activités inclusives'] },
  daklozen: { nl: ['Dagonthaal', 'Nachtopvang', 'Trajectbegeleiding', 'Sociale permanentie'], fr: ['Accueil de jour', 'Hébergement de nuit', 'Accompagnement de parcours', 'Permanence sociale'] },
};
const KS_FUNCTIONS_NL = ['maatschappelijk werker', 'woonbegeleider', 'verpleegkundige', 'psycholoog', 'onthaalmedewerker', 'straathoekwerker', 'opvoeder', 'ergotherapeut', 'teamcoördinator', 'trajectbegeleider', 'zorgkundige', 'buurtwerker', 'gezinsbegeleider', 'schuldbemiddelaar'];
const KS_FUNCTIONS_FR = ['assistante sociale', 'assistant social', 'infirmière', 'éducateur', 'éducatrice spécialisée', 'psychologue', 'accueillante', 'coordinatrice', 'travailleur de rue', 'aide familiale', 'médiatrice de dettes', 'animateur'];
const KS_MOTIVATIONS_NL = [
  'Ik verwijs regelmatig cliënten door en wil zien hoe het onthaal bij jullie verloopt.',
  'Ik wil een gezicht plakken op de collega’s met wie ik samenwerk en de drempels voor onze cliënten beter begrijpen.',
  'Wat doen jullie concreet rond cliëntparticipatie? Ik neem graag ideeën mee naar ons team.',
  'Ik wil leren hoe jullie omgaan met het beroepsgeheim in het overleg met andere diensten.',
  'Wanneer is dit bezoek voor mij geslaagd? Als ik weet wie ik bij jullie kan bellen en hoe een aanmelding verloopt.',
  'Onze dienst start binnenkort een gelijkaardig project; ik wil horen wat werkt en wat niet.',
  'Ik ben nieuw in de sector en wil de sociale kaart van Brussel beter leren kennen.',
];
const KS_MOTIVATIONS_FR = [
  'J’oriente souvent des usagers vers vous et je voudrais comprendre comment se passe l’accueil.',
  'Je souhaite rencontrer l’équipe et mieux connaître votre fonctionnement pour améliorer nos collaborations.',
  'Comment impliquez-vous les usagers dans votre service ? Je voudrais ramener des idées à mon équipe.',
  'Je voudrais voir comment vous travaillez avec le secret professionnel lors des concertations.',
  'Je suis nouvelle dans le secteur et je veux découvrir le réseau social-santé bruxellois.',
];

function makeKijkstage(): DemoProgramme {
  const rng = makeRng(20270222);
  const EARLY_OPENS = '2027-02-22';
  const EARLY_CLOSES = '2027-02-28';
  const REG_OPENS = '2027-03-01';
  const REG_CLOSES = '2027-03-21';
  const organisations: Org[] = [];
  const people: Person[] = [];
  const applications: Application[] = [];

  const orgEntry = (o: KsOrg, role: 'hosts' | 'both' | 'sends'): Org => {
    const domain = domainFor(o.name);
    const lang0 = at(o.lang, 0);
    const contactName = lang0 === 'fr' ? `${rng.pick(BRUSSELS_FIRST_FR)} ${rng.pick(BRUSSELS_LAST)}` : `${rng.pick(BRUSSELS_FIRST_NL.concat(FLEMISH_FIRST))} ${rng.pick(BRUSSELS_LAST.concat(FLEMISH_LAST))}`;
    const [cFirst, ...cRest] = contactName.split(' ');
    const contactEmail = emailFor(cFirst ?? contactName, cRest.join(' '), domain);
    const places: Org['places'] = [];
    if (role !== 'sends') {
      const nPlaces = rng.chance(0.8) ? 2 : 1;
      const teamLang = lang0;
      const teams = rng.sample(KS_TEAMS[o.sector][teamLang], nPlaces);
      for (const team of teams) {
        const format = rng.chance(0.55) ? 'half_day' : 'day';
        // Popular hosts are often small teams: few places, many requests.
        const capacity = (o.pop ?? 1) >= 6 ? rng.int(1, 2) : rng.int(2, 4);
        const days = rng.sample(['mon', 'tue', 'wed', 'thu', 'fri'], rng.int(1, 3)).sort((a, b) => dayIndex(a) - dayIndex(b));
        const avail = WEEKDAY_PARTS.filter((p) => days.some((d) => p.startsWith(d)) && (format === 'day' || p.endsWith(rng.chance(0.7) ? '_am' : '_pm')));
        const languages: ('nl' | 'fr')[] = o.lang.length === 2 && rng.chance(0.3) ? [rng.pick(o.lang)] : [...o.lang];
        places.push({
          team,
          format,
          hours: null,
          capacity,
          languages,
          description:
            teamLang === 'fr'
              ? `${format === 'day' ? 'Une journée' : 'Une demi-journée'} avec l’équipe « ${team} ». Les usagers décident eux-mêmes s’ils participent à la visite ; le visiteur est tenu au secret professionnel.`
              : `${format === 'day' ? 'Een volledige dag' : 'Een halve dag'} meelopen met het team ${team.toLowerCase()}. Cliënten beslissen zelf of ze aan het bezoek deelnemen; de bezoeker is gebonden aan het beroepsgeheim.`,
          availability: avail.length > 0 ? avail : ['tue_am'],
          mentorEmail: null,
          round: null,
        });
      }
    }
    return {
      name: o.name,
      sector: o.sector,
      network: null,
      address: o.hideAddress ? null : o.street,
      postcode: o.postcode,
      municipality: BRUSSELS_MUNICIPALITY[o.postcode] ?? 'Brussel',
      languages: [...o.lang],
      website: `https://www.${domain}`,
      role,
      preconditionNotes: o.hideAddress ? 'Adres is vertrouwelijk: bezoekers krijgen het pas na bevestiging van de match. Cliënten worden vooraf gevraagd of ze bezoekers willen ontmoeten.' : '',
      maxHoursPerDay: null,
      programmeRole: role,
      activationCode: null,
      contacts: [{ name: contactName, role: role === 'sends' ? 'project_lead' : 'host_contact', email: contactEmail, phone: rng.chance(0.6) ? beMobile(rng) : beLandline(rng, '2'), language: lang0 }],
      places,
    };
  };

  for (const o of KS_HOSTS) organisations.push(orgEntry(o, rng.chance(0.85) ? 'both' : 'hosts'));
  for (const o of KS_SENDERS) organisations.push(orgEntry(o, 'sends'));

  const hostLangs = new Map<string, Set<string>>();
  for (const org of organisations) {
    if (org.places.length === 0) continue;
    hostLangs.set(org.name, new Set(org.places.flatMap((p) => p.languages)));
  }
  const hostNames = organisations.filter((o) => o.places.length > 0).map((o) => o.name);
  const popularity = new Map(KS_HOSTS.map((h) => [h.name, h.pop ?? 1]));

  // 64 visitors work for a host organisation (priority), 136 for a sending-only organisation.
  const sendingOrgs = organisations.filter((o) => o.programmeRole !== 'hosts');
  const hostStaffOrgs = sendingOrgs.filter((o) => o.places.length > 0);
  const otherOrgs = sendingOrgs.filter((o) => o.places.length === 0);
  const employers: Org[] = [];
  for (let i = 0; i < 64; i++) employers.push(at(hostStaffOrgs, i % hostStaffOrgs.length));
  for (let i = 0; i < 136; i++) employers.push(at(otherOrgs, i % otherOrgs.length));

  for (const org of employers) {
    const domain = domainFor(org.name);
    const language: 'nl' | 'fr' = org.languages.length === 1 ? (at(org.languages, 0) as 'nl' | 'fr') : rng.chance(0.65) ? 'nl' : 'fr';
    const first = language === 'fr' ? rng.pick(BRUSSELS_FIRST_FR) : rng.pick(rng.chance(0.5) ? BRUSSELS_FIRST_NL : FLEMISH_FIRST);
    const last = rng.pick(rng.chance(0.7) ? BRUSSELS_LAST : FLEMISH_LAST);
    const email = emailFor(first, last, domain);
    const isHostStaff = org.places.length > 0;
    people.push({
      firstName: first,
      lastName: last,
      email,
      phone: rng.chance(0.9) ? beMobile(rng) : null,
      language,
      organisation: org.name,
      functionTitle: rng.pick(language === 'fr' ? KS_FUNCTIONS_FR : KS_FUNCTIONS_NL),
      network: null,
      isParticipant: true,
      isMentor: false,
      learningQuestions: rng.chance(0.6) ? rng.pick(language === 'fr' ? KS_MOTIVATIONS_FR : KS_MOTIVATIONS_NL) : '',
      availability: availability(rng, 'broad'),
      mentorCapacity: null,
    });
    // A visitor chooses hosts that receive in a language they speak; French speakers have fewer options.
    const options = hostNames.filter((h) => h !== org.name && (hostLangs.get(h)?.has(language) ?? false));
    const choices = rng.weightedDistinct(options, (h) => popularity.get(h) ?? 1, 3);
    // Staff of hosts have priority whenever they register; most use the early-bird week.
    const isEarlyBird = isHostStaff && rng.chance(0.85);
    applications.push({
      email,
      round: null,
      submittedAt: isEarlyBird ? earlyBirdTimestamp(rng, EARLY_OPENS, EARLY_CLOSES) : timestampBetween(rng, REG_OPENS, REG_CLOSES),
      priorityTier: isHostStaff ? 0 : 1,
      isEarlyBird,
      activationCode: null,
      choices,
    });
  }

  return {
    programme: {
      name: 'Kijkstages Bij een ander / Chez un autre – voorjaar 2027',
      kind: 'kijkstage',
      languages: ['nl', 'fr'],
      requiredHours: null,
      maxChoices: 3,
      minPlacesPerHost: null,
      maxPlacementsPerParticipant: 1,
      description:
        'Medewerkers van Brusselse organisaties uit welzijn, wonen en zorg gaan een halve of een hele dag op bezoek bij een andere organisatie. Bezoekers geven drie gastorganisaties op, hun favoriet eerst. Personeel van organisaties die zelf een Kijkstage aanbieden krijgt voorrang en kan zich een week vroeger inschrijven (early bird). Enkel voor medewerkers, niet voor studenten of stagiairs. Loon, verplaatsingskosten en verzekering blijven ten laste van de eigen werkgever; de bezoeker is gebonden aan het beroepsgeheim.',
      earlyBirdOpens: EARLY_OPENS,
      earlyBirdCloses: EARLY_CLOSES,
      registrationOpens: REG_OPENS,
      registrationCloses: REG_CLOSES,
      exchangeStarts: '2027-04-19',
      exchangeEnds: '2027-05-28',
    },
    rounds: [],
    theme: null,
    organisations,
    people,
    applications: sortByTime(applications),
    sessions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// c. KIEK "Kijken in elkaars keuken"

interface KiekOrg {
  name: string;
  sector: string;
  street: string;
  postcode: string;
  municipality: string;
  area: string;
  functions: string[];
}

const KIEK_ORGS: KiekOrg[] = [
  { name: 'Zorggroep Dinkeldal', sector: 'ouderenzorg', street: 'Hengelosestraat 512', postcode: '7521 AN', municipality: 'Enschede', area: '53', functions: ['Verzorgende IG', 'Teamleider wijkzorg', 'Activiteitenbegeleider', 'Specialist ouderengeneeskunde', 'Planner zorgroosters', 'Geestelijk verzorger'] },
  { name: 'Woonstichting Het Twentse Erf', sector: 'woningcorporatie', street: 'Marktstraat 14', postcode: '7551 DR', municipality: 'Hengelo', area: '74', functions: ['Wijkconsulent', 'Huurincasso', 'Opzichter onderhoud', 'Medewerker woonruimteverdeling', 'Sociaal beheerder'] },
  { name: 'Ziekenhuis Berkelland Oost', sector: 'ziekenhuis', street: 'Ziekenhuislaan 3', postcode: '7141 BN', municipality: 'Groenlo', area: '544', functions: ['Verpleegkundige chirurgie', 'Doktersassistent poli', 'Medewerker patiëntenservice', 'Fysiotherapeut', 'Inkoper medische hulpmiddelen', 'Afdelingsmanager'] },
  { name: 'Gemeentelijk Sociaal Team Almelo-Noord', sector: 'gemeente (sociaal domein)', street: 'Haven Zuidzijde 30', postcode: '7607 EW', municipality: 'Almelo', area: '546', functions: ['Consulent Wmo', 'Jeugdconsulent', 'Klantmanager participatie', 'Beleidsmedewerker armoede', 'Schuldhulpverlener'] },
  { name: 'Waterschap Berkelstroom', sector: 'waterschap', street: 'Stationsplein 21', postcode: '7201 MH', municipality: 'Zutphen', area: '575', functions: ['Waterkeringbeheerder', 'Medewerker vergunningen', 'Communicatieadviseur', 'Laborant zuivering', 'Projectleider klimaatadaptatie'] },
  { name: 'Thuiszorg De Achterhoekse Hand', sector: 'thuiszorg', street: 'Terborgseweg 88', postcode: '7005 AR', municipality: 'Doetinchem', area: '314', functions: ['Wijkverpleegkundige', 'Helpende thuiszorg', 'Casemanager dementie', 'Planner', 'Praktijkopleider'] },
  { name: 'Regiobank Oost-Gelderland', sector: 'financiële instelling', street: 'Hamburgerstraat 40', postcode: '7001 EW', municipality: 'Doetinchem', area: '314', functions: ['Adviseur particulieren', 'Kredietanalist', 'Medewerker klantenservice', 'Compliance officer', 'Adviseur zakelijk'] },
  { name: 'Rechtbank Oost-Twente', sector: 'rechtspraak', street: 'Burgemeester Roosstraat 2', postcode: '7511 DR', municipality: 'Enschede', area: '53', functions: ['Griffier', 'Medewerker rolzaken', 'Bode en zaalbeheer', 'Juridisch medewerker', 'Teamleider administratie'] },
  { name: 'Jeugdzorg De Kruimel', sector: 'jeugdzorg', street: 'Boerhaavelaan 55', postcode: '7314 EE', municipality: 'Apeldoorn', area: '55', functions: ['Pedagogisch medewerker leefgroep', 'Gezinshuisouder', 'Jeugdzorgwerker ambulant', 'Gedragswetenschapper', 'Teamcoach'] },
  { name: 'Scholengroep IJssel en Berkel', sector: 'onderwijs', street: 'Brinkgreverweg 120', postcode: '7413 AE', municipality: 'Deventer', area: '570', functions: ['Docent Nederlands', 'Zorgcoördinator', 'Conciërge', 'Onderwijsassistent', 'Roostermaker', 'Decaan'] },
  { name: 'GGZ Twentezicht', sector: 'geestelijke gezondheidszorg', street: 'Wierdensestraat 160', postcode: '7604 BL', municipality: 'Almelo', area: '546', functions: ['Sociaal psychiatrisch verpleegkundige', 'Ervaringsdeskundige', 'GZ-psycholoog', 'Medewerker dagbesteding', 'Secretaresse zorgadministratie'] },
  { name: 'Gehandicaptenzorg De Esch', sector: 'gehandicaptenzorg', street: 'Eschweg 7', postcode: '7101 BW', municipality: 'Winterswijk', area: '543', functions: ['Begeleider wonen', 'Begeleider dagbesteding', 'Zorgcoördinator', 'Logopedist', 'Medewerker facilitair'] },
  { name: 'Veiligheidsregio Dinkel en Regge', sector: 'openbare veiligheid', street: 'Het Hoge Veld 1', postcode: '7577 AA', municipality: 'Oldenzaal', area: '541', functions: ['Centralist meldkamer', 'Adviseur risicobeheersing', 'Medewerker crisiscommunicatie', 'Beroepsbrandweer', 'Opleidingscoördinator'] },
  { name: 'Kinderopvang Kroost', sector: 'kinderopvang', street: 'Molenstraat 64', postcode: '7461 BM', municipality: 'Rijssen', area: '548', functions: ['Pedagogisch medewerker', 'Pedagogisch coach', 'Locatiemanager', 'Medewerker klantcontact', 'Groepshulp'] },
  { name: 'Stichting Welzijn Lochem-Gorssel', sector: 'welzijn', street: 'Nieuweweg 19', postcode: '7241 EV', municipality: 'Lochem', area: '573', functions: ['Ouderenadviseur', 'Jongerenwerker', 'Mantelzorgconsulent', 'Vrijwilligerscoördinator', 'Buurtsportcoach'] },
  { name: 'Revalidatiecentrum Het Roessink', sector: 'revalidatie', street: 'Roessinkweg 40', postcode: '7522 AH', municipality: 'Enschede', area: '53', functions: ['Ergotherapeut', 'Revalidatiearts', 'Maatschappelijk werker', 'Instrumentmaker', 'Bewegingsagoog'] },
];
const KIEK_WISHES = [
  'Ik wil zien hoe een andere sector omgaat met dezelfde vragen van inwoners.',
  'Ik denk na over de volgende stap in mijn loopbaan en wil deze functie van dichtbij meemaken.',
  'Wij verwijzen veel door; ik wil weten wat er daarna gebeurt.',
  'Nieuwsgierig naar hoe jullie werken met zelfsturende teams.',
  'Ik wil mijn netwerk in de regio vergroten.',
  '',
  '',
];

function activationCode(rng: Rng, orgName: string): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const initials = orgName
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 3)
    .padEnd(3, 'X');
  let tail = '';
  for (let i = 0; i < 4; i++) tail += letters[rng.int(0, letters.length - 1)];
  return `KIEK-${initials}-${tail}`;
}

function makeKiek(): DemoProgramme {
  const rng = makeRng(20270301);
  const ROUNDS = [
    { name: 'Voorjaarsronde 2027', registrationOpens: '2027-03-01', registrationCloses: '2027-03-21', exchangeStarts: '2027-03-22', exchangeEnds: '2027-09-21' },
    { name: 'Najaarsronde 2027', registrationOpens: '2027-09-13', registrationCloses: '2027-10-03', exchangeStarts: '2027-10-04', exchangeEnds: '2028-04-03' },
  ];
  const organisations: Org[] = [];
  const people: Person[] = [];
  const applications: Application[] = [];
  const codes = new Map<string, string>();

  for (const o of KIEK_ORGS) {
    const domain = domainFor(o.name);
    const code = activationCode(rng, o.name);
    codes.set(o.name, code);
    const places: Org['places'] = [];
    for (const round of ROUNDS) {
      // At least 5 exchange places per organisation per round; functions vary a little between rounds.
      const nPlaces = Math.min(o.functions.length, rng.int(5, 6));
      for (const fn of rng.sample(o.functions, nPlaces)) {
        const format = rng.chance(0.6) ? 'day' : 'day_part';
        places.push({
          team: fn,
          format,
          hours: null,
          capacity: rng.chance(0.75) ? 1 : 2,
          languages: ['nl'],
          description: `${format === 'day' ? 'Een dag' : 'Een dagdeel'} meelopen als ${fn.toLowerCase()} bij ${o.name}. Datum in overleg met het aanspreekpunt, binnen de zes maanden na de inschrijving.`,
          availability: availability(rng, 'broad'),
          mentorEmail: null,
          round: round.name,
        });
      }
      if (rng.chance(0.3)) {
        places.push({
          team: 'Groepsvoorlichting: kennismaken met de organisatie',
          format: 'day_part',
          hours: null,
          capacity: 10,
          languages: ['nl'],
          description: 'Bij veel belangstelling voor één functie bundelen we de aanvragen in een voorlichting voor meerdere deelnemers tegelijk, met rondleiding.',
          availability: ['thu_pm'],
          mentorEmail: null,
          round: round.name,
        });
      }
    }
    const cFirst = rng.pick(DUTCH_FIRST);
    const cLast = rng.pick(DUTCH_LAST);
    organisations.push({
      name: o.name,
      sector: o.sector,
      network: 'KIEK Oost-Nederland',
      address: o.street,
      postcode: o.postcode,
      municipality: o.municipality,
      languages: ['nl'],
      website: `https://www.${domain}`,
      role: 'both',
      preconditionNotes: rng.pick([
        'Uitwisseling in werktijd; medewerkers bespreken deelname vooraf met hun leidinggevende en koppelen na afloop terug in het teamoverleg.',
        'Eigen tijd of werktijd: werktijd, maximaal twee uitwisselingen per jaar. Terugkoppeling via een kort verslag aan HR.',
        'Zelfsturende teams: het team beslist samen wie wanneer gaat. Ontvangen gebeurt door een vaste collega per functie.',
      ]),
      maxHoursPerDay: 8,
      programmeRole: 'both',
      activationCode: code,
      contacts: [{ name: `${cFirst} ${cLast}`, role: 'project_lead', email: emailFor(cFirst, cLast, domain), phone: rng.chance(0.5) ? nlLandline(rng, o.area) : nlMobile(rng), language: 'nl' }],
      places,
    });
  }

  // 8 employees per organisation; most apply in one round, some in both.
  for (const o of KIEK_ORGS) {
    const domain = domainFor(o.name);
    for (let i = 0; i < 8; i++) {
      const first = rng.pick(DUTCH_FIRST);
      const last = rng.pick(DUTCH_LAST);
      const email = emailFor(first, last, domain);
      people.push({
        firstName: first,
        lastName: last,
        email,
        phone: rng.chance(0.85) ? nlMobile(rng) : null,
        language: 'nl',
        organisation: o.name,
        functionTitle: rng.pick(o.functions),
        network: null,
        isParticipant: true,
        isMentor: false,
        learningQuestions: rng.pick(KIEK_WISHES),
        availability: availability(rng, 'broad'),
        mentorCapacity: null,
      });
      const r = rng.next();
      const rounds = r < 0.5 ? [ROUNDS[0]] : r < 0.8 ? [ROUNDS[1]] : ROUNDS;
      for (const round of rounds) {
        if (!round) continue;
        const others = KIEK_ORGS.filter((x) => x.name !== o.name);
        // Different sectors attract each other; a court and a hospital are popular days out.
        const choices = rng.weightedDistinct(others, (x) => (x.sector.includes('rechtspraak') || x.sector.includes('ziekenhuis') || x.sector.includes('openbare veiligheid') ? 4 : 1), rng.int(2, 4));
        applications.push({
          email,
          round: round.name,
          submittedAt: timestampBetween(rng, round.registrationOpens, round.registrationCloses),
          priorityTier: 1,
          isEarlyBird: false,
          activationCode: codes.get(o.name) ?? null,
          choices: choices.map((c) => c.name),
        });
      }
    }
  }

  return {
    programme: {
      name: 'KIEK – Kijken in elkaars keuken 2027',
      kind: 'exchange_round',
      languages: ['nl'],
      requiredHours: null,
      maxChoices: 4,
      minPlacesPerHost: 5,
      maxPlacementsPerParticipant: 2,
      description:
        'Werknemers van organisaties in Oost-Nederland (Twente, Achterhoek, Stedendriehoek) lopen een dag of dagdeel mee bij een andere werkgever. Elke deelnemende organisatie stelt minstens 5 uitwisselingsplaatsen ter beschikking en laat eigen medewerkers deelnemen. Twee rondes per jaar; inschrijven met de activatiecode van de eigen werkgever binnen een aanmeldtermijn van 3 weken; de uitwisseling vindt plaats in de 6 maanden daarna. Per ronde mag een medewerker zich voor meerdere uitwisselingen aanmelden.',
      earlyBirdOpens: null,
      earlyBirdCloses: null,
      registrationOpens: '2027-03-01',
      registrationCloses: '2027-10-03',
      exchangeStarts: '2027-03-22',
      exchangeEnds: '2028-04-03',
    },
    rounds: ROUNDS.map((r) => ({ ...r })),
    theme: null,
    organisations,
    people,
    applications: sortByTime(applications),
    sessions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// d. Wisselstage Huiselijk Geweld

const WS_ORGS: { name: string; sector: string; street: string; postcode: string; municipality: string; area: string; team: string }[] = [
  { name: 'Veilig Thuis Maasmond', sector: 'advies- en meldpunt', street: 'Schiekade 190', postcode: '3013 BR', municipality: 'Rotterdam', area: '10', team: 'Triage en vervolg' },
  { name: 'Wijkteam Feijenoord-Zuid', sector: 'wijkteam', street: 'Beijerlandselaan 101', postcode: '3074 EJ', municipality: 'Rotterdam', area: '10', team: 'Wijkteam volwassenen en gezinnen' },
  { name: 'Vrouwenopvang De Schuilhaven', sector: 'maatschappelijke opvang', street: '', postcode: '3021 AA', municipality: 'Rotterdam', area: '10', team: 'Opvang en nazorg' },
  { name: 'Politie Basisteam Maasoever', sector: 'politie', street: 'Hoogstraat 30', postcode: '3131 BM', municipality: 'Vlaardingen', area: '10', team: 'Wijkagenten en zedenzaken' },
  { name: 'Jeugdbescherming Rijnmond-Zuid', sector: 'jeugdbescherming', street: 'Stationsplein 45', postcode: '3311 AK', municipality: 'Dordrecht', area: '78', team: 'Jeugdbeschermers' },
  { name: 'Reclassering Stadshaven', sector: 'reclassering', street: 'Westblaak 88', postcode: '3012 KM', municipality: 'Rotterdam', area: '10', team: 'Toezicht en gedragsinterventies' },
  { name: 'Steunpunt Slachtoffers Drechtsteden', sector: 'slachtofferhulp', street: 'Johan de Wittstraat 12', postcode: '3311 KJ', municipality: 'Dordrecht', area: '78', team: 'Casemanagers' },
  { name: 'GGZ Deltastroom', sector: 'ggz', street: 'Nieuwe Damlaan 700', postcode: '3118 AB', municipality: 'Schiedam', area: '10', team: 'Forensisch ambulant team' },
  { name: 'Huisartsenpost Nieuwe Maas', sector: 'huisartsenzorg', street: 'Spijkenisserstraat 2', postcode: '3201 AA', municipality: 'Spijkenisse', area: '181', team: 'Praktijkondersteuners' },
  { name: 'Stichting Krachtig Thuis', sector: 'ambulante hulpverlening', street: 'Middenbaan 90', postcode: '2991 CT', municipality: 'Barendrecht', area: '180', team: 'Systeemgerichte hulp' },
];

function makeWisselstage(): DemoProgramme {
  const rng = makeRng(20270923);
  const organisations: Org[] = [];
  const people: Person[] = [];
  const applications: Application[] = [];
  for (const o of WS_ORGS) {
    const domain = domainFor(o.name);
    const cFirst = rng.pick(ROTTERDAM_FIRST);
    const cLast = rng.pick(ROTTERDAM_LAST);
    organisations.push({
      name: o.name,
      sector: o.sector,
      network: 'Ketenaanpak huiselijk geweld Rijnmond',
      address: o.street === '' ? null : o.street,
      postcode: o.postcode,
      municipality: o.municipality,
      languages: ['nl'],
      website: `https://www.${domain}`,
      role: 'both',
      preconditionNotes: o.street === '' ? 'Geheim adres: de deelnemer krijgt de ontmoetingsplek pas na de koppeling.' : '',
      maxHoursPerDay: 8,
      programmeRole: 'both',
      activationCode: null,
      contacts: [{ name: `${cFirst} ${cLast}`, role: 'host_contact', email: emailFor(cFirst, cLast, domain), phone: rng.chance(0.5) ? nlLandline(rng, o.area) : nlMobile(rng), language: 'nl' }],
      places: [
        {
          team: o.team,
          format: 'day',
          hours: null,
          capacity: rng.int(2, 4),
          languages: ['nl'],
          description: 'Eén dag echt meedoen: de contactpersoon plant vooraf collegiale overleggen en, met toestemming, gesprekken met cliënten.',
          availability: availability(rng, 'broad'),
          mentorEmail: null,
          round: null,
        },
      ],
    });
    for (let i = 0; i < 3; i++) {
      const first = rng.pick(ROTTERDAM_FIRST);
      const last = rng.pick(ROTTERDAM_LAST);
      const email = emailFor(first, last, domain);
      people.push({ firstName: first, lastName: last, email, phone: nlMobile(rng), language: 'nl', organisation: o.name, functionTitle: o.team.toLowerCase(), network: 'Ketenaanpak huiselijk geweld Rijnmond', isParticipant: true, isMentor: false, learningQuestions: '', availability: availability(rng, 'broad'), mentorCapacity: null });
      const choices = rng.sample(WS_ORGS.filter((x) => x.name !== o.name), 3);
      applications.push({ email, round: null, submittedAt: timestampBetween(rng, '2027-08-30', '2027-09-23'), priorityTier: 1, isEarlyBird: false, activationCode: null, choices: choices.map((c) => c.name) });
    }
  }
  return {
    programme: {
      name: 'Wisselstage! Huiselijk Geweld – ronde najaar 2027',
      kind: 'exchange_round',
      languages: ['nl'],
      requiredHours: null,
      maxChoices: 3,
      minPlacesPerHost: null,
      maxPlacementsPerParticipant: 1,
      description:
        'Medewerkers van ketenorganisaties in het werkveld huiselijk geweld (Rotterdam-Rijnmond en Zuid-Holland Zuid) lopen één dag stage bij een andere ketenorganisatie. Aanmelden tot 23 september. Evaluatiethema’s: welkom, echt meedoen, diepte, begrip, kennis van de sociale kaart, breder perspectief.',
      earlyBirdOpens: null,
      earlyBirdCloses: null,
      registrationOpens: '2027-08-30',
      registrationCloses: '2027-09-23',
      exchangeStarts: '2027-10-04',
      exchangeEnds: '2027-12-17',
    },
    rounds: [],
    theme: null,
    organisations,
    people,
    applications: sortByTime(applications),
    sessions: [{ kind: 'debrief', title: 'Terugkomochtend: ervaringen delen (en meer koffie)', date: '2028-01-20', startTime: '09:30', endTime: '12:00', location: 'Schiekade 190, 3013 BR Rotterdam', audienceNetwork: null, audienceRoles: 'participants', capacity: 40 }],
  };
}

// ---------------------------------------------------------------------------------------------
// Checks and output

/** The generator refuses to write data the loader would quietly change (a phone number dropped, a bad choice). */
function check(file: string, d: DemoProgramme): void {
  const parsed = DemoProgrammeSchema.safeParse(d);
  if (!parsed.success) throw new Error(`${file}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  const orgByName = new Map(d.organisations.map((o) => [o.name, o]));
  const country = (orgName: string) => (/^\d{4} ?[A-Z]{2}$/.test(orgByName.get(orgName)?.postcode ?? '') ? 'NL' : 'BE');
  const phones: [string, string | null | undefined][] = [
    ...d.people.map((p) => [p.organisation, p.phone] as [string, string | null]),
    ...d.organisations.flatMap((o) => o.contacts.map((c) => [o.name, c.phone] as [string, string | null | undefined])),
  ];
  for (const [org, phone] of phones) {
    if (phone && !normalisePhone(phone, country(org)).ok) throw new Error(`${file}: invalid phone ${phone} (${org})`);
  }
  const byEmail = new Map(d.people.map((p) => [p.email, p]));
  for (const a of d.applications) {
    const p = byEmail.get(a.email);
    if (!p) throw new Error(`${file}: application for unknown ${a.email}`);
    if (a.choices.includes(p.organisation)) throw new Error(`${file}: ${a.email} chooses own organisation`);
    if (new Set(a.choices).size !== a.choices.length) throw new Error(`${file}: ${a.email} repeats a choice`);
    for (const c of a.choices) if (!orgByName.get(c)?.places.length) throw new Error(`${file}: choice ${c} is not a host`);
  }
  for (const o of d.organisations) for (const pl of o.places) if (pl.mentorEmail && !byEmail.get(pl.mentorEmail)?.isMentor) throw new Error(`${file}: mentor ${pl.mentorEmail} missing`);
}

function main(): void {
  const files: [string, DemoProgramme][] = [
    ['01-switching-talent.json', makeSwitchingTalent()],
    ['02-kijkstage-bij-een-ander.json', makeKijkstage()],
    ['03-kiek-kijken-in-elkaars-keuken.json', makeKiek()],
    ['04-wisselstage-huiselijk-geweld.json', makeWisselstage()],
  ];
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, data] of files) {
    check(file, data);
    const text = `${JSON.stringify(data, null, 1)}\n`;
    fs.writeFileSync(path.join(OUT_DIR, file), text);
    console.log(`${file}: ${data.organisations.length} organisations, ${data.people.length} people, ${data.applications.length} applications, ${(text.length / 1024).toFixed(0)} KB`);
  }
}

main();
