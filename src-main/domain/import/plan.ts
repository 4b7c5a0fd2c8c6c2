import type { CellIssue, UnresolvedChoice } from '../../../src-shared/schemas/import-preview.schema';
import type { Language } from '../../../src-shared/schemas/common.schema';
import type { OrganisationRole } from '../../../src-shared/schemas/organisation.schema';
import type { PlaceFormat } from '../../../src-shared/schemas/place.schema';
import { foldName } from '../names';
import type { MentorRecord, OrganisationRecord, ParticipantRecord, PersonRecord } from './normalise';
import { collectUnresolved, indexHosts, organisationKey, resolveChoice, type HostCandidate } from './resolve-choices';

/**
 * The import plan: what committing a normalised file would create, update or leave alone, computed
 * against the existing data passed in as plain arrays. Pure and deterministic: the service runs it for
 * the preview and again inside the commit transaction, and executes the result without further rules.
 *
 * Update policy: an empty cell never erases a stored value (partners send partial sheets); a filled
 * cell that differs from what is stored is an update. Re-importing the same file is therefore all
 * `unchanged`.
 */

/** A person as stored, by the fields an import can touch. */
export interface ExistingPerson {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  language: Language;
  organisationId: number | null;
  functionTitle: string | null;
  network: string | null;
  learningQuestions: string;
  isParticipant: boolean;
  isMentor: boolean;
  mentorCapacity: number | null;
}

/** An organisation as stored, with its link to the programme being imported into (null when none). */
export interface ExistingOrganisation {
  id: number;
  name: string;
  sector: string | null;
  network: string | null;
  address: string | null;
  postcode: string | null;
  municipality: string | null;
  website: string | null;
  role: OrganisationRole;
  programmeLink: { role: OrganisationRole; activationCode: string | null } | null;
}

/** A place of this programme as stored. */
export interface ExistingPlace {
  id: number;
  organisationId: number;
  team: string;
  format: PlaceFormat;
  hours: number | null;
  capacity: number;
  languages: Language[];
  description: string;
}

/** A contact person as stored. */
export interface ExistingContact {
  id: number;
  organisationId: number;
  name: string;
  email: string | null;
  phone: string | null;
}

/** A choice as stored or planned: resolved to a host, or kept as the raw text when it did not resolve. */
export interface PlannedChoice {
  rank: number;
  organisationId: number | null;
  rawText: string;
}

/** An application of this programme as stored. */
export interface ExistingApplication {
  id: number;
  participantId: number;
  submittedAt: string;
  isEarlyBird: boolean;
  activationCode: string | null;
  choices: PlannedChoice[];
}

/** Everything the plan compares against; the service loads it in one read. */
export interface ExistingData {
  people: readonly ExistingPerson[];
  organisations: readonly ExistingOrganisation[];
  places?: readonly ExistingPlace[];
  contacts?: readonly ExistingContact[];
  applications?: readonly ExistingApplication[];
}

/** Refers to an organisation that exists, or to one the plan creates (by key, see newOrganisations). */
export type OrganisationRef = { kind: 'existing'; id: number } | { kind: 'new'; key: string };

/** One changed field, for the preview ("phone: +3247... → +3248..."). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What happens to one entity. */
export type PlanAction = 'create' | 'update' | 'unchanged';

/** The person fields a plan writes. */
export interface PlannedPersonValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  language: Language | null;
  organisation: OrganisationRef | null;
  functionTitle: string | null;
  network: string | null;
  learningQuestions: string | null;
  isParticipant: boolean;
  isMentor: boolean;
  mentorCapacity: number | null;
}

/** One person row of the plan, with the application when the kind is participants. */
export interface PersonPlanItem {
  rowNumber: number;
  action: PlanAction;
  /** Set for update and unchanged. */
  personId: number | null;
  values: PlannedPersonValues;
  changes: FieldChange[];
  application: {
    action: PlanAction;
    applicationId: number | null;
    submittedAt: string;
    isEarlyBird: boolean;
    /** 0 = staff of a host of this programme or early bird, 1 = everyone else (DOMAIN.md: priority). */
    priorityTier: 0 | 1;
    activationCode: string | null;
    choices: PlannedChoice[];
    changes: FieldChange[];
  } | null;
}

/** A within-file duplicate: several rows for one e-mail address; one row is kept. */
export interface DuplicateReport {
  email: string;
  keptRow: number;
  droppedRows: number[];
  reason: 'later_submission' | 'later_row';
  message: string;
}

