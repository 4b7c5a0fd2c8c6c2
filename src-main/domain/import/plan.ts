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
/** A new organisation is named as the row that names it writes it. */
export type OrganisationRef = { kind: 'existing'; id: number } | { kind: 'new'; key: string; name: string };

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
  /** The row kept for this e-mail address. */
  rowNumber: number;
  /** The first row of this address in the file (the kept row unless a later row won): new people are written in this order. */
  firstRow: number;
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

/** Per e-mail address: its rows so far, the row kept and that row's plan item. */
interface EmailGroup<R extends PersonRecord> {
  rows: number[];
  kept: R;
  reason: DuplicateReport['reason'];
  item: PersonPlanItem;
}

/** What a people plan is made against (everything of PeoplePlanInput but the rows). */
export type PeoplePlanContext = Omit<PeoplePlanInput<PersonRecord>, 'records' | 'issues' | 'rejectedRows'>;

type PlanExtra<R> = (record: R, person: ExistingPerson | null, organisation: OrganisationRef | null) => { values: Partial<PlannedPersonValues>; application: PersonPlanItem['application'] };

/**
 * Plans people as their rows come in, in row order: the import normalises and plans a file while it is
 * still being read, and writes the people it meets for the first time at once. `add` returns the items
 * of e-mail addresses met for the first time; a later row for the same address replaces the kept row
 * when it wins (the later submission by signup time, else the later row; rows without a signup time
 * lose to rows with one) and its address is then listed by `amendedEmails`. `finish` gives the plan of
 * the whole file, the same as planning all rows at once (planParticipants and planMentors do that).
 */
export class PeoplePlanner<R extends PersonRecord> {
  private readonly groups = new Map<string, EmailGroup<R>>();
  private readonly amended = new Set<string>();
  private readonly issues: CellIssue[] = [];
  private readonly rejectedRows: number[] = [];
  private records = 0;
  private readonly peopleByEmail: Map<string, ExistingPerson>;
  private readonly orgByKey = new Map<string, number>();
  // Thousands of rows name the same few employers: fold each spelling once.
  private readonly keyMemo = new Map<string, string>();

  constructor(
    private readonly kind: 'participants' | 'mentors',
    context: PeoplePlanContext,
    private readonly extra: PlanExtra<R>,
    private readonly unresolved: (items: readonly PersonPlanItem[]) => UnresolvedChoice[] = () => [],
  ) {
    this.peopleByEmail = new Map(context.existing.people.map((p) => [p.email.trim().toLowerCase(), p]));
    for (const o of context.existing.organisations) if (!this.orgByKey.has(organisationKey(o.name))) this.orgByKey.set(organisationKey(o.name), o.id);
  }

  /** Plans the next rows (after the rows of earlier calls). Returns the items of addresses met for the first time. */
  add(records: readonly R[], issues: readonly CellIssue[] = [], rejectedRows: readonly number[] = []): PersonPlanItem[] {
    for (const i of issues) this.issues.push(i);
    for (const n of rejectedRows) this.rejectedRows.push(n);
    this.records += records.length;
    const firsts: PersonPlanItem[] = [];
    for (const r of records) {
      const group = this.groups.get(r.email);
      if (group === undefined) {
        const item = this.planItem(r, r.rowNumber);
        this.groups.set(r.email, { rows: [r.rowNumber], kept: r, reason: 'later_row', item });
        firsts.push(item);
        continue;
      }
      group.rows.push(r.rowNumber);
      const a = (group.kept as { submittedAt?: string | null }).submittedAt ?? null;
      const b = (r as { submittedAt?: string | null }).submittedAt ?? null;
      let wins = false;
      if (a !== null && b !== null && a !== b) {
        wins = b > a;
        group.reason = 'later_submission';
      } else if (a === null && b !== null) {
        wins = true;
        group.reason = 'later_submission';
      } else if (!(a !== null && b === null)) {
        wins = true;
      }
      if (wins) {
        group.kept = r;
        group.item = this.planItem(r, group.item.firstRow);
        this.amended.add(r.email);
      }
    }
    return firsts;
  }

  /** Addresses whose kept row changed after `add` handed out their first item (their item is replaced in the plan). */
  amendedEmails(): ReadonlySet<string> {
    return this.amended;
  }

