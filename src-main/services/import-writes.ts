import type { OrganisationRef, PeoplePlan, PersonPlanItem } from '../domain/import/plan';
import { foldName } from '../domain/names';
import type { Db } from '../db/connection';
import { bulkInsert } from '../db/repositories/bulk-insert';

/**
 * Writing an import plan into the database, inside the import's transaction. People imports go
 * through PeopleWriter, which can write the new people of a file while the file is still being read
 * (the CLI's one-pass import) or all at once (the window's commit); both end in the same rows.
 */

/** What an import did, so that it can be undone. */
export interface ImportChanges {
  created: { organisations: number[]; people: number[]; applications: number[]; places: number[]; contacts: number[]; links: number[] };
  updated: {
    people: { id: number; before: Record<string, unknown> }[];
    applications: { id: number; before: Record<string, unknown>; choices: { rank: number; organisation_id: number | null; place_id: number | null; raw_text: string | null }[] }[];
    organisations: { id: number; before: Record<string, unknown> }[];
    places: { id: number; before: Record<string, unknown> }[];
    contacts: { id: number; before: Record<string, unknown> }[];
    links: { organisationId: number; before: Record<string, unknown> }[];
  };
}

export const emptyChanges = (): ImportChanges => ({
  created: { organisations: [], people: [], applications: [], places: [], contacts: [], links: [] },
  updated: { people: [], applications: [], organisations: [], places: [], contacts: [], links: [] },
});

type LinkRole = 'sends' | 'hosts' | 'both';
type Link = { role: LinkRole; activation_code: string | null };

export async function linkOrganisation(trx: Db, programmeId: number, organisationId: number, role: LinkRole, activationCode: string | null, changes: ImportChanges, known?: Map<number, Link>): Promise<void> {
  const link = known ? known.get(organisationId) : await trx.selectFrom('programme_organisations').select(['role', 'activation_code']).where('programme_id', '=', programmeId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!link) {
    known?.set(organisationId, { role, activation_code: activationCode });
    await trx.insertInto('programme_organisations').values({ programme_id: programmeId, organisation_id: organisationId, role, activation_code: activationCode }).execute();
    changes.created.links.push(organisationId);
    return;
  }
  const merged = link.role === role ? role : 'both';
  const code = activationCode ?? link.activation_code;
  if (merged !== link.role || code !== link.activation_code) {
    changes.updated.links.push({ organisationId, before: { role: link.role, activation_code: link.activation_code } });
    known?.set(organisationId, { role: merged, activation_code: code });
    await trx.updateTable('programme_organisations').set({ role: merged, activation_code: code }).where('programme_id', '=', programmeId).where('organisation_id', '=', organisationId).execute();
  }
}

async function ensureOrganisation(trx: Db, name: string, at: string, changes: ImportChanges): Promise<number> {
  const key = foldName(name);
  const found = await trx.selectFrom('organisations').select('id').where('name_key', '=', key).executeTakeFirst();
  if (found) return found.id;
  const row = await trx
    .insertInto('organisations')
    .values({ name, name_key: key, sector: null, network: null, address: null, postcode: null, municipality: null, languages: '["nl"]', website: null, role: 'sends', precondition_notes: '', max_hours_per_day: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  changes.created.organisations.push(row.id);
  return row.id;
}

const PERSON_COLUMNS: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  language: 'language',
  organisationId: 'organisation_id',
  functionTitle: 'function_title',
  network: 'network',
  learningQuestions: 'learning_questions',
  isParticipant: 'is_participant',
  isMentor: 'is_mentor',
  mentorCapacity: 'mentor_capacity',
};

type NewApplication = { personId: number; app: NonNullable<PersonPlanItem['application']> };

const PEOPLE_INSERT_COLUMNS = ['first_name', 'last_name', 'email', 'phone', 'language', 'organisation_id', 'function_title', 'network', 'is_participant', 'is_mentor', 'learning_questions', 'availability', 'mentor_capacity', 'notes', 'created_at', 'updated_at'] as const;
const APPLICATION_INSERT_COLUMNS = ['programme_id', 'round_id', 'participant_id', 'submitted_at', 'priority_tier', 'is_early_bird', 'activation_code', 'max_placements', 'status', 'import_id'] as const;
const CHOICE_INSERT_COLUMNS = ['application_id', 'rank', 'organisation_id', 'place_id', 'raw_text'] as const;

/**
 * A people plan that, once written, turned out not to be writable in place (see PeopleWriter.finish);
 * the caller rolls the transaction back and writes the finished plan at once instead.
 */
export class RewriteNeeded extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RewriteNeeded';
  }
}

