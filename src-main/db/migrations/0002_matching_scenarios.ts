import { sql, type Kysely } from 'kysely';

/*
 * Shipped migration: never edit. Matching scenarios (a run of one mode, kept to compare side by
 * side until one is published as the programme's placements) and pairs the coordinator forbids.
 */
const statements = [
  `CREATE TABLE matching_scenarios (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    round_id INTEGER REFERENCES rounds(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('priority','optimal')),
    created_at TEXT NOT NULL,
    published_at TEXT,
    summary TEXT NOT NULL,
    outcomes TEXT NOT NULL
  )`,
  `CREATE TABLE scenario_assignments (
    scenario_id INTEGER NOT NULL REFERENCES matching_scenarios(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
    mentor_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    rank INTEGER,
    is_pinned INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX scenario_assignments_scenario ON scenario_assignments (scenario_id)`,
  `CREATE TABLE forbidden_pairs (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (programme_id, participant_id, organisation_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
