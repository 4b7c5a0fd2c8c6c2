import { AppError } from '../../src-shared/errors';
import type {
  Contact,
  ContactInput,
  ContactUpdate,
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
} from '../../src-shared/schemas/organisation.schema';
import { foldName } from '../domain/names';
import { normalisePhone } from '../domain/phone';
import * as repo from '../db/repositories/organisation.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import { isoNow, type ServiceContext } from './context';

/** Organisations, optionally filtered by name, municipality or network. */
export function listOrganisations(ctx: ServiceContext, search?: string): Promise<Organisation[]> {
  return repo.listOrganisations(ctx.db, search);
}

/** One organisation or `not_found`. */
export async function getOrganisation(ctx: ServiceContext, id: number): Promise<Organisation> {
  const o = await repo.findOrganisation(ctx.db, id);
  if (!o) throw new AppError('not_found', `There is no organisation with number ${id}.`);
  return o;
}

function duplicateName(name: string): AppError {
  return new AppError('conflict', `An organisation called "${name}" already exists. Open that one, or give this one another name.`);
}

/** Creates an organisation; names must be unique regardless of case, accents and spacing. */
export async function createOrganisation(ctx: ServiceContext, input: OrganisationCreate): Promise<Organisation> {
  return ctx.db.transaction().execute(async (trx) => {
    const key = foldName(input.name);
    if (await repo.findOrganisationByKey(trx, key)) throw duplicateName(input.name);
    const at = isoNow(ctx);
    const o = await repo.insertOrganisation(trx, input, key, at);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'create', entity: 'organisation', entityId: o.id });
    return o;
  });
}

/** Changes some fields of an organisation. */
export async function updateOrganisation(ctx: ServiceContext, input: OrganisationUpdate): Promise<Organisation> {
  return ctx.db.transaction().execute(async (trx) => {
    let key: string | undefined;
    if (input.patch.name !== undefined) {
      key = foldName(input.patch.name);
      const other = await repo.findOrganisationByKey(trx, key);
      if (other && other.id !== input.id) throw duplicateName(input.patch.name);
    }
    const at = isoNow(ctx);
    const o = await repo.updateOrganisation(trx, input.id, input.patch, key, at);
    if (!o) throw new AppError('not_found', `There is no organisation with number ${input.id}.`);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'update', entity: 'organisation', entityId: o.id, details: { fields: Object.keys(input.patch) } });
    return o;
  });
}

/** Deletes an organisation that nobody and nothing refers to any more. */
export async function deleteOrganisation(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  return ctx.db.transaction().execute(async (trx) => {
    const o = await repo.findOrganisation(trx, id);
    if (!o) throw new AppError('not_found', `There is no organisation with number ${id}.`);
    const refs = await repo.countOrganisationReferences(trx, id);
    if (refs.people + refs.places + refs.placements > 0) {
      throw new AppError(
        'conflict',
        `"${o.name}" still has ${refs.people} people, ${refs.places} places and ${refs.placements} placements. Move or delete those first.`,
        refs,
      );
    }
    await repo.deleteOrganisation(trx, id);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'delete', entity: 'organisation', entityId: id });
    return { id, deleted: true as const };
  });
}

/** Contact persons of an organisation. */
export async function listContacts(ctx: ServiceContext, organisationId: number): Promise<Contact[]> {
  await getOrganisation(ctx, organisationId);
  return repo.listContacts(ctx.db, organisationId);
}

/** Adds a contact person; the phone number is stored in international form. */
export async function createContact(ctx: ServiceContext, input: Required<ContactInput>): Promise<Contact> {
  let phone = input.phone;
  if (phone) {
    const r = normalisePhone(phone);
    if (!r.ok) throw new AppError('invalid_input', r.message, { field: 'phone' });
    phone = r.e164;
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findOrganisation(trx, input.organisationId))) {
      throw new AppError('not_found', `There is no organisation with number ${input.organisationId}.`);
    }
    const c = await repo.insertContact(trx, { ...input, phone });
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'create', entity: 'contact', entityId: c.id });
    return c;
  });
}

/** Changes a contact person; a new phone number is stored in international form. */
export async function updateContact(ctx: ServiceContext, input: ContactUpdate): Promise<Contact> {
  const patch = { ...input.patch };
  if (patch.phone) {
    const r = normalisePhone(patch.phone);
    if (!r.ok) throw new AppError('invalid_input', r.message, { field: 'phone' });
    patch.phone = r.e164;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const c = await repo.updateContact(trx, input.id, patch);
    if (!c) throw new AppError('not_found', `There is no contact person with number ${input.id}.`);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'update', entity: 'contact', entityId: c.id });
    return c;
  });
}

/** Removes a contact person. */
export async function deleteContact(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteContact(trx, id))) throw new AppError('not_found', `There is no contact person with number ${id}.`);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'delete', entity: 'contact', entityId: id });
    return { id, deleted: true as const };
  });
}
