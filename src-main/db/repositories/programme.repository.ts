import type { Selectable } from 'kysely';
import type { Language } from '../../../src-shared/schemas/common.schema';
import type { Programme, ProgrammeCreate, ProgrammeUpdate } from '../../../src-shared/schemas/programme.schema';
import type { Db } from '../connection';
import type { ProgrammesTable } from '../schema';
import { parseJson } from './json';

type ProgrammeRow = Selectable<ProgrammesTable>;

function toProgramme(r: ProgrammeRow): Programme {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    languages: parseJson<Language[]>(r.languages, ['nl']),
    requiredHours: r.required_hours,
    maxChoices: r.max_choices,
    minPlacesPerHost: r.min_places_per_host,
    maxPlacementsPerParticipant: r.max_placements_per_participant,
    retentionMonths: r.retention_months,
    description: r.description,
    earlyBirdOpens: r.early_bird_opens,
    earlyBirdCloses: r.early_bird_closes,
    registrationOpens: r.registration_opens,
    registrationCloses: r.registration_closes,
    exchangeStarts: r.exchange_starts,
    exchangeEnds: r.exchange_ends,
    themeId: r.theme_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type Fields = Partial<Omit<ProgrammeCreate, 'kind'>>;
function toColumns(p: Fields): Partial<ProgrammeRow> {
  const c: Partial<ProgrammeRow> = {};
  if (p.name !== undefined) c.name = p.name;
  if (p.languages !== undefined) c.languages = JSON.stringify(p.languages);
  if (p.requiredHours !== undefined) c.required_hours = p.requiredHours;
  if (p.maxChoices !== undefined) c.max_choices = p.maxChoices;
  if (p.minPlacesPerHost !== undefined) c.min_places_per_host = p.minPlacesPerHost;
  if (p.maxPlacementsPerParticipant !== undefined) c.max_placements_per_participant = p.maxPlacementsPerParticipant;
  if (p.retentionMonths !== undefined) c.retention_months = p.retentionMonths;
  if (p.description !== undefined) c.description = p.description;
  if (p.earlyBirdOpens !== undefined) c.early_bird_opens = p.earlyBirdOpens;
  if (p.earlyBirdCloses !== undefined) c.early_bird_closes = p.earlyBirdCloses;
  if (p.registrationOpens !== undefined) c.registration_opens = p.registrationOpens;
  if (p.registrationCloses !== undefined) c.registration_closes = p.registrationCloses;
  if (p.exchangeStarts !== undefined) c.exchange_starts = p.exchangeStarts;
  if (p.exchangeEnds !== undefined) c.exchange_ends = p.exchangeEnds;
  if (p.themeId !== undefined) c.theme_id = p.themeId;
  return c;
}

export async function listProgrammes(db: Db): Promise<Programme[]> {
  const rows = await db.selectFrom('programmes').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toProgramme);
}

export async function findProgramme(db: Db, id: number): Promise<Programme | null> {
  const row = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProgramme(row) : null;
}

export async function findProgrammeByName(db: Db, name: string): Promise<Programme | null> {
  const row = await db.selectFrom('programmes').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toProgramme(row) : null;
}

export async function insertProgramme(db: Db, p: ProgrammeCreate, at: string): Promise<Programme> {
  const row = await db
    .insertInto('programmes')
    .values({
      name: p.name,
      kind: p.kind,
      languages: JSON.stringify(p.languages),
      required_hours: p.requiredHours,
      max_choices: p.maxChoices,
      min_places_per_host: p.minPlacesPerHost,
      max_placements_per_participant: p.maxPlacementsPerParticipant,
      retention_months: p.retentionMonths,
      description: p.description,
      early_bird_opens: p.earlyBirdOpens,
      early_bird_closes: p.earlyBirdCloses,
      registration_opens: p.registrationOpens,
      registration_closes: p.registrationCloses,
      exchange_starts: p.exchangeStarts,
      exchange_ends: p.exchangeEnds,
      theme_id: p.themeId,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProgramme(row);
}

export async function updateProgramme(db: Db, id: number, patch: ProgrammeUpdate['patch'], at: string): Promise<Programme | null> {
  const row = await db
    .updateTable('programmes')
    .set({ ...toColumns(patch), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toProgramme(row) : null;
}

export async function deleteProgramme(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('programmes').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countProgrammeContents(db: Db, id: number) {
  const count = async (q: Promise<{ n: number | bigint | string } | undefined>) => Number((await q)?.n ?? 0);
  const places = await db
    .selectFrom('places')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('capacity'), eb.lit(0)).as('cap')])
    .where('programme_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    organisations: await count(
      db
        .selectFrom((eb) =>
          eb
            .selectFrom('places')
            .select('organisation_id as oid')
            .where('programme_id', '=', id)
            .union(eb.selectFrom('programme_organisations').select('organisation_id as oid').where('programme_id', '=', id))
            .as('o'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ),
    places: Number(places.n),
    capacity: Number(places.cap),
    participants: await count(
      db.selectFrom('applications').select((eb) => eb.fn.count<number>('participant_id').distinct().as('n')).where('programme_id', '=', id).executeTakeFirst(),
    ),
    applications: await count(
      db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('programme_id', '=', id).executeTakeFirst(),
    ),
    placements: await count(
      db
        .selectFrom('placements')
        .innerJoin('applications', 'applications.id', 'placements.application_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('applications.programme_id', '=', id)
        .where('placements.status', '!=', 'cancelled')
        .executeTakeFirst(),
    ),
    sessions: await count(
      db.selectFrom('group_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('programme_id', '=', id).executeTakeFirst(),
    ),
  };
}