/** An organisation the plan creates because a person names it and it does not exist yet. */
export interface NewOrganisation {
  key: string;
  name: string;
  rows: number[];
}

/** Counts for the preview and the CLI's JSON. */
export interface PlanSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
}

/** The plan of a participant or mentor import. */
export interface PeoplePlan {
  kind: 'participants' | 'mentors';
  items: PersonPlanItem[];
  newOrganisations: NewOrganisation[];
  duplicates: DuplicateReport[];
  rejected: CellIssue[];
  rejectedRows: number[];
  unresolvedChoices: UnresolvedChoice[];
  summary: PlanSummary;
}

/** Organisation fields a plan writes. */
export interface PlannedOrganisationValues {
  name: string;
  sector: string | null;
  network: string | null;
  address: string | null;
  postcode: string | null;
  municipality: string | null;
  website: string | null;
  programmeRole: OrganisationRole;
  activationCode: string | null;
}

/** One organisation of the plan with its contacts and places. */
export interface OrganisationPlanItem {
  rows: number[];
  action: PlanAction;
  organisationId: number | null;
  key: string;
  values: PlannedOrganisationValues;
  changes: FieldChange[];
  contacts: { rowNumber: number; action: PlanAction; contactId: number | null; values: { name: string; email: string | null; phone: string | null }; changes: FieldChange[] }[];
  places: { rowNumber: number; action: PlanAction; placeId: number | null; values: { team: string; format: PlaceFormat; hours: number | null; capacity: number; languages: Language[]; description: string }; changes: FieldChange[] }[];
}

/** The plan of an organisation import. */
export interface OrganisationsPlan {
  kind: 'organisations';
  items: OrganisationPlanItem[];
  rejected: CellIssue[];
  rejectedRows: number[];
  summary: PlanSummary;
}

/** Inputs shared by the people plans. */
export interface PeoplePlanInput<R extends PersonRecord> {
  records: readonly R[];
  /** The normaliser's issues: spread a NormaliseResult into the input. */
  issues: readonly CellIssue[];
  rejectedRows: readonly number[];
  existing: ExistingData;
  /** Hosts of this programme: choices resolve against them, and their staff get priority. */
  hosts: readonly HostCandidate[];
  /** The coordinator's picks for unresolved choices: organisationKey(text) → organisation id. */
  choiceOverrides?: ReadonlyMap<string, number>;
  /** ISO timestamp of the import, used as submission time for rows without one. Passed in: no clock here. */
  importedAt: string;
}

function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

/** Diffs `next` against `current` over `fields`, ignoring null in `next` (empty cells keep stored values). */
function diff<T extends object>(current: T, next: Partial<T>, fields: readonly (keyof T)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const after = next[f];
    if (after === null || after === undefined) continue;
    if (changed(current[f], after)) out.push({ field: String(f), before: current[f], after });
  }
  return out;
}

/**
 * Keeps one row per e-mail address: the later submission by signup time, else the later row.
 * Rows without a signup time lose to rows with one.
 */
function dedupe<R extends PersonRecord & { submittedAt?: string | null }>(records: readonly R[]): { kept: R[]; duplicates: DuplicateReport[] } {
  // Most files have no duplicates: one pass to find the e-mails seen twice, arrays only for those.
  const first = new Map<string, R>();
  const groups = new Map<string, R[]>();
  for (const r of records) {
    const earlier = first.get(r.email);
    if (earlier === undefined) first.set(r.email, r);
    else {
      const g = groups.get(r.email);
      if (g) g.push(r);
      else groups.set(r.email, [earlier, r]);
    }
  }
  const kept: R[] = [];
  const duplicates: DuplicateReport[] = [];
  for (const [email, only] of first) {
    const group = groups.get(email);
    if (!group) {
      kept.push(only);
      continue;
    }
    let winner = group[0] as R;
    let reason: DuplicateReport['reason'] = 'later_row';
    for (const r of group.slice(1)) {
      const a = winner.submittedAt ?? null;
      const b = r.submittedAt ?? null;
      if (a !== null && b !== null && a !== b) {
        if (b > a) winner = r;
        reason = 'later_submission';
      } else if (a === null && b !== null) {
        winner = r;
        reason = 'later_submission';
      } else if (!(a !== null && b === null)) {
        winner = r;
      }
    }
    kept.push(winner);
    const droppedRows = group.filter((r) => r !== winner).map((r) => r.rowNumber);
    const why = reason === 'later_submission' ? 'it was submitted last' : 'it is the last row';
    duplicates.push({
      email,
      keptRow: winner.rowNumber,
      droppedRows,
      reason,
      message: `${email} signs up ${group.length} times (rows ${group.map((r) => r.rowNumber).join(', ')}). Row ${winner.rowNumber} is used because ${why}; the other rows are ignored.`,
    });
  }
  kept.sort((a, b) => a.rowNumber - b.rowNumber);
  return { kept, duplicates };
}