const sameRef = (a: OrganisationRef | null, b: OrganisationRef | null): boolean =>
  a === null || b === null ? a === b : a.kind === 'existing' ? b.kind === 'existing' && a.id === b.id : b.kind === 'new' && a.key === b.key;

/**
 * Writes a participants or mentors plan. `writeNew` writes people met for the first time (plan items
 * with action create, in the order of their first row) with their application and choices, through
 * prepared statements run per row (bulkInsert); `finish` writes the rest of the finished plan: the
 * kept row of an address that signed up again (written over the person written first, same id), new
 * organisations' links, updates (row by row, keeping the before-image for undo) and new applications
 * of people who already existed.
 *
 * The window's commit calls writeNew with every new person of the finished plan, then finish; the
 * CLI's import calls writeNew per batch of rows while the file is read, then finish: the same rows
 * come out either way.
 *
 * @param root the Kysely instance the transaction was started on (ctx.db): bulkInsert writes through
 *   its connection, which the transaction holds.
 */
export class PeopleWriter {
  private readonly written = new Map<string, { personId: number; applicationId: number | null; organisation: OrganisationRef | null; choiceRanks: number[] }>();
  private readonly newOrgIds = new Map<string, { id: number; name: string }>();

  constructor(
    private readonly trx: Db,
    private readonly root: Db,
    private readonly programmeId: number,
    private readonly importId: number,
    private readonly at: string,
    readonly changes: ImportChanges,
  ) {}

  private orgId(ref: OrganisationRef | null): number | null {
    return ref === null ? null : ref.kind === 'existing' ? ref.id : (this.newOrgIds.get(ref.key)?.id ?? null);
  }

  private async ensureNewOrganisation(ref: OrganisationRef | null): Promise<void> {
    if (ref?.kind !== 'new' || this.newOrgIds.has(ref.key)) return;
    this.newOrgIds.set(ref.key, { id: await ensureOrganisation(this.trx, ref.name, this.at, this.changes), name: ref.name });
  }

  /** Writes the new people among `items` (in the order given) with their application and choices. */
  async writeNew(items: readonly PersonPlanItem[]): Promise<void> {
    const creates = items.filter((i) => i.action === 'create' && !this.written.has(i.values.email));
    if (creates.length === 0) return;
    for (const item of creates) await this.ensureNewOrganisation(item.values.organisation);
    const at = this.at;
    const peopleIds = bulkInsert(
      this.root,
      'people',
      PEOPLE_INSERT_COLUMNS,
      creates.map(({ values: v }) => [v.firstName, v.lastName, v.email, v.phone, v.language ?? 'nl', this.orgId(v.organisation), v.functionTitle, v.network, v.isParticipant ? 1 : 0, v.isMentor ? 1 : 0, v.learningQuestions ?? '', '[]', v.mentorCapacity, '', at, at]),
    );
    const apps: NewApplication[] = [];
    creates.forEach((item, i) => {
      const personId = peopleIds[i] as number;
      this.changes.created.people.push(personId);
      this.written.set(item.values.email, { personId, applicationId: null, organisation: item.values.organisation, choiceRanks: item.application?.choices.map((c) => c.rank) ?? [] });
      if (item.application) apps.push({ personId, app: item.application });
    });
    const appIds = this.insertApplications(apps);
    let a = 0;
    for (const item of creates) {
      const w = this.written.get(item.values.email);
      if (w && item.application) w.applicationId = appIds[a++] ?? null;
    }
  }

