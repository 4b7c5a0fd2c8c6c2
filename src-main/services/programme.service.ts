import { AppError } from '../../src-shared/errors';
import type { Programme, ProgrammeCreate, ProgrammeUpdate } from '../../src-shared/schemas/programme.schema';
import type { ProgrammeSummary } from '../../src-shared/schemas/app.schema';
import * as repo from '../db/repositories/programme.repository';
import { appendAudit } from '../db/repositories/audit.repository';
import { isoNow, type ServiceContext } from './context';
import { backupNow } from './backup.service';

/** Lists every programme, newest first. */
export function listProgrammes(ctx: ServiceContext): Promise<Programme[]> {
  return repo.listProgrammes(ctx.db);
}

/** One programme, or `not_found` with a message naming the id. */
export async function getProgramme(ctx: ServiceContext, id: number): Promise<Programme> {
  const p = await repo.findProgramme(ctx.db, id);
  if (!p) throw new AppError('not_found', `There is no programme with number ${id}. Choose one from the list of programmes.`);
  return p;
}

/** Creates a programme (input already parsed: kind defaults applied). */
export async function createProgramme(ctx: ServiceContext, input: ProgrammeCreate): Promise<Programme> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const p = await repo.insertProgramme(trx, input, at);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'create', entity: 'programme', entityId: p.id });
    return p;
  });
}

/** Updates some fields; the date windows must still be in order afterwards. */
export async function updateProgramme(ctx: ServiceContext, input: ProgrammeUpdate): Promise<Programme> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findProgramme(trx, input.id);
    if (!before) throw new AppError('not_found', `There is no programme with number ${input.id}.`);
    const merged = { ...before, ...input.patch };
    for (const [a, b] of [
      ['earlyBirdOpens', 'earlyBirdCloses'],
      ['registrationOpens', 'registrationCloses'],
      ['exchangeStarts', 'exchangeEnds'],
    ] as const) {
      const open = merged[a];
      const close = merged[b];
      if (open && close && open > close) {
        throw new AppError('invalid_input', 'A window must close on or after the day it opens. Check the dates.', { field: b });
      }
    }
    const at = isoNow(ctx);
    const p = await repo.updateProgramme(trx, input.id, input.patch, at);
    if (!p) throw new AppError('not_found', `There is no programme with number ${input.id}.`);
    await appendAudit(trx, { at, actor: ctx.actor, action: 'update', entity: 'programme', entityId: p.id, details: { fields: Object.keys(input.patch) } });
    return p;
  });
}

/** Deletes a programme and everything that belongs only to it. */
export async function deleteProgramme(ctx: ServiceContext, id: number): Promise<{ id: number; deleted: true }> {
  // Deleting a programme removes its places, applications, placements and sessions too: a bulk
  // delete, so the state before it is kept as a backup first (checked to exist before that).
  await getProgramme(ctx, id);
  if (ctx.dbPath !== ':memory:') await backupNow(ctx, 'before-bulk-delete');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteProgramme(trx, id))) throw new AppError('not_found', `There is no programme with number ${id}.`);
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'delete', entity: 'programme', entityId: id });
    return { id, deleted: true as const };
  });
}

/** Counts for the dashboard. */
export async function summariseProgramme(ctx: ServiceContext, id: number): Promise<ProgrammeSummary> {
  await getProgramme(ctx, id);
  return { id, ...(await repo.countProgrammeContents(ctx.db, id)) };
}
