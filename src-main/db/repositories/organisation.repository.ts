import { sql, type Selectable, type Updateable } from 'kysely';
import type { Language } from '../../../src-shared/schemas/common.schema';
import type {
  Contact,
  ContactInput,
  ContactUpdate,
  Organisation,
  OrganisationCreate,
} from '../../../src-shared/schemas/organisation.schema';
import type { Db } from '../connection';
import type { ContactsTable, OrganisationsTable } from '../schema';
import { parseJson } from './json';

type OrganisationRow = Selectable<OrganisationsTable>;

function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    name: r.name,
    sector: r.sector,
    network: r.network,
    address: r.address,
    postcode: r.postcode,
    municipality: r.municipality,
    languages: parseJson<Language[]>(r.languages, ['nl']),
    website: r.website,
    role: r.role,
    preconditionNotes: r.precondition_notes,
    maxHoursPerDay: r.max_hours_per_day,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(o: Partial<OrganisationCreate>): Partial<OrganisationRow> {
  const c: Partial<OrganisationRow> = {};
  if (o.name !== undefined) c.name = o.name;
  if (o.sector !== undefined) c.sector = o.sector;
  if (o.network !== undefined) c.network = o.network;
  if (o.address !== undefined) c.address = o.address;
  if (o.postcode !== undefined) c.postcode = o.postcode;
  if (o.municipality !== undefined) c.municipality = o.municipality;
  if (o.languages !== undefined) c.languages = JSON.stringify(o.languages);
  if (o.website !== undefined) c.website = o.website;
  if (o.role !== undefined) c.role = o.role;
  if (o.preconditionNotes !== undefined) c.precondition_notes = o.preconditionNotes;
  if (o.maxHoursPerDay !== undefined) c.max_hours_per_day = o.maxHoursPerDay;
  return c;
}

export async function listOrganisations(db: Db, search?: string): Promise<Organisation[]> {
  let q = db.selectFrom('organisations').selectAll();
  if (search && search.trim() !== '') {
    const like = `%${search.trim().toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`lower(coalesce(municipality, ''))`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`lower(coalesce(network, ''))`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    );
  }
  const rows = await q.orderBy('name_key').execute();
  return rows.map(toOrganisation);
}

export async function findOrganisation(db: Db, id: number): Promise<Organisation | null> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganisation(row) : null;
}

export async function findOrganisationByKey(db: Db, nameKey: string): Promise<Organisation | null> {
  const row = await db.selectFrom('organisations').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
  return row ? toOrganisation(row) : null;
}

export async function insertOrganisation(db: Db, o: OrganisationCreate, nameKey: string, at: string): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({
      name: o.name,
      name_key: nameKey,
      sector: o.sector,
      network: o.network,
      address: o.address,
      postcode: o.postcode,
      municipality: o.municipality,
      languages: JSON.stringify(o.languages),
      website: o.website,
      role: o.role,
      precondition_notes: o.preconditionNotes,
      max_hours_per_day: o.maxHoursPerDay,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function updateOrganisation(
  db: Db,
  id: number,
  patch: Partial<OrganisationCreate>,
  nameKey: string | undefined,
  at: string,
): Promise<Organisation | null> {
  const row = await db
    .updateTable('organisations')
    .set({ ...toColumns(patch), ...(nameKey !== undefined ? { name_key: nameKey } : {}), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toOrganisation(row) : null;
}

export async function deleteOrganisation(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('organisations').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countOrganisationReferences(db: Db, id: number): Promise<{ people: number; places: number; placements: number }> {
  const n = async (table: 'people' | 'places' | 'placements') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { people: await n('people'), places: await n('places'), placements: await n('placements') };
}

export async function linkProgrammeOrganisation(
  db: Db,
  programmeId: number,
  organisationId: number,
  role: 'sends' | 'hosts' | 'both',
  activationCode: string | null,
): Promise<void> {
  await db
    .insertInto('programme_organisations')
    .values({ programme_id: programmeId, organisation_id: organisationId, role, activation_code: activationCode })
    .onConflict((oc) => oc.columns(['programme_id', 'organisation_id']).doUpdateSet({ role, activation_code: activationCode }))
    .execute();
}

type ContactRow = Selectable<ContactsTable>;
function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    language: r.language as Language,
  };
}

export async function listContacts(db: Db, organisationId: number): Promise<Contact[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
  return rows.map(toContact);
}

export async function insertContact(db: Db, c: Required<ContactInput>): Promise<Contact> {
  const row = await db
    .insertInto('contacts')
    .values({
      organisation_id: c.organisationId,
      name: c.name,
      role: c.role,
      email: c.email,
      phone: c.phone,
      language: c.language,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toContact(row);
}

export async function findContact(db: Db, id: number): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function updateContact(db: Db, id: number, patch: ContactUpdate['patch']): Promise<Contact | null> {
  const set: Updateable<ContactsTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.phone !== undefined) set.phone = patch.phone;
  if (patch.language !== undefined) set.language = patch.language;
  if (Object.keys(set).length === 0) return findContact(db, id);
  const row = await db.updateTable('contacts').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function deleteContact(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