function summarise(items: readonly { action: PlanAction; extra?: PlanAction | undefined }[], rows: number, duplicates: number, rejected: number): PlanSummary {
  const s: PlanSummary = { rows, created: 0, updated: 0, unchanged: 0, duplicates, rejected };
  for (const i of items) {
    const effective: PlanAction = i.action === 'create' ? 'create' : i.action === 'update' || i.extra === 'update' || i.extra === 'create' ? 'update' : 'unchanged';
    if (effective === 'create') s.created++;
    else if (effective === 'update') s.updated++;
    else s.unchanged++;
  }
  return s;
}

const PERSON_DIFF_FIELDS = ['firstName', 'lastName', 'phone', 'language', 'organisationId', 'functionTitle', 'network', 'learningQuestions', 'isParticipant', 'isMentor', 'mentorCapacity'] as const;

function planPeople<R extends PersonRecord>(
  kind: 'participants' | 'mentors',
  input: PeoplePlanInput<R>,
  extra: (record: R, person: ExistingPerson | null, organisation: OrganisationRef | null) => { values: Partial<PlannedPersonValues>; application: PersonPlanItem['application'] },
): Omit<PeoplePlan, 'unresolvedChoices'> {
  const { kept, duplicates } = dedupe(input.records as readonly (R & { submittedAt?: string | null })[]);
  const peopleByEmail = new Map(input.existing.people.map((p) => [p.email.trim().toLowerCase(), p]));
  const orgByKey = new Map<string, number>();
  for (const o of input.existing.organisations) if (!orgByKey.has(organisationKey(o.name))) orgByKey.set(organisationKey(o.name), o.id);
  const newOrgs = new Map<string, NewOrganisation>();
  const items: PersonPlanItem[] = [];
  // Thousands of rows name the same few employers: fold each spelling once.
  const keyMemo = new Map<string, string>();
  const keyOf = (text: string): string => keyMemo.get(text) ?? (keyMemo.set(text, organisationKey(text)).get(text) as string);
  for (const record of kept) {
    let organisation: OrganisationRef | null = null;
    if (record.organisation !== null) {
      const key = keyOf(record.organisation);
      const id = orgByKey.get(key);
      if (id !== undefined) organisation = { kind: 'existing', id };
      else {
        organisation = { kind: 'new', key };
        const entry = newOrgs.get(key);
        if (entry) entry.rows.push(record.rowNumber);
        else newOrgs.set(key, { key, name: record.organisation, rows: [record.rowNumber] });
      }
    }
    const person = peopleByEmail.get(record.email) ?? null;
    const more = extra(record, person, organisation);
    const values: PlannedPersonValues = {
      firstName: record.firstName,
      lastName: record.lastName,
      email: record.email,
      phone: record.phone,
      language: record.language,
      organisation,
      functionTitle: record.functionTitle,
      network: record.network,
      learningQuestions: null,
      isParticipant: kind === 'participants' || (person?.isParticipant ?? false),
      isMentor: kind === 'mentors' || (person?.isMentor ?? false),
      mentorCapacity: null,
      ...more.values,
    };
    let action: PlanAction = 'create';
    let changes: FieldChange[] = [];
    if (person) {
      const next = {
        ...values,
        lastName: values.lastName === '' ? null : values.lastName,
        // A new organisation is always a change; an existing one compares by id.
        organisationId: organisation === null ? null : organisation.kind === 'existing' ? organisation.id : -1,
      };
      changes = diff(person, next as unknown as Partial<ExistingPerson>, PERSON_DIFF_FIELDS).map((c) =>
        c.field === 'organisationId' && c.after === -1 ? { ...c, after: record.organisation } : c,
      );
      action = changes.length > 0 ? 'update' : 'unchanged';
    }
    items.push({ rowNumber: record.rowNumber, action, personId: person?.id ?? null, values, changes, application: more.application });
  }
  const rows = input.records.length + input.rejectedRows.length;
  return {
    kind,
    items,
    newOrganisations: [...newOrgs.values()],
    duplicates,
    rejected: [...input.issues],
    rejectedRows: [...input.rejectedRows],
    summary: summarise(items.map((i) => ({ action: i.action, extra: i.application?.action })), rows, duplicates.reduce((n, d) => n + d.droppedRows.length, 0), input.rejectedRows.length),
  };
}

