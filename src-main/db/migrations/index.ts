import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_matching_scenarios';
import * as m0003 from './0003_planner';
import * as m0004 from './0004_closed_periods';

/**
 * Every migration, in order. A static record because the bundled main process has no migrations
 * folder on disk. Append only: shipped migrations never change (test/integration/migrations.test.ts).
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_matching_scenarios': m0002,
  '0003_planner': m0003,
  '0004_closed_periods': m0004,
};
