import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src-main/services/demo.service';
import { DemoProgrammeSchema } from '../../src-shared/schemas/demo.schema';
import { REPO_ROOT, createTestContext, type TestContext } from '../helpers/context';

/*
 * The demo is what a coordinator sees first, and what matching and planning are shown on. These tests
 * check what the coordinator would notice: the right programmes, counts, dates and rules, and that
 * loading it again changes nothing.
 */

const DEMO_DIR = path.join(REPO_ROOT, 'resources', 'demo');
const demoFiles = fs
  .readdirSync(DEMO_DIR)
  .filter((n) => n.endsWith('.json'))
  .sort();

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function programmeId(kind: string, nameIncludes: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('programmes')
    .select('id')
    .where('kind', '=', kind as 'kijkstage')
    .where('name', 'like', `%${nameIncludes}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Organisations linked to a programme, with their role there and whether they offer places. */
async function programmeOrganisations(id: number) {
  return ctx.db
    .selectFrom('programme_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.id', 'o.name', 'o.network', 'o.precondition_notes', 'po.role', 'po.activation_code'])
    .select((eb) => eb.selectFrom('places').whereRef('places.organisation_id', '=', 'o.id').where('places.programme_id', '=', id).select(eb.fn.countAll<number>().as('n')).as('places'))
    .where('po.programme_id', '=', id)
    .execute();
}

/** Applications of a programme with the participant, their organisation and the ranked choices. */
async function applicationsWithChoices(id: number) {
  const apps = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('people as p', 'p.id', 'a.participant_id')
    .select(['a.id', 'a.round_id', 'a.submitted_at', 'a.priority_tier', 'a.is_early_bird', 'a.activation_code', 'p.organisation_id', 'p.language', 'p.learning_questions', 'p.email'])
    .where('a.programme_id', '=', id)
    .execute();
  const choices = await ctx.db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.application_id', 'c.rank', 'c.organisation_id', 'c.raw_text'])
    .where('a.programme_id', '=', id)
    .orderBy('c.application_id')
    .orderBy('c.rank')
    .execute();
  return apps.map((a) => ({ ...a, choices: choices.filter((c) => c.application_id === a.id) }));
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = ['programmes', 'rounds', 'themes', 'theme_areas', 'theme_indicators', 'organisations', 'programme_organisations', 'contacts', 'people', 'places', 'applications', 'application_choices', 'group_sessions'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(t)}`.execute(ctx.db);
    out[t] = r.rows[0]?.n ?? -1;
  }
  return out;
}