  /** The plan of all rows added. */
  finish(): PeoplePlan {
    const groups = [...this.groups.values()];
    const kept = groups.map((g) => g.item).sort((a, b) => a.rowNumber - b.rowNumber);
    const newOrgs = new Map<string, NewOrganisation>();
    for (const item of kept) {
      const ref = item.values.organisation;
      if (ref?.kind !== 'new') continue;
      const entry = newOrgs.get(ref.key);
      if (entry) entry.rows.push(item.rowNumber);
      else newOrgs.set(ref.key, { key: ref.key, name: ref.name, rows: [item.rowNumber] });
    }
    const duplicates: DuplicateReport[] = [];
    for (const [email, g] of this.groups) {
      if (g.rows.length < 2) continue;
      const why = g.reason === 'later_submission' ? 'it was submitted last' : 'it is the last row';
      duplicates.push({
        email,
        keptRow: g.kept.rowNumber,
        droppedRows: g.rows.filter((n) => n !== g.kept.rowNumber),
        reason: g.reason,
        message: `${email} signs up ${g.rows.length} times (rows ${g.rows.join(', ')}). Row ${g.kept.rowNumber} is used because ${why}; the other rows are ignored.`,
      });
    }
    const rows = this.records + this.rejectedRows.length;
    return {
      kind: this.kind,
      items: kept,
      newOrganisations: [...newOrgs.values()],
      duplicates,
      rejected: [...this.issues],
      rejectedRows: [...this.rejectedRows],
      unresolvedChoices: this.unresolved(kept),
      summary: summarise(kept.map((i) => ({ action: i.action, extra: i.application?.action })), rows, duplicates.reduce((n, d) => n + d.droppedRows.length, 0), this.rejectedRows.length),
    };
  }

  private keyOf(text: string): string {
    let key = this.keyMemo.get(text);
    if (key === undefined) this.keyMemo.set(text, (key = organisationKey(text)));
    return key;
  }

  private planItem(record: R, firstRow: number): PersonPlanItem {
    let organisation: OrganisationRef | null = null;
    if (record.organisation !== null) {
      const key = this.keyOf(record.organisation);
      const id = this.orgByKey.get(key);
      organisation = id !== undefined ? { kind: 'existing', id } : { kind: 'new', key, name: record.organisation };
    }
    const person = this.peopleByEmail.get(record.email) ?? null;
    const more = this.extra(record, person, organisation);
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
      isParticipant: this.kind === 'participants' || (person?.isParticipant ?? false),
      isMentor: this.kind === 'mentors' || (person?.isMentor ?? false),
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
    return { rowNumber: record.rowNumber, firstRow, action, personId: person?.id ?? null, values, changes, application: more.application };
  }
}

/** The planner of a participant import (see planParticipants). */
export function participantPlanner(context: PeoplePlanContext): PeoplePlanner<ParticipantRecord> {
  const index = indexHosts(context.hosts);
  const overrides = context.choiceOverrides ?? new Map<string, number>();
  const hostIds = new Set(context.hosts.map((h) => h.organisationId));
  const appsByPerson = new Map((context.existing.applications ?? []).map((a) => [a.participantId, a]));
  return new PeoplePlanner<ParticipantRecord>(
    'participants',
    context,
    (record, person, organisation) => {
      const choices: PlannedChoice[] = record.choices.map((c) => ({ rank: c.rank, organisationId: resolveChoice(c.text, index, overrides), rawText: c.text }));
      const worksAtHost = organisation?.kind === 'existing' && hostIds.has(organisation.id);
      const isEarlyBird = record.isEarlyBird ?? worksAtHost;
      const existingApp = person ? appsByPerson.get(person.id) ?? null : null;
      const submittedAt = record.submittedAt ?? existingApp?.submittedAt ?? context.importedAt;
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
    },
    (items) => {
      // Only choices that did not resolve are collected (the items already hold the resolved ids).
      const choiceItems: { row: number; text: string }[] = [];
      for (const item of items) for (const c of item.application?.choices ?? []) if (c.organisationId === null) choiceItems.push({ row: item.rowNumber, text: c.rawText });
      return collectUnresolved(choiceItems, index, overrides);
    },
  );
}

/** The planner of a mentor import (see planMentors). */
export function mentorPlanner(context: Omit<PeoplePlanContext, 'hosts' | 'choiceOverrides'>): PeoplePlanner<MentorRecord> {
  return new PeoplePlanner<MentorRecord>('mentors', { ...context, hosts: [] }, (record) => ({ values: { mentorCapacity: record.mentorCapacity }, application: null }));
}

/**
 * Plans a participant import: people (matched by e-mail) and their application with ranked choices.
 * Choices resolve against `hosts`; what does not resolve is kept as raw text and listed in
 * `unresolvedChoices` with the nearest hosts, to be picked through `choiceOverrides` and re-planned.
 */
export function planParticipants(input: PeoplePlanInput<ParticipantRecord>): PeoplePlan {
  const planner = participantPlanner(input);
  planner.add(input.records, input.issues, input.rejectedRows);
  return planner.finish();
}

/** Plans a mentor import: people matched by e-mail, flagged as mentor, with their capacity. */
export function planMentors(input: Omit<PeoplePlanInput<MentorRecord>, 'hosts' | 'choiceOverrides'>): PeoplePlan {
  const planner = mentorPlanner(input);
  planner.add(input.records, input.issues, input.rejectedRows);
  return planner.finish();
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
