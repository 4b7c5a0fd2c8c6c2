import type { Generated } from 'kysely';

/*
 * Table interfaces. snake_case, Generated<> for ids and defaults, nullable is `T | null`.
 * JSON columns are TEXT holding JSON; repositories parse them. Dates are ISO text:
 * `YYYY-MM-DD` for days, `HH:MM` for times, full ISO 8601 for timestamps.
 */

export interface ProgrammesTable {
  id: Generated<number>;
  name: string;
  kind: 'kijkstage' | 'jobshadowing' | 'exchange_round';
  languages: string;
  required_hours: number | null;
  max_choices: number;
  min_places_per_host: number | null;
  max_placements_per_participant: number;
  retention_months: number | null;
  description: string;
  early_bird_opens: string | null;
  early_bird_closes: string | null;
  registration_opens: string | null;
  registration_closes: string | null;
  exchange_starts: string | null;
  exchange_ends: string | null;
  theme_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface RoundsTable {
  id: Generated<number>;
  programme_id: number;
  name: string;
  early_bird_opens: string | null;
  early_bird_closes: string | null;
  registration_opens: string | null;
  registration_closes: string | null;
  exchange_starts: string | null;
  exchange_ends: string | null;
}

export interface ThemesTable {
  id: Generated<number>;
  name: string;
  framework: string;
  description: string;
}

export interface ThemeAreasTable {
  id: Generated<number>;
  theme_id: number;
  position: number;
  title: string;
}

export interface ThemeIndicatorsTable {
  id: Generated<number>;
  area_id: number;
  position: number;
  text: string;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  /** Lower-cased, accents and spacing folded: how choices written by hand are resolved. */
  name_key: string;
  sector: string | null;
  network: string | null;
  address: string | null;
  postcode: string | null;
  municipality: string | null;
  languages: string;
  website: string | null;
  role: 'sends' | 'hosts' | 'both';
  precondition_notes: string;
  max_hours_per_day: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeOrganisationsTable {
  programme_id: number;
  organisation_id: number;
  role: 'sends' | 'hosts' | 'both';
  /** KIEK: employees register with the activation code of their employer. */
  activation_code: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  role: 'project_lead' | 'host_contact' | 'other';
  email: string | null;
  phone: string | null;
  language: string;
}

export interface PeopleTable {
  id: Generated<number>;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  language: string;
  organisation_id: number | null;
  function_title: string | null;
  network: string | null;
  is_participant: number;
  is_mentor: number;
  learning_questions: string;
  availability: string;
  mentor_capacity: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface PlacesTable {
  id: Generated<number>;
  programme_id: number;
  organisation_id: number;
  round_id: number | null;
  team: string;
  format: 'half_day' | 'day' | 'day_part' | 'hours';
  hours: number | null;
  capacity: number;
  languages: string;
  description: string;
  mentor_id: number | null;
  availability: string;
}

export interface ApplicationsTable {
  id: Generated<number>;
  programme_id: number;
  round_id: number | null;
  participant_id: number;
  submitted_at: string;
  /** Lower is earlier: 0 = staff of a hosting organisation (early bird), 1 = everyone else. */
  priority_tier: number;
  is_early_bird: number;
  activation_code: string | null;
  max_placements: number | null;
  status: 'active' | 'withdrawn';
  import_id: number | null;
}

export interface ApplicationChoicesTable {
  application_id: number;
  rank: number;
  organisation_id: number | null;
  place_id: number | null;
  /** The choice as the participant wrote it, kept when it could not be resolved to a host. */
  raw_text: string | null;
}

export interface PlacementsTable {
  id: Generated<number>;
  application_id: number;
  organisation_id: number;
  place_id: number | null;
  mentor_id: number | null;
  rank_obtained: number | null;
  status: 'proposed' | 'confirmed' | 'completed' | 'cancelled';
  is_pinned: number;
  decided_by: string;
  decided_at: string;
}

export interface GroupSessionsTable {
  id: Generated<number>;
  programme_id: number;
  kind: 'preparation' | 'debrief' | 'intervision';
  title: string;
  date: string;
  start_time: string;
  end_time: string;
  location: string;
  /** A network (e.g. KOALA) or null for everyone. */
  audience_network: string | null;
  audience_roles: 'participants' | 'mentors' | 'both';
  capacity: number | null;
}

export interface SessionAttendanceTable {
  session_id: number;
  person_id: number;
  status: 'assigned' | 'present' | 'absent' | 'excused';
}

export interface ShadowBlocksTable {
  id: Generated<number>;
  placement_id: number;
  date: string;
  start_time: string;
  end_time: string;
  status: 'proposed' | 'accepted' | 'done';
}

export interface ConsentsTable {
  id: Generated<number>;
  kind: 'client_consent' | 'confidentiality' | 'data_sharing';
  programme_id: number | null;
  person_id: number | null;
  organisation_id: number | null;
  status: 'not_sent' | 'sent' | 'returned' | 'refused';
  sent_at: string | null;
  returned_at: string | null;
  expires_at: string | null;
}

export interface ImportsTable {
  id: Generated<number>;
  programme_id: number | null;
  kind: 'organisations' | 'participants' | 'mentors';
  file_name: string;
  file_hash: string;
  sheet: string | null;
  header_signature: string;
  mapping: string;
  summary: string;
  /** What the import changed, so that it can be undone. */
  changes: string;
  created_at: string;
  undone_at: string | null;
}

export interface HeaderMappingsTable {
  header_signature: string;
  kind: string;
  mapping: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  details: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface MatchingScenariosTable {
  id: Generated<number>;
  programme_id: number;
  round_id: number | null;
  mode: 'priority' | 'optimal';
  created_at: string;
  published_at: string | null;
  /** JSON: counts, rank profile, fill per host, reciprocity. */
  summary: string;
  /** JSON: per participant the outcome and the reasons for it. */
  outcomes: string;
}

export interface ScenarioAssignmentsTable {
  scenario_id: number;
  application_id: number;
  organisation_id: number;
  place_id: number | null;
  mentor_id: number | null;
  rank: number | null;
  is_pinned: number;
}

export interface ForbiddenPairsTable {
  programme_id: number;
  participant_id: number;
  organisation_id: number;
  reason: string;
}

/** A phase date the coordinator edited; phases without a row come from the time-path template. */
export interface ProgrammePhasesTable {
  programme_id: number;
  /** The phase id of the template (`shadowing`, `registration:Voorjaar 2027`). */
  phase_id: string;
  starts: string;
  ends: string;
  updated_at: string;
}

/** A period the programme is closed (school holidays, a host's annual closure), entered by the coordinator. */
export interface ProgrammeClosedPeriodsTable {
  id: Generated<number>;
  programme_id: number;
  name: string;
  /** First and last closed day, inclusive, `YYYY-MM-DD`; starts <= ends. */
  starts: string;
  ends: string;
  created_at: string;
}

export interface Database {
  programmes: ProgrammesTable;
  rounds: RoundsTable;
  themes: ThemesTable;
  theme_areas: ThemeAreasTable;
  theme_indicators: ThemeIndicatorsTable;
  organisations: OrganisationsTable;
  programme_organisations: ProgrammeOrganisationsTable;
  contacts: ContactsTable;
  people: PeopleTable;
  places: PlacesTable;
  applications: ApplicationsTable;
  application_choices: ApplicationChoicesTable;
  placements: PlacementsTable;
  group_sessions: GroupSessionsTable;
  session_attendance: SessionAttendanceTable;
  shadow_blocks: ShadowBlocksTable;
  consents: ConsentsTable;
  imports: ImportsTable;
  header_mappings: HeaderMappingsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  matching_scenarios: MatchingScenariosTable;
  scenario_assignments: ScenarioAssignmentsTable;
  forbidden_pairs: ForbiddenPairsTable;
  programme_phases: ProgrammePhasesTable;
  programme_closed_periods: ProgrammeClosedPeriodsTable;
}
