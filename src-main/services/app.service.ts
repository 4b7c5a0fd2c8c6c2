import type { AppStatus } from '../../src-shared/schemas/app.schema';
import { SCHEMA_VERSION } from '../db/connection';
import { getSetting, setSetting } from '../db/repositories/settings.repository';
import { countPeople } from '../db/repositories/person.repository';
import type { ServiceContext } from './context';

const FIRST_START_KEY = 'first_start_choice';

async function count(ctx: ServiceContext, table: 'programmes' | 'organisations'): Promise<number> {
  const r = await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Version, data location and whether the first-start choice is still open. */
export async function getStatus(ctx: ServiceContext): Promise<AppStatus> {
  const programmes = await count(ctx, 'programmes');
  const choice = await getSetting(ctx.db, FIRST_START_KEY);
  return {
    version: ctx.version,
    dbPath: ctx.dbPath,
    dataDir: ctx.dataDir,
    schemaVersion: SCHEMA_VERSION,
    isFirstStart: choice === null && programmes === 0,
    counts: { programmes, organisations: await count(ctx, 'organisations'), people: await countPeople(ctx.db) },
  };
}

/** Records the first-start choice so the demo is not offered again. */
export async function recordFirstStartChoice(ctx: ServiceContext, choice: 'demo' | 'empty'): Promise<void> {
  await setSetting(ctx.db, FIRST_START_KEY, choice);
}

/** The coordinator starts with an empty database. */
export async function startEmpty(ctx: ServiceContext): Promise<AppStatus> {
  await recordFirstStartChoice(ctx, 'empty');
  return getStatus(ctx);
}