/**
 * Plans a participant import: people (matched by e-mail) and their application with ranked choices.
 * Choices resolve against `hosts`; what does not resolve is kept as raw text and listed in
 * `unresolvedChoices` with the nearest hosts, to be picked through `choiceOverrides` and re-planned.
 */
export function planParticipants(input: PeoplePlanInput<ParticipantRecord>): PeoplePlan {
  const index = indexHosts(input.hosts);
  const overrides = input.choiceOverrides ?? new Map<string, number>();
  const hostIds = new Set(input.hosts.map((h) => h.organisationId));
  const appsByPerson = new Map((input.existing.applications ?? []).map((a) => [a.participantId, a]));
  const plan = planPeople('participants', input, (record, person, organisation) => {
    const choices: PlannedChoice[] = record.choices.map((c) => ({ rank: c.rank, organisationId: resolveChoice(c.text, index, overrides), rawText: c.text }));
    const worksAtHost = organisation?.kind === 'existing' && hostIds.has(organisation.id);
    const isEarlyBird = record.isEarlyBird ?? worksAtHost;
    const existingApp = person ? appsByPerson.get(person.id) ?? null : null;
    const submittedAt = record.submittedAt ?? existingApp?.submittedAt ?? input.importedAt;
    const next = { submittedAt, isEarlyBird, activationCode: record.activationCode, choices };
    let action: PlanAction = 'create';
    let changes: FieldChange[] = [];
    if (existingApp) {
      changes = diff(existingApp, next, ['submittedAt', 'isEarlyBird', 'activationCode', 'choices']);
      action = changes.length > 0 ? 'update' : 'unchanged';
    }
    return {
      values: { learningQuestions: record.learningQuestions },
      application: {
        action,
        applicationId: existingApp?.id ?? null,
        submittedAt,
        isEarlyBird,
        priorityTier: isEarlyBird || worksAtHost ? 0 : 1,
        activationCode: record.activationCode,
        choices,
        changes,
      },
    };
  });
  // Only choices that did not resolve are collected (the items already hold the resolved ids).
  const choiceItems: { row: number; text: string }[] = [];
  for (const item of plan.items) for (const c of item.application?.choices ?? []) if (c.organisationId === null) choiceItems.push({ row: item.rowNumber, text: c.rawText });
  return { ...plan, unresolvedChoices: collectUnresolved(choiceItems, index, overrides) };
}

/** Plans a mentor import: people matched by e-mail, flagged as mentor, with their capacity. */
export function planMentors(input: Omit<PeoplePlanInput<MentorRecord>, 'hosts' | 'choiceOverrides'>): PeoplePlan {
  const plan = planPeople('mentors', { ...input, hosts: [] }, (record) => ({ values: { mentorCapacity: record.mentorCapacity }, application: null }));
  return { ...plan, unresolvedChoices: [] };
}

/** Inputs of an organisation import plan. */
export interface OrganisationsPlanInput {
  records: readonly OrganisationRecord[];
  /** The normaliser's issues: spread a NormaliseResult into the input. */
  issues: readonly CellIssue[];
  rejectedRows: readonly number[];
  existing: ExistingData;
  /** Role in the programme when the file does not say: an organisations file usually lists hosts. */
  defaultRole?: OrganisationRole;
}

const ORG_DIFF_FIELDS = ['name', 'sector', 'network', 'address', 'postcode', 'municipality', 'website', 'programmeRole', 'activationCode'] as const;

/**
 * Plans an organisation import. Rows naming the same organisation (organisationKey: case, accents,
 * spacing and vzw/asbl do not count) are one organisation with several places and contacts; places
 * match stored places by team name, contacts by e-mail (else by name).
 */
