import { sql } from 'kysely';
import type { Db } from '../../src-main/db/connection';

/** Every row of every table, to prove that a refused request wrote nothing. */
export async function snapshotDb(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    out[name] = (await sql`SELECT * FROM ${sql.table(name)}`.execute(db)).rows;
  }
  return out;
}
