import fs from 'node:fs';
import path from 'node:path';
import { DemoProgrammeSchema, type DemoProgramme } from '../../src-shared/schemas/demo.schema';
import { REPO_ROOT } from './context';

/*
 * The end-to-end test opens the demo the app ships. Its names are read from the demo files at test
 * time, so the test follows the demo as it changes. While resources/demo does not exist yet (it is
 * written in parallel), a tiny stand-in is written to the test's own temporary resources folder;
 * resources/demo itself is never touched.
 */

const TINY_DEMO: unknown = {
  programme: { name: 'Jobshadowing Proefnetwerk', kind: 'jobshadowing', languages: ['nl'] },
  organisations: [
    { name: 'Kinderdagverblijf De Zonnebloem', municipality: 'Gent', network: 'Netwerk Oost', role: 'both', programmeRole: 'both', contacts: [{ name: 'Els Peeters', email: 'els@zonnebloem.example' }], places: [{ team: 'Peutergroep', format: 'hours', hours: 14, capacity: 2 }] },
    { name: 'Buitenschoolse Opvang Het Speelhuis', municipality: 'Brugge', network: 'Netwerk West', role: 'both', programmeRole: 'both', places: [{ team: 'Naschoolse opvang', format: 'day', capacity: 1 }] },
    { name: 'Gezinsondersteuning Kwadraat', municipality: 'Leuven', network: 'Netwerk Oost', role: 'sends', programmeRole: 'sends' },
  ],
  people: [
    { firstName: 'Amina', lastName: 'Benali', email: 'amina@zonnebloem.example', organisation: 'Kinderdagverblijf De Zonnebloem', isParticipant: true, learningQuestions: 'Hoe betrek ik ouders?' },
    { firstName: 'Jonas', lastName: 'Verhaegen', email: 'jonas@speelhuis.example', organisation: 'Buitenschoolse Opvang Het Speelhuis', isMentor: true, mentorCapacity: 2 },
    { firstName: 'Lotte', lastName: 'De Smet', email: 'lotte@kwadraat.example', organisation: 'Gezinsondersteuning Kwadraat', isParticipant: true },
    { firstName: 'Youssef', lastName: 'Haddad', email: 'youssef@speelhuis.example', organisation: 'Buitenschoolse Opvang Het Speelhuis', isParticipant: true },
  ],
};

export interface E2eDemo {
  /** A resources folder with a demo/ subfolder, for ServiceContext.resourcesDir. */
  resourcesDir: string;
  programmes: DemoProgramme[];
  isStandIn: boolean;
}

export function prepareDemoResources(tmp: string): E2eDemo {
  const shipped = path.join(REPO_ROOT, 'resources', 'demo');
  const shippedFiles = fs.existsSync(shipped) ? fs.readdirSync(shipped).filter((n) => n.endsWith('.json')) : [];
  if (shippedFiles.length > 0) {
    const resourcesDir = path.join(REPO_ROOT, 'resources');
    const programmes = shippedFiles.sort().map((n) => DemoProgrammeSchema.parse(JSON.parse(fs.readFileSync(path.join(shipped, n), 'utf8'))));
    return { resourcesDir, programmes, isStandIn: false };
  }
  const resourcesDir = path.join(tmp, 'resources');
  fs.mkdirSync(path.join(resourcesDir, 'demo'), { recursive: true });
  fs.writeFileSync(path.join(resourcesDir, 'demo', 'stand-in.json'), JSON.stringify(TINY_DEMO, null, 2));
  return { resourcesDir, programmes: [DemoProgrammeSchema.parse(TINY_DEMO)], isStandIn: true };
}

/** Distinct organisation names across the demo files, in file order. */
export function demoOrganisationNames(demo: E2eDemo): string[] {
  return [...new Set(demo.programmes.flatMap((p) => p.organisations.map((o) => o.name)))];
}

/** Distinct people (by e-mail) across the demo files, as the app shows their names. */
export function demoPeople(demo: E2eDemo): { name: string; lastName: string; email: string; isParticipant: boolean; isMentor: boolean }[] {
  const seen = new Map<string, { name: string; lastName: string; email: string; isParticipant: boolean; isMentor: boolean }>();
  for (const p of demo.programmes.flatMap((d) => d.people)) {
    const email = p.email.toLowerCase();
    if (!seen.has(email)) seen.set(email, { name: `${p.firstName} ${p.lastName}`.trim(), lastName: p.lastName, email, isParticipant: p.isParticipant, isMentor: p.isMentor });
  }
  return [...seen.values()];
}
