import { AppError } from '../../src-shared/errors';
import type { Person, PersonCreate, PersonListItem, PersonUpdate } from '../../src-shared/schemas/person.schema';
import { normalisePhone } from '../domain/phone';
import * as repo from '../db/repositories/person.repository';
import { findOrganisation } from '../db/repositories/organisation.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import type { Db } from '../db/connection';
import { isoNow, type ServiceContext } from './context';

/** Participants and mentors with their organisation's name. */
export function listPeople(ctx: ServiceContext, filter: repo.PersonFilter): Promise<PersonListItem[]> {
  return repo.listPeople(ctx.db, filter);
}

/** One person or `not_found`. */
export async function getPerson(ctx: ServiceContext, id: number): Promise<Person> {
  const p = await repo.findPerson(ctx.db, id);
  if (!p) throw new AppError('not_found', `There is no person with number ${id}.`);
  return p;
}

function phoneOrThrow(phone: string | null | undefined): string | null | undefined {
  if (phone === null || phone === undefined || phone === '') return phone === '' ? null : phone;
  const r = normalisePhone(phone);
  if (!r.ok) throw new AppError('invalid_input', r.message, { field: 'phone' });
  return r.e164;
}

async function checkOrganisation(db: Db, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await findOrganisation(db, id))) throw new AppError('invalid_input', `There is no organisation with number ${id}. Choose one from the list.`, { field: 'organisationId' });
}

async function checkEmailFree(db: Db, email: string | null | undefined, selfId?: number): Promise<void> {
  if (!email) return;
  const other = await repo.findPersonByEmail(db, email);
  if (other && other.id !== selfId) {
    throw new AppError('conflict', `${email} already belongs to ${other.firstName} ${other.lastName}. Open that person instead of creating a new one.`, { field: 'email', id: other.id });
  }
}

/** Creates a participant and/or mentor. E-mail addresses are unique; phones become international. */
export async function createPerson(ctx: ServiceContext, input: PersonCreate): Promise<Person> {
  const phone = phoneOrThrow(input.phone) ?? null;
  return ctx.db.transaction().execute(async (trx) => {
    await checkOrganisation(trx, input.organisationId);
    await checkEmailFree(trx, input.email);
    const at = isoNow(ctx);
    const p = await repo.insertPerson(trx, { ...input, phone }, at);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'create', entity: 'person', entityId: p.id });
    return p;
  });
}

/** Changes some fields of a person; a person stays a participant, a mentor or both. */
export async function updatePerson(ctx: ServiceContext, input: PersonUpdate): Promise<Person> {
  const patch = { ...input.patch };
  if (patch.phone !== undefined) patch.phone = phoneOrThrow(patch.phone) ?? null;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findPerson(trx, input.id);
    if (!before) throw new AppError('not_found', `There is no person with number ${input.id}.`);
    const isParticipant = patch.isParticipant ?? before.isParticipant;
    const isMentor = patch.isMentor ?? before.isMentor;
    if (!isParticipant && !isMentor) throw new AppError('invalid_input', 'A person is a participant, a mentor or both.', { field: 'isParticipant' });
    await checkOrganisation(trx, patch.organisationId);
    await checkEmailFree(trx, patch.email, input.id);
    const at = isoNow(ctx);
    const p = await repo.updatePerson(trx, input.id, patch, at);
    if (!p) throw new AppError('not_found', `There is no person with number ${input.id}.`);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'update', entity: 'person', entityId: p.id, details: { fields: Object.keys(patch) } });
    return p;
  });
}

/** Deletes a person with their applications and placements. */
export async function deletePerson(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deletePerson(trx, id))) throw new AppError('not_found', `There is no person with number ${id}.`);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'delete', entity: 'person', entityId: id });
    return { id, deleted: true as const };
  });
}
