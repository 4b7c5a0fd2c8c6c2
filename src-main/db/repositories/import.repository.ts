import type { Language } from '../../../src-shared/schemas/common.schema';
import type { ExistingData } from '../../domain/import/plan';
import type { Db } from '../connection';
import { parseJson } from './json';

/** Everything an import plan compares against, read in one go (people and organisations are global). */
export async function loadExistingForImport(db: Db, programmeId: number): Promise<ExistingData & { hosts: { organisationId: number; name: string }[] }> {
  const people = await db.selectFrom('people').selectAll().where('email', 'is not', null).execute();
  const orgs = await db
    .selectFrom('organisations as o')
    .leftJoin('programme_organisations as po', (j) => j.onRef('po.organisation_id', '=', 'o.id').on('po.programme_id', '=', programmeId))
    .select(['o.id', 'o.name', 'o.sector', 'o.network', 'o.address', 'o.postcode', 'o.municipality', 'o.website', 'o.role', 'po.role as link_role', 'po.activation_code'])
    .execute();
  const places = await db.selectFrom('places').selectAll().where('programme_id', '=', programmeId).execute();
  const contacts = await db.selectFrom('contacts').selectAll().execute();
  const apps = await db.selectFrom('applications').selectAll().where('programme_id', '=', programmeId).where('round_id', 'is', null).execute();
  const choices = await db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .select(['c.application_id', 'c.rank', 'c.organisation_id', 'c.raw_text'])
    .where('a.programme_id', '=', programmeId)
    .orderBy('c.rank')
    .execute();
  const byApp = new Map<number, { rank: number; organisationId: number | null; rawText: string }[]>();
  for (const c of choices) byApp.set(c.application_id, [...(byApp.get(c.application_id) ?? []), { rank: c.rank, organisationId: c.organisation_id, rawText: c.raw_text ?? '' }]);
  const hostIds = new Set(places.map((p) => p.organisation_id));
  for (const o of orgs) if (o.link_role === 'hosts' || o.link_role === 'both') hostIds.add(o.id);
  return {
    people: people.map((p) => ({
      id: p.id,
      email: p.email as string,
      firstName: p.first_name,
      lastName: p.last_name,
      phone: p.phone,
      language: p.language as Language,
      organisationId: p.organisation_id,
      functionTitle: p.function_title,
      network: p.network,
      learningQuestions: p.learning_questions,
      isParticipant: p.is_participant === 1,
      isMentor: p.is_mentor === 1,
      mentorCapacity: p.mentor_capacity,
    })),
    organisations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      sector: o.sector,
      network: o.network,
      address: o.address,
      postcode: o.postcode,
      municipality: o.municipality,
      website: o.website,
      role: o.role,
      programmeLink: o.link_role ? { role: o.link_role, activationCode: o.activation_code ?? null } : null,
    })),
    places: places.map((p) => ({ id: p.id, organisationId: p.organisation_id, team: p.team, format: p.format, hours: p.hours, capacity: p.capacity, languages: parseJson<Language[]>(p.languages, ['nl']), description: p.description })),
    contacts: contacts.map((c) => ({ id: c.id, organisationId: c.organisation_id, name: c.name, email: c.email, phone: c.phone })),
    applications: apps.map((a) => ({ id: a.id, participantId: a.participant_id, submittedAt: a.submitted_at, isEarlyBird: a.is_early_bird === 1, activationCode: a.activation_code, choices: byApp.get(a.id) ?? [] })),
    hosts: orgs.filter((o) => hostIds.has(o.id)).map((o) => ({ organisationId: o.id, name: o.name })),
  };
}

export async function findRememberedMapping(db: Db, signature: string, kind: string): Promise<Record<string, string | null> | null> {
  const row = await db.selectFrom('header_mappings').select('mapping').where('header_signature', '=', signature).where('kind', '=', kind).executeTakeFirst();
  return row ? parseJson<Record<string, string | null>>(row.mapping, {}) : null;
}

export async function rememberMapping(db: Db, signature: string, kind: string, mapping: Record<string, string | null>, at: string): Promise<void> {
  const value = JSON.stringify(mapping);
  await db
    .insertInto('header_mappings')
    .values({ header_signature: signature, kind, mapping: value, updated_at: at })
    .onConflict((oc) => oc.columns(['header_signature', 'kind']).doUpdateSet({ mapping: value, updated_at: at }))
    .execute();
}

const aliasKey = (programmeId: number) => `import.choice_aliases.${programmeId}`;

/** The coordinator's earlier picks for choices that named no host: folded text → organisation id. */
export async function loadChoiceAliases(db: Db, programmeId: number): Promise<Record<string, number>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', aliasKey(programmeId)).executeTakeFirst();
  return row ? parseJson<Record<string, number>>(row.value, {}) : {};
}

export async function saveChoiceAliases(db: Db, programmeId: number, aliases: Record<string, number>): Promise<void> {
  const value = JSON.stringify(aliases);
  await db
    .insertInto('settings')
    .values({ key: aliasKey(programmeId), value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Every confirmed mapping of one import kind, by header signature (a short list: one per header row ever confirmed). */
export async function listRememberedMappings(db: Db, kind: string): Promise<Map<string, Record<string, string | null>>> {
  const rows = await db.selectFrom('header_mappings').select(['header_signature', 'mapping']).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.header_signature, parseJson<Record<string, string | null>>(r.mapping, {})]));
}

/** Postcodes of the organisations linked to a programme (the phone-country guess of an import reads them). */
export async function linkedOrganisationPostcodes(db: Db, programmeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('programme_organisations as po', (j) => j.onRef('po.organisation_id', '=', 'o.id').on('po.programme_id', '=', programmeId))
    .select('o.postcode')
    .where('o.postcode', 'is not', null)
    .execute();
  return rows.map((r) => r.postcode as string);
}
