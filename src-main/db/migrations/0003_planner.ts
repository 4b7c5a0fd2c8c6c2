import { sql, type Kysely } from 'kysely';

/*
 * Shipped migration: never edit. Phase dates the coordinator edited on a programme's time path
 * (the template fills every phase without a row here), and an index for "who attends what".
 */
const statements = [
  `CREATE TABLE programme_phases (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    phase_id TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (programme_id, phase_id),
    CHECK (starts <= ends)
  )`,
  `CREATE INDEX session_attendance_person ON session_attendance (person_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