  /** Inserts new applications and their ranked choices; returns the application ids in the same order. */
  private insertApplications(list: readonly NewApplication[]): number[] {
    const ids = bulkInsert(
      this.root,
      'applications',
      APPLICATION_INSERT_COLUMNS,
      list.map(({ personId, app }) => [this.programmeId, null, personId, app.submittedAt, app.priorityTier, app.isEarlyBird ? 1 : 0, app.activationCode, null, 'active', this.importId]),
    );
    const choices: unknown[][] = [];
    list.forEach(({ app }, i) => {
      for (const c of app.choices) choices.push([ids[i], c.rank, c.organisationId, null, c.rawText]);
    });
    bulkInsert(this.root, 'application_choices', CHOICE_INSERT_COLUMNS, choices, { withIds: false });
    this.changes.created.applications.push(...ids);
    return ids;
  }

  /**
   * Writes what `writeNew` has not: `amended` are the addresses whose kept row changed after their
   * first row was written (PeoplePlanner.amendedEmails). Throws RewriteNeeded when such a row names
   * another organisation than the row written first (writing it over would leave the organisation
   * rows different from writing the finished plan at once).
   */
  async finish(plan: PeoplePlan, amended: ReadonlySet<string> = new Set()): Promise<void> {
    const trx = this.trx;
    const byEmail = new Map(amended.size > 0 ? plan.items.map((i) => [i.values.email, i]) : []);
    for (const email of amended) {
      const item = byEmail.get(email);
      const w = this.written.get(email);
      if (!item || !w) continue;
      if (!sameRef(item.values.organisation, w.organisation)) throw new RewriteNeeded(`${email}: the kept row names another organisation`);
      await this.overwrite(item, w);
    }
    for (const item of plan.items) if (item.action === 'create' && !this.written.has(item.values.email)) throw new RewriteNeeded(`${item.values.email}: not written`);
    // The programme's links in one read: thousands of rows name a few dozen organisations.
    const links = new Map(
      (await trx.selectFrom('programme_organisations').select(['organisation_id', 'role', 'activation_code']).where('programme_id', '=', this.programmeId).execute()).map((l) => [
        l.organisation_id,
        { role: l.role, activation_code: l.activation_code },
      ]),
    );
    for (const o of plan.newOrganisations) {
      await this.ensureNewOrganisation({ kind: 'new', key: o.key, name: o.name });
      const made = this.newOrgIds.get(o.key);
      if (!made) continue;
      // Created under the spelling of the row written first; the plan names it after the first kept row.
      if (made.name !== o.name && this.changes.created.organisations.includes(made.id)) {
        await trx.updateTable('organisations').set({ name: o.name, name_key: foldName(o.name) }).where('id', '=', made.id).execute();
        made.name = o.name;
      }
      await linkOrganisation(trx, this.programmeId, made.id, 'sends', null, this.changes, links);
    }

    // Updates and programme links, row by row; a link already made in this import is not looked up again.
    const lastCode = new Map<number, string | null>();
    const newApplications: NewApplication[] = [];
    for (const item of plan.items) {
      const v = item.values;
      let personId = item.personId;
      if (item.action === 'create') {
        personId = this.written.get(v.email)?.personId ?? null;
      } else if (item.action === 'update' && personId !== null) {
        const before = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
        const set: Record<string, unknown> = {};
        const prior: Record<string, unknown> = {};
        for (const c of item.changes) {
          const column = PERSON_COLUMNS[c.field];
          if (!column) continue;
          let value: unknown = c.field === 'organisationId' ? this.orgId(v.organisation) : (v as unknown as Record<string, unknown>)[c.field];
          if (typeof value === 'boolean') value = value ? 1 : 0;
          set[column] = value;
          prior[column] = (before as unknown as Record<string, unknown>)[column];
        }
        if (Object.keys(set).length > 0) {
          this.changes.updated.people.push({ id: personId, before: { ...prior, updated_at: before.updated_at } });
          await trx.updateTable('people').set({ ...set, updated_at: this.at }).where('id', '=', personId).execute();
        }
      }
      if (personId !== null && v.organisation !== null) {
        const own = this.orgId(v.organisation);
        const code = item.application?.activationCode ?? null;
        // Calling again with the code of the previous call for this organisation would change nothing.
        if (own !== null && (!lastCode.has(own) || lastCode.get(own) !== code)) {
          lastCode.set(own, code);
          await linkOrganisation(trx, this.programmeId, own, 'sends', code, this.changes, links);
        }
      }
      const app = item.application;
      if (!app || personId === null || app.action === 'unchanged' || item.action === 'create') continue;
      if (app.action === 'create') {
        newApplications.push({ personId, app });
      } else if (app.applicationId !== null) {
        const before = await trx.selectFrom('applications').selectAll().where('id', '=', app.applicationId).executeTakeFirstOrThrow();
        const oldChoices = await trx.selectFrom('application_choices').select(['rank', 'organisation_id', 'place_id', 'raw_text']).where('application_id', '=', app.applicationId).execute();
        this.changes.updated.applications.push({ id: app.applicationId, before: { submitted_at: before.submitted_at, priority_tier: before.priority_tier, is_early_bird: before.is_early_bird, activation_code: before.activation_code }, choices: oldChoices });
        await trx.updateTable('applications').set({ submitted_at: app.submittedAt, priority_tier: app.priorityTier, is_early_bird: app.isEarlyBird ? 1 : 0, activation_code: app.activationCode }).where('id', '=', app.applicationId).execute();
        await trx.deleteFrom('application_choices').where('application_id', '=', app.applicationId).execute();
        for (const c of app.choices) await trx.insertInto('application_choices').values({ application_id: app.applicationId, rank: c.rank, organisation_id: c.organisationId, place_id: null, raw_text: c.rawText }).execute();
      }
    }
    // New applications of people who existed before this import.
    this.insertApplications(newApplications);
  }