export function planOrganisations(input: OrganisationsPlanInput): OrganisationsPlan {
  const existingByKey = new Map<string, ExistingOrganisation>();
  for (const o of input.existing.organisations) if (!existingByKey.has(organisationKey(o.name))) existingByKey.set(organisationKey(o.name), o);
  const groups = new Map<string, OrganisationRecord[]>();
  for (const r of input.records) {
    const key = organisationKey(r.name);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const items: OrganisationPlanItem[] = [];
  for (const [key, group] of groups) {
    const first = group[0] as OrganisationRecord;
    const pick = <F extends keyof OrganisationRecord>(f: F): OrganisationRecord[F] | null => {
      // Later rows fill in what earlier rows left empty; the first filled value wins.
      for (const r of group) if (r[f] !== null) return r[f];
      return null;
    };
    const existing = existingByKey.get(key) ?? null;
    const values: PlannedOrganisationValues = {
      // An existing organisation keeps its stored spelling unless the name really differs beyond folding.
      name: existing && foldName(existing.name) === foldName(first.name) ? existing.name : first.name,
      sector: pick('sector'),
      network: pick('network'),
      address: pick('address'),
      postcode: pick('postcode'),
      municipality: pick('municipality'),
      website: pick('website'),
      programmeRole: pick('role') ?? existing?.programmeLink?.role ?? input.defaultRole ?? 'hosts',
      activationCode: pick('activationCode'),
    };
    let action: PlanAction = 'create';
    let changes: FieldChange[] = [];
    if (existing) {
      const current = { ...existing, programmeRole: existing.programmeLink?.role ?? null, activationCode: existing.programmeLink?.activationCode ?? null };
      const next = { ...values, name: existing.name === values.name ? null : values.name };
      changes = diff(current, next as never, ORG_DIFF_FIELDS as never);
      action = changes.length > 0 || existing.programmeLink === null ? 'update' : 'unchanged';
      if (existing.programmeLink === null) changes.push({ field: 'programmeRole', before: null, after: values.programmeRole });
    }
    const orgId = existing?.id ?? null;
    const storedContacts = (input.existing.contacts ?? []).filter((c) => orgId !== null && c.organisationId === orgId);
    const storedPlaces = (input.existing.places ?? []).filter((p) => orgId !== null && p.organisationId === orgId);
    const contacts: OrganisationPlanItem['contacts'] = [];
    const seenContacts = new Set<string>();
    for (const r of group) {
      if (!r.contact) continue;
      const ckey = r.contact.email ?? `name:${foldName(r.contact.name)}`;
      if (seenContacts.has(ckey)) continue;
      seenContacts.add(ckey);
      const stored = storedContacts.find((c) => (r.contact?.email ? c.email === r.contact.email : foldName(c.name) === foldName(r.contact?.name ?? ''))) ?? null;
      const cChanges = stored ? diff(stored, r.contact, ['name', 'email', 'phone']) : [];
      contacts.push({ rowNumber: r.rowNumber, action: stored ? (cChanges.length ? 'update' : 'unchanged') : 'create', contactId: stored?.id ?? null, values: r.contact, changes: cChanges });
    }
    const places: OrganisationPlanItem['places'] = [];
    const seenPlaces = new Set<string>();
    for (const r of group) {
      if (!r.place) continue;
      const pkey = foldName(r.place.team);
      if (seenPlaces.has(pkey)) continue;
      seenPlaces.add(pkey);
      const stored = storedPlaces.find((p) => foldName(p.team) === pkey) ?? null;
      const placeValues = { ...r.place, languages: r.place.languages.length > 0 ? r.place.languages : stored?.languages ?? ['nl'] };
      const pChanges = stored ? diff(stored, { ...placeValues, description: placeValues.description === '' ? null : placeValues.description } as never, ['format', 'hours', 'capacity', 'languages', 'description'] as never) : [];
      places.push({ rowNumber: r.rowNumber, action: stored ? (pChanges.length ? 'update' : 'unchanged') : 'create', placeId: stored?.id ?? null, values: placeValues, changes: pChanges });
    }
    items.push({ rows: group.map((r) => r.rowNumber), action, organisationId: orgId, key, values, changes, contacts, places });
  }
  const childAction = (i: OrganisationPlanItem): PlanAction | undefined =>
    [...i.contacts, ...i.places].some((c) => c.action !== 'unchanged') ? 'update' : undefined;
  return {
    kind: 'organisations',
    items,
    rejected: [...input.issues],
    rejectedRows: [...input.rejectedRows],
    summary: summarise(items.map((i) => ({ action: i.action, extra: childAction(i) })), input.records.length + input.rejectedRows.length, 0, input.rejectedRows.length),
  };
}
