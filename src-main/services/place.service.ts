import { AppError } from '../../src-shared/errors';
import type { Place, PlaceCreate, PlaceUpdate } from '../../src-shared/schemas/place.schema';
import * as repo from '../db/repositories/place.repository';
import { findProgramme } from '../db/repositories/programme.repository';
import { findOrganisation } from '../db/repositories/organisation.repository';
import { findPerson } from '../db/repositories/person.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import type { Db } from '../db/connection';
import { isoNow, type ServiceContext } from './context';

/** Places of a programme or of an organisation. */
export function listPlaces(ctx: ServiceContext, filter: { programmeId?: number; organisationId?: number }): Promise<Place[]> {
  return repo.listPlaces(ctx.db, filter);
}

async function checkMentor(db: Db, mentorId: number | null | undefined, organisationId: number): Promise<void> {
  if (mentorId === null || mentorId === undefined) return;
  const mentor = await findPerson(db, mentorId);
  if (!mentor || !mentor.isMentor) throw new AppError('invalid_input', `Person ${mentorId} is not a mentor. Mark them as mentor first.`, { field: 'mentorId' });
  if (mentor.organisationId !== organisationId) {
    throw new AppError('invalid_input', `${mentor.firstName} ${mentor.lastName} works for another organisation and cannot be the mentor of this place.`, { field: 'mentorId' });
  }
}

/** Offers a place at a host organisation in a programme. */
export async function createPlace(ctx: ServiceContext, input: PlaceCreate): Promise<Place> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findProgramme(trx, input.programmeId))) throw new AppError('not_found', `There is no programme with number ${input.programmeId}.`);
    if (!(await findOrganisation(trx, input.organisationId))) throw new AppError('not_found', `There is no organisation with number ${input.organisationId}.`);
    await checkMentor(trx, input.mentorId, input.organisationId);
    const p = await repo.insertPlace(trx, input);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'create', entity: 'place', entityId: p.id });
    return p;
  });
}

/** Changes a place; the capacity cannot drop below the placements it already holds. */
export async function updatePlace(ctx: ServiceContext, input: PlaceUpdate): Promise<Place> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findPlace(trx, input.id);
    if (!before) throw new AppError('not_found', `There is no place with number ${input.id}.`);
    await checkMentor(trx, input.patch.mentorId, before.organisationId);
    if (input.patch.capacity !== undefined) {
      const used = await repo.countPlacePlacements(trx, input.id);
      if (input.patch.capacity < used) {
        throw new AppError('conflict', `This place already has ${used} placements; the capacity cannot be lower than that. Move placements first.`, { field: 'capacity' });
      }
    }
    const format = input.patch.format ?? before.format;
    const hours = input.patch.hours !== undefined ? input.patch.hours : before.hours;
    if (format === 'hours' && hours === null) throw new AppError('invalid_input', 'A place offered in hours needs the number of hours.', { field: 'hours' });
    const p = await repo.updatePlace(trx, input.id, input.patch);
    if (!p) throw new AppError('not_found', `There is no place with number ${input.id}.`);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'update', entity: 'place', entityId: p.id, details: { fields: Object.keys(input.patch) } });
    return p;
  });
}

/** Withdraws a place that holds no placements. */
export async function deletePlace(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findPlace(trx, id))) throw new AppError('not_found', `There is no place with number ${id}.`);
    const used = await repo.countPlacePlacements(trx, id);
    if (used > 0) throw new AppError('conflict', `This place has ${used} placements. Cancel or move them before withdrawing the place.`);
    await repo.deletePlace(trx, id);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'delete', entity: 'place', entityId: id });
    return { id, deleted: true as const };
  });
}