  /** Writes the kept row of an address over the person (and application) written for its first row. */
  private async overwrite(item: PersonPlanItem, w: { personId: number; applicationId: number | null; choiceRanks: number[] }): Promise<void> {
    const v = item.values;
    await this.trx
      .updateTable('people')
      .set({ first_name: v.firstName, last_name: v.lastName, phone: v.phone, language: v.language ?? 'nl', function_title: v.functionTitle, network: v.network, learning_questions: v.learningQuestions ?? '', mentor_capacity: v.mentorCapacity })
      .where('id', '=', w.personId)
      .execute();
    const app = item.application;
    if (!app || w.applicationId === null) return;
    const id = w.applicationId;
    await this.trx.updateTable('applications').set({ submitted_at: app.submittedAt, priority_tier: app.priorityTier, is_early_bird: app.isEarlyBird ? 1 : 0, activation_code: app.activationCode }).where('id', '=', id).execute();
    if (app.choices.map((c) => c.rank).join() === w.choiceRanks.join()) {
      // Same ranks (the usual case): the choice rows stay where they are, as if the kept row had been written first.
      for (const c of app.choices) await this.trx.updateTable('application_choices').set({ organisation_id: c.organisationId, raw_text: c.rawText }).where('application_id', '=', id).where('rank', '=', c.rank).execute();
    } else {
      await this.trx.deleteFrom('application_choices').where('application_id', '=', id).execute();
      for (const c of app.choices) await this.trx.insertInto('application_choices').values({ application_id: id, rank: c.rank, organisation_id: c.organisationId, place_id: null, raw_text: c.rawText }).execute();
    }
  }
}
