import type { Selectable } from 'kysely';
import type { Availability, Language } from '../../../src-shared/schemas/common.schema';
import type { Place, PlaceCreate, PlaceUpdate } from '../../../src-shared/schemas/place.schema';
import type { Db } from '../connection';
import type { PlacesTable } from '../schema';
import { parseJson } from './json';

type PlaceRow = Selectable<PlacesTable>;

function toPlace(r: PlaceRow): Place {
  return {
    id: r.id,
    programmeId: r.programme_id,
    organisationId: r.organisation_id,
    roundId: r.round_id,
    team: r.team,
    format: r.format,
    hours: r.hours,
    capacity: r.capacity,
    languages: parseJson<Language[]>(r.languages, ['nl']),
    description: r.description,
    mentorId: r.mentor_id,
    availability: parseJson<Availability>(r.availability, []),
  };
}

export async function listPlaces(db: Db, filter: { programmeId?: number; organisationId?: number }): Promise<Place[]> {
  let q = db.selectFrom('places').selectAll();
  if (filter.programmeId !== undefined) q = q.where('programme_id', '=', filter.programmeId);
  if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
  return (await q.orderBy('organisation_id').orderBy('id').execute()).map(toPlace);
}

export async function findPlace(db: Db, id: number): Promise<Place | null> {
  const row = await db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPlace(row) : null;
}

export async function insertPlace(db: Db, p: PlaceCreate): Promise<Place> {
  const row = await db
    .insertInto('places')
    .values({
      programme_id: p.programmeId,
      organisation_id: p.organisationId,
      round_id: p.roundId,
      team: p.team,
      format: p.format,
      hours: p.hours,
      capacity: p.capacity,
      languages: JSON.stringify(p.languages),
      description: p.description,
      mentor_id: p.mentorId,
      availability: JSON.stringify(p.availability),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPlace(row);
}

export async function updatePlace(db: Db, id: number, patch: PlaceUpdate['patch']): Promise<Place | null> {
  const c: Partial<PlaceRow> = {};
  if (patch.roundId !== undefined) c.round_id = patch.roundId;
  if (patch.team !== undefined) c.team = patch.team;
  if (patch.format !== undefined) c.format = patch.format;
  if (patch.hours !== undefined) c.hours = patch.hours;
  if (patch.capacity !== undefined) c.capacity = patch.capacity;
  if (patch.languages !== undefined) c.languages = JSON.stringify(patch.languages);
  if (patch.description !== undefined) c.description = patch.description;
  if (patch.mentorId !== undefined) c.mentor_id = patch.mentorId;
  if (patch.availability !== undefined) c.availability = JSON.stringify(patch.availability);
  if (Object.keys(c).length === 0) return findPlace(db, id);
  const row = await db.updateTable('places').set(c).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toPlace(row) : null;
}

export async function deletePlace(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('places').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countPlacePlacements(db: Db, id: number): Promise<number> {
  const r = await db
    .selectFrom('placements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('place_id', '=', id)
    .where('status', '!=', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
