import { sql, type Kysely } from 'kysely';

/*
 * Shipped migration: never edit. Closed periods the coordinator entered for a programme (the school
 * holidays of their region, a host's annual closure): the planner treats every day in one like a
 * public holiday. date-holidays has no school holiday periods for BE or NL, so they are typed in.
 */
const statements = [
  `CREATE TABLE programme_closed_periods (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (starts <= ends)
  )`,
  `CREATE INDEX programme_closed_periods_programme ON programme_closed_periods (programme_id, starts)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
