import { sql, type Selectable } from 'kysely';
import type { Availability, Language } from '../../../src-shared/schemas/common.schema';
import type { Person, PersonCreate, PersonListItem } from '../../../src-shared/schemas/person.schema';
import type { Db } from '../connection';
import type { PeopleTable } from '../schema';
import { parseJson } from './json';

type PersonRow = Selectable<PeopleTable>;

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    language: r.language as Language,
    organisationId: r.organisation_id,
    functionTitle: r.function_title,
    network: r.network,
    isParticipant: r.is_participant === 1,
    isMentor: r.is_mentor === 1,
    learningQuestions: r.learning_questions,
    availability: parseJson<Availability>(r.availability, []),
    mentorCapacity: r.mentor_capacity,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(p: Partial<PersonCreate>): Partial<PersonRow> {
  const c: Partial<PersonRow> = {};
  if (p.firstName !== undefined) c.first_name = p.firstName;
  if (p.lastName !== undefined) c.last_name = p.lastName;
  if (p.email !== undefined) c.email = p.email;
  if (p.phone !== undefined) c.phone = p.phone;
  if (p.language !== undefined) c.language = p.language;
  if (p.organisationId !== undefined) c.organisation_id = p.organisationId;
  if (p.functionTitle !== undefined) c.function_title = p.functionTitle;
  if (p.network !== undefined) c.network = p.network;
  if (p.isParticipant !== undefined) c.is_participant = p.isParticipant ? 1 : 0;
  if (p.isMentor !== undefined) c.is_mentor = p.isMentor ? 1 : 0;
  if (p.learningQuestions !== undefined) c.learning_questions = p.learningQuestions;
  if (p.availability !== undefined) c.availability = JSON.stringify(p.availability);
  if (p.mentorCapacity !== undefined) c.mentor_capacity = p.mentorCapacity;
  if (p.notes !== undefined) c.notes = p.notes;
  return c;
}

export interface PersonFilter {
  search?: string;
  role: 'participant' | 'mentor' | 'all';
  organisationId?: number;
}

export async function listPeople(db: Db, f: PersonFilter): Promise<PersonListItem[]> {
  let q = db
    .selectFrom('people')
    .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
    .selectAll('people')
    .select('organisations.name as organisation_name');
  if (f.role === 'participant') q = q.where('people.is_participant', '=', 1);
  if (f.role === 'mentor') q = q.where('people.is_mentor', '=', 1);
  if (f.organisationId !== undefined) q = q.where('people.organisation_id', '=', f.organisationId);
  if (f.search && f.search.trim() !== '') {
    const like = `%${f.search.trim().toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(people.first_name || ' ' || people.last_name)`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`lower(coalesce(people.email, ''))`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`lower(coalesce(organisations.name, ''))`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    );
  }
  const rows = await q.orderBy('people.last_name').orderBy('people.first_name').orderBy('people.id').execute();
  return rows.map((r) => ({ ...toPerson(r), organisationName: r.organisation_name }));
}

export async function findPerson(db: Db, id: number): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function insertPerson(db: Db, p: PersonCreate, at: string): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      phone: p.phone,
      language: p.language,
      organisation_id: p.organisationId,
      function_title: p.functionTitle,
      network: p.network,
      is_participant: p.isParticipant ? 1 : 0,
      is_mentor: p.isMentor ? 1 : 0,
      learning_questions: p.learningQuestions,
      availability: JSON.stringify(p.availability),
      mentor_capacity: p.mentorCapacity,
      notes: p.notes,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

export async function updatePerson(db: Db, id: number, patch: Partial<PersonCreate>, at: string): Promise<Person | null> {
  const row = await db
    .updateTable('people')
    .set({ ...toColumns(patch), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function deletePerson(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countPeople(db: Db): Promise<number> {
  const r = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