describe('demo files', () => {
  it('are there, one per programme, each valid and well under 1 MB', () => {
    expect(demoFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of demoFiles) {
      const text = fs.readFileSync(path.join(DEMO_DIR, file), 'utf8');
      expect(text.length, file).toBeLessThan(600_000);
      const parsed = DemoProgrammeSchema.safeParse(JSON.parse(text));
      expect(parsed.success, `${file}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
    }
  });

  it('use only fictional e-mail and web domains', () => {
    for (const file of demoFiles) {
      const text = fs.readFileSync(path.join(DEMO_DIR, file), 'utf8');
      const domains = [...text.matchAll(/@([a-z0-9.-]+)/gi), ...text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1] ?? '');
      expect(domains.length, file).toBeGreaterThan(0);
      expect(domains.filter((d) => !d.endsWith('.example')), file).toEqual([]);
    }
  });
});

describe('loading the demo', () => {
  it('brings a programme of each kind', async () => {
    const result = await loadDemo(ctx);
    expect(result.isAlreadyLoaded).toBe(false);
    expect(result.programmes).toHaveLength(demoFiles.length);
    expect(new Set(result.programmes.map((p) => p.kind))).toEqual(new Set(['jobshadowing', 'kijkstage', 'exchange_round']));
    expect(result.applications).toBeGreaterThanOrEqual(30 + 200);
  });

  it('Switching Talent: 12 organisations in KOALA and CIK that mostly send and receive, each with a project lead', async () => {
    await loadDemo(ctx);
    const id = await programmeId('jobshadowing', 'Switching Talent');
    const programme = await ctx.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(programme.required_hours).toBe(14);
    expect(programme.max_choices).toBe(3);
    expect([programme.exchange_starts, programme.exchange_ends]).toEqual(['2027-02-01', '2027-09-30']);

    const orgs = await programmeOrganisations(id);
    expect(orgs).toHaveLength(12);
    expect(orgs.filter((o) => o.network === 'KOALA')).toHaveLength(6);
    expect(orgs.filter((o) => o.network === 'CIK')).toHaveLength(6);
    expect(orgs.filter((o) => o.role === 'both').length).toBeGreaterThanOrEqual(9);
    for (const o of orgs) {
      expect(o.precondition_notes, o.name).not.toBe('');
      expect(Number(o.places) > 0, `${o.name} hosts but offers no place`).toBe(o.role !== 'sends');
    }
    const leads = await ctx.db.selectFrom('contacts').select(['organisation_id', 'email', 'phone']).where('role', '=', 'project_lead').where('organisation_id', 'in', orgs.map((o) => o.id)).execute();
    expect(new Set(leads.map((l) => l.organisation_id)).size).toBe(12);
    expect(leads.every((l) => l.email !== null && l.phone !== null && l.phone.startsWith('+32'))).toBe(true);
  });

  it('Switching Talent: 30 jobshadowers with learning questions and availability, mentors for every place of 14 hours', async () => {
    await loadDemo(ctx);
    const id = await programmeId('jobshadowing', 'Switching Talent');
    const apps = await applicationsWithChoices(id);
    expect(apps).toHaveLength(30);
    for (const a of apps) {
      expect(a.learning_questions.trim().length, a.email ?? undefined).toBeGreaterThan(40);
      expect(a.choices.map((c) => c.rank)).toEqual([1, 2, 3]);
    }
    // Some learning questions are long and come as a numbered list: the screens must wrap them.
    expect(apps.some((a) => a.learning_questions.includes('\n2. ') && a.learning_questions.length > 250)).toBe(true);

    const shadowers = await ctx.db.selectFrom('people').select(['availability', 'network']).where('id', 'in', ctx.db.selectFrom('applications').select('participant_id').where('programme_id', '=', id)).execute();
    expect(shadowers.every((p) => JSON.parse(p.availability).length > 0)).toBe(true);
    expect(new Set(shadowers.map((p) => p.network))).toEqual(new Set(['KOALA', 'CIK']));

    const places = await ctx.db.selectFrom('places').leftJoin('people as m', 'm.id', 'places.mentor_id').select(['places.format', 'places.hours', 'places.capacity', 'm.is_mentor', 'm.mentor_capacity', 'm.organisation_id as mentorOrg', 'places.organisation_id']).where('places.programme_id', '=', id).execute();
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) {
      expect([p.format, p.hours, p.is_mentor]).toEqual(['hours', 14, 1]);
      expect(p.mentorOrg).toBe(p.organisation_id);
    }
    expect(places.some((p) => p.mentor_capacity === 2)).toBe(true);
    expect(places.reduce((s, p) => s + p.capacity, 0)).toBeGreaterThanOrEqual(30);

    const theme = await ctx.db.selectFrom('programmes').innerJoin('themes', 'themes.id', 'programmes.theme_id').select(['themes.id', 'themes.framework']).where('programmes.id', '=', id).executeTakeFirstOrThrow();
    expect(theme.framework).toContain('Pedagogisch Raamwerk');
    const indicators = await ctx.db.selectFrom('theme_areas').innerJoin('theme_indicators', 'theme_indicators.area_id', 'theme_areas.id').select('theme_areas.id').where('theme_areas.theme_id', '=', theme.id).execute();
    expect(new Set(indicators.map((i) => i.id)).size).toBeGreaterThanOrEqual(4);
  });

  it('Switching Talent: preparation sessions for KOALA on 17 January and CIK on 19 January, 9:30-12:30 at Hallepoort 27, and a debrief', async () => {
    await loadDemo(ctx);
    const id = await programmeId('jobshadowing', 'Switching Talent');
    const sessions = await ctx.db.selectFrom('group_sessions').selectAll().where('programme_id', '=', id).orderBy('date').execute();
    const prep = sessions.filter((s) => s.kind === 'preparation').map((s) => [s.audience_network, s.date, s.start_time, s.end_time, s.location, s.audience_roles]);
    expect(prep).toEqual([
      ['KOALA', '2027-01-19', '09:30', '12:30', 'Hallepoort 27, 1000 Brussel', 'both'],
      ['CIK', '2027-01-21', '09:30', '12:30', 'Hallepoort 27, 1000 Brussel', 'both'],
    ]);
    const debrief = sessions.filter((s) => s.kind === 'debrief');
    expect(debrief).toHaveLength(1);
    expect((debrief[0]?.date ?? '') > '2027-09-30').toBe(true);
  });

  it('Kijkstage: 40 hosts with half-day or day places in Dutch and French, 200 visitors with 3 choices each', async () => {
    await loadDemo(ctx);
    const id = await programmeId('kijkstage', 'Bij een ander');
    const orgs = await programmeOrganisations(id);
    const hosts = orgs.filter((o) => o.role !== 'sends');
    expect(hosts).toHaveLength(40);
    expect(hosts.every((o) => Number(o.places) > 0)).toBe(true);
    expect(orgs.filter((o) => o.role === 'sends').every((o) => Number(o.places) === 0)).toBe(true);

    const places = await ctx.db.selectFrom('places').select(['format', 'capacity', 'languages']).where('programme_id', '=', id).execute();
    expect(new Set(places.map((p) => p.format))).toEqual(new Set(['half_day', 'day']));
    expect(places.every((p) => p.capacity >= 1 && p.capacity <= 4)).toBe(true);
    const placeLanguages = places.flatMap((p) => JSON.parse(p.languages) as string[]);
    expect(placeLanguages).toContain('fr');
    expect(placeLanguages).toContain('nl');

    const apps = await applicationsWithChoices(id);
    expect(apps).toHaveLength(200);
    expect(apps.every((a) => a.choices.length === 3)).toBe(true);
    expect(apps.filter((a) => a.language === 'fr').length).toBeGreaterThanOrEqual(20);
    const hostIds = new Set(hosts.map((h) => h.id));
    expect(apps.every((a) => a.choices.every((c) => c.organisation_id !== null && hostIds.has(c.organisation_id)))).toBe(true);
  });

  it('Kijkstage: popular hosts get far more first choices than they have places', async () => {
    await loadDemo(ctx);
    const id = await programmeId('kijkstage', 'Bij een ander');
    const capacity = new Map<number, number>();
    for (const p of await ctx.db.selectFrom('places').select(['organisation_id', 'capacity']).where('programme_id', '=', id).execute()) capacity.set(p.organisation_id, (capacity.get(p.organisation_id) ?? 0) + p.capacity);
    const firsts = new Map<number, number>();
    for (const a of await applicationsWithChoices(id)) {
      const first = a.choices[0]?.organisation_id;
      if (first != null) firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    const oversubscribed = [...firsts].filter(([org, n]) => n >= 3 * (capacity.get(org) ?? 0));
    expect(oversubscribed.length).toBeGreaterThanOrEqual(3);
    // ...while some hosts are hardly anyone's favourite.
    expect([...capacity.keys()].filter((org) => (firsts.get(org) ?? 0) === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('Kijkstage: early birds are staff of host organisations, registered in the early-bird week, with priority', async () => {
    await loadDemo(ctx);
    const id = await programmeId('kijkstage', 'Bij een ander');
    const programme = await ctx.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(programme.early_bird_opens).not.toBeNull();
    expect(programme.early_bird_closes! < programme.registration_opens!).toBe(true);
    const hostIds = new Set((await programmeOrganisations(id)).filter((o) => o.role !== 'sends').map((o) => o.id));
    const apps = await applicationsWithChoices(id);
    const early = apps.filter((a) => a.is_early_bird === 1);
    expect(early.length).toBeGreaterThanOrEqual(20);
    for (const a of early) {
      expect(hostIds.has(a.organisation_id!), a.email ?? undefined).toBe(true);
      expect(a.priority_tier).toBe(0);
      const day = a.submitted_at.slice(0, 10);
      expect(day >= programme.early_bird_opens! && day <= programme.early_bird_closes!, a.submitted_at).toBe(true);
    }
    for (const a of apps) {
      expect(a.priority_tier, a.email ?? undefined).toBe(hostIds.has(a.organisation_id!) ? 0 : 1);
      if (a.is_early_bird === 0) {
        const day = a.submitted_at.slice(0, 10);
        expect(day >= programme.registration_opens! && day <= programme.registration_closes!, a.submitted_at).toBe(true);
      }
    }
    expect(apps.filter((a) => a.priority_tier === 1).length).toBeGreaterThan(100);
  });

  it('KIEK: every organisation offers at least 5 places per round and hands out its own activation code', async () => {
    await loadDemo(ctx);
    const id = await programmeId('exchange_round', 'KIEK');
    const programme = await ctx.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([programme.min_places_per_host, programme.max_placements_per_participant]).toEqual([5, 2]);

    const rounds = await ctx.db.selectFrom('rounds').selectAll().where('programme_id', '=', id).orderBy('registration_opens').execute();
    expect(rounds).toHaveLength(2);
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
    for (const r of rounds) {
      expect(days(r.registration_opens!, r.registration_closes!), r.name).toBe(20); // 3 weeks, both days included
      expect(r.exchange_starts! > r.registration_closes!).toBe(true);
      expect(days(r.exchange_starts!, r.exchange_ends!)).toBeGreaterThanOrEqual(182);
      expect(days(r.exchange_starts!, r.exchange_ends!)).toBeLessThanOrEqual(184);
    }

    const orgs = await programmeOrganisations(id);
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    expect(new Set(orgs.map((o) => o.activation_code)).size).toBe(orgs.length);
    const places = await ctx.db.selectFrom('places').select(['organisation_id', 'round_id', 'capacity']).where('programme_id', '=', id).execute();
    for (const o of orgs) {
      for (const r of rounds) {
        const offered = places.filter((p) => p.organisation_id === o.id && p.round_id === r.id);
        expect(offered.length, `${o.name}, ${r.name}`).toBeGreaterThanOrEqual(5);
      }
    }

    const codeOf = new Map(orgs.map((o) => [o.id, o.activation_code]));
    const apps = await applicationsWithChoices(id);
    expect(apps.length).toBeGreaterThanOrEqual(100);
    const roundIds = new Set(rounds.map((r) => r.id));
    for (const a of apps) {
      expect(a.activation_code, a.email ?? undefined).toBe(codeOf.get(a.organisation_id!));
      expect(roundIds.has(a.round_id!)).toBe(true);
      expect(a.choices.length).toBeGreaterThanOrEqual(2);
      expect(a.choices.length).toBeLessThanOrEqual(programme.max_choices);
    }
    // Some employees take part in both rounds.
    const perPerson = new Map<string, number>();
    for (const a of apps) perPerson.set(a.email!, (perPerson.get(a.email!) ?? 0) + 1);
    expect([...perPerson.values()].some((n) => n === 2)).toBe(true);
  });

  it('keeps Dutch phone numbers (06-...) as Dutch numbers and Belgian ones as Belgian', async () => {
    await loadDemo(ctx);
    const id = await programmeId('exchange_round', 'KIEK');
    const phones = await ctx.db.selectFrom('people').innerJoin('applications as a', 'a.participant_id', 'people.id').select('people.phone').where('a.programme_id', '=', id).execute();
    const written = phones.filter((p) => p.phone !== null);
    expect(written.length).toBeGreaterThan(50);
    expect(written.every((p) => /^\+316\d{8}$/.test(p.phone!))).toBe(true);
    // Nothing the demo files contain is dropped on the way in.
    for (const file of demoFiles) {
      const d = DemoProgrammeSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8')));
      const withPhone = d.people.filter((p) => p.phone);
      const stored = await ctx.db.selectFrom('people').select('phone').where('email', 'in', withPhone.map((p) => p.email.toLowerCase())).where('phone', 'is not', null).execute();
      expect(stored.length, file).toBe(withPhone.length);
    }
  });

  it('in every programme, every choice is a host organisation of that programme and never the participant’s own', async () => {
    const result = await loadDemo(ctx);
    for (const p of result.programmes) {
      const hostIds = new Set((await programmeOrganisations(p.id)).filter((o) => o.role !== 'sends').map((o) => o.id));
      const apps = await applicationsWithChoices(p.id);
      expect(apps.length, p.name).toBeGreaterThan(0);
      for (const a of apps) {
        expect(a.choices.length, a.email ?? undefined).toBeGreaterThan(0);
        const orgIds = a.choices.map((c) => c.organisation_id);
        expect(orgIds.every((o) => o !== null && hostIds.has(o)), `${p.name}: ${a.email ?? ''}`).toBe(true);
        expect(orgIds, `${p.name}: ${a.email ?? ''} chose their own organisation`).not.toContain(a.organisation_id);
        expect(new Set(orgIds).size).toBe(orgIds.length);
      }
    }
  });

  it('a second load changes nothing', async () => {
    const first = await loadDemo(ctx);
    const before = await tableCounts();
    const second = await loadDemo(ctx);
    expect(second.isAlreadyLoaded).toBe(true);
    expect([second.organisations, second.people, second.places, second.applications]).toEqual([0, 0, 0, 0]);
    expect(second.programmes.map((p) => p.id)).toEqual(first.programmes.map((p) => p.id));
    expect(await tableCounts()).toEqual(before);
  });

  it('is what scripts/make-demo.ts makes: every person and organisation in the files arrives once', async () => {
    const result = await loadDemo(ctx);
    let orgNames = new Set<string>();
    let people = 0;
    for (const file of demoFiles) {
      const d = DemoProgrammeSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8')));
      orgNames = new Set([...orgNames, ...d.organisations.map((o) => o.name)]);
      people += d.people.length;
    }
    expect(result.organisations).toBe(orgNames.size);
    expect(result.people).toBe(people);
  });
});
