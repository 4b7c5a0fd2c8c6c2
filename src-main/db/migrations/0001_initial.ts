import { sql, type Kysely } from 'kysely';

/*
 * Shipped migration: never edit. Add a new numbered file instead (a test hashes this one).
 * Kysely does not wrap SQLite migrations in a transaction, so this one does.
 */
const statements = [
  `CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    framework TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
  )`,
  `CREATE TABLE theme_areas (
    id INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL
  )`,
  `CREATE TABLE theme_indicators (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES theme_areas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
  )`,
  `CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kijkstage','jobshadowing','exchange_round')),
    languages TEXT NOT NULL DEFAULT '["nl"]',
    required_hours REAL CHECK (required_hours IS NULL OR required_hours > 0),
    max_choices INTEGER NOT NULL DEFAULT 3 CHECK (max_choices >= 1),
    min_places_per_host INTEGER CHECK (min_places_per_host IS NULL OR min_places_per_host >= 1),
    max_placements_per_participant INTEGER NOT NULL DEFAULT 1 CHECK (max_placements_per_participant >= 1),
    retention_months INTEGER,
    description TEXT NOT NULL DEFAULT '',
    early_bird_opens TEXT, early_bird_closes TEXT,
    registration_opens TEXT, registration_closes TEXT,
    exchange_starts TEXT, exchange_ends TEXT,
    theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    early_bird_opens TEXT, early_bird_closes TEXT,
    registration_opens TEXT, registration_closes TEXT,
    exchange_starts TEXT, exchange_ends TEXT,
    UNIQUE (programme_id, name)
  )`,
  `CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    sector TEXT, network TEXT, address TEXT, postcode TEXT, municipality TEXT,
    languages TEXT NOT NULL DEFAULT '["nl"]',
    website TEXT,
    role TEXT NOT NULL DEFAULT 'both' CHECK (role IN ('sends','hosts','both')),
    precondition_notes TEXT NOT NULL DEFAULT '',
    max_hours_per_day REAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE programme_organisations (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'both' CHECK (role IN ('sends','hosts','both')),
    activation_code TEXT,
    PRIMARY KEY (programme_id, organisation_id)
  )`,
  `CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'project_lead' CHECK (role IN ('project_lead','host_contact','other')),
    email TEXT, phone TEXT,
    language TEXT NOT NULL DEFAULT 'nl'
  )`,
  `CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT UNIQUE,
    phone TEXT,
    language TEXT NOT NULL DEFAULT 'nl',
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE RESTRICT,
    function_title TEXT,
    network TEXT,
    is_participant INTEGER NOT NULL DEFAULT 0,
    is_mentor INTEGER NOT NULL DEFAULT 0,
    learning_questions TEXT NOT NULL DEFAULT '',
    availability TEXT NOT NULL DEFAULT '[]',
    mentor_capacity INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
    team TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'day' CHECK (format IN ('half_day','day','day_part','hours')),
    hours REAL,
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    languages TEXT NOT NULL DEFAULT '["nl"]',
    description TEXT NOT NULL DEFAULT '',
    mentor_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    availability TEXT NOT NULL DEFAULT '[]'
  )`,
  `CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
    participant_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    submitted_at TEXT NOT NULL,
    priority_tier INTEGER NOT NULL DEFAULT 1,
    is_early_bird INTEGER NOT NULL DEFAULT 0,
    activation_code TEXT,
    max_placements INTEGER,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn')),
    import_id INTEGER
  )`,
  `CREATE UNIQUE INDEX applications_one_per_round ON applications (programme_id, IFNULL(round_id, 0), participant_id)`,
  `CREATE TABLE application_choices (
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL CHECK (rank >= 1),
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    place_id INTEGER REFERENCES places(id) ON DELETE CASCADE,
    raw_text TEXT,
    PRIMARY KEY (application_id, rank)
  )`,
  `CREATE TABLE placements (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
    place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
    mentor_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    rank_obtained INTEGER,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','confirmed','completed','cancelled')),
    is_pinned INTEGER NOT NULL DEFAULT 0,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
  )`,
  `CREATE TABLE group_sessions (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('preparation','debrief','intervision')),
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    audience_network TEXT,
    audience_roles TEXT NOT NULL DEFAULT 'both' CHECK (audience_roles IN ('participants','mentors','both')),
    capacity INTEGER
  )`,
  `CREATE TABLE session_attendance (
    session_id INTEGER NOT NULL REFERENCES group_sessions(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','present','absent','excused')),
    PRIMARY KEY (session_id, person_id)
  )`,
  `CREATE TABLE shadow_blocks (
    id INTEGER PRIMARY KEY,
    placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','done'))
  )`,
  `CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('client_consent','confidentiality','data_sharing')),
    programme_id INTEGER REFERENCES programmes(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'not_sent' CHECK (status IN ('not_sent','sent','returned','refused')),
    sent_at TEXT, returned_at TEXT, expires_at TEXT
  )`,
  `CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER REFERENCES programmes(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    sheet TEXT,
    header_signature TEXT NOT NULL,
    mapping TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    undone_at TEXT
  )`,
  `CREATE TABLE header_mappings (
    header_signature TEXT NOT NULL,
    kind TEXT NOT NULL,
    mapping TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (header_signature, kind)
  )`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    details TEXT NOT NULL DEFAULT '{}'
  )`,
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE INDEX people_organisation ON people (organisation_id)`,
  `CREATE INDEX places_programme ON places (programme_id, organisation_id)`,
  `CREATE INDEX applications_participant ON applications (participant_id)`,
  `CREATE INDEX placements_application ON placements (application_id)`,
  `CREATE INDEX shadow_blocks_placement ON shadow_blocks (placement_id)`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
