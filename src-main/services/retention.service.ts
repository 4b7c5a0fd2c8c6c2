import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import { AppError } from '../../src-shared/errors';
import type { RetentionCounts, RetentionPreview, RetentionProgramme, RetentionPurgeResult, RetentionScope, RetentionStatus } from '../../src-shared/schemas/retention.schema';
import type { Db } from '../db/connection';
import { appendAudit } from '../db/repositories/audit.repository';
import { isoNow, type ServiceContext } from './context';
import { ERASE_PEOPLE_SQL, changeEveryBackup, flushDeletedPages, runWithParameter } from './person-data.service';

/*
 * Retention (GDPR storage limitation). Each programme may set a retention period in months. The rule:
 *
 * - A programme ends on the latest date it knows of: the end of its exchange window, of its rounds'
 *   exchange windows, of its edited time-path phases, its group sessions (the debrief comes after
 *   the shadowing) and its placements' shadowing blocks. A programme with none of these dates has
 *   no end, and one without a retention period keeps its data: neither is ever purged.
 * - Its personal data is kept up to and including the end date plus the retention period in
 *   calendar months (31 Jan + 1 month = 28/29 Feb), and is purged from the day after.
 * - A purge erases the people who take part only in the expired programmes in scope (as
 *   `person erase` does: secure_delete, audit details blanked, every backup too), and removes the
 *   expired programmes' applications (with choices, placements and blocks), session attendance,
 *   consents, forbidden pairs, mentor links, matching scenarios and import records. People who also
 *   take part in another programme keep their data and lose only the expired programme's links.
 *   What stays is the programme itself: its name, settings, places, sessions and organisations.
 */

/** Every (person, programme) pair: how a person takes part in a programme. */
const LINKS = `
  SELECT participant_id AS person_id, programme_id FROM applications
  UNION SELECT pl.mentor_id, a.programme_id FROM placements pl JOIN applications a ON a.id = pl.application_id WHERE pl.mentor_id IS NOT NULL
  UNION SELECT mentor_id, programme_id FROM places WHERE mentor_id IS NOT NULL
  UNION SELECT sa.person_id, s.programme_id FROM session_attendance sa JOIN group_sessions s ON s.id = sa.session_id
  UNION SELECT person_id, programme_id FROM consents WHERE person_id IS NOT NULL AND programme_id IS NOT NULL
  UNION SELECT participant_id, programme_id FROM forbidden_pairs`;

const IN_IDS = '(SELECT value FROM json_each(?))';

/** People linked to the programmes (JSON ids, given twice); only_expired = 1 when linked to no other programme. */
const CLASSIFY_SQL = `WITH links(person_id, programme_id) AS (${LINKS})
  SELECT person_id, MIN(programme_id IN ${IN_IDS}) AS only_expired FROM links
  GROUP BY person_id HAVING MAX(programme_id IN ${IN_IDS}) = 1`;

const COUNT_APPLICATIONS_SQL = `SELECT COUNT(*) AS n FROM applications WHERE programme_id IN ${IN_IDS}`;
const COUNT_PLACEMENTS_SQL = `SELECT COUNT(*) AS n FROM placements pl JOIN applications a ON a.id = pl.application_id WHERE a.programme_id IN ${IN_IDS}`;

/** Removes what ties people to the programmes (one parameter each: the JSON array of programme ids). */
const PURGE_LINKS_SQL: readonly string[] = [
  `DELETE FROM applications WHERE programme_id IN ${IN_IDS}`,
  `DELETE FROM session_attendance WHERE session_id IN (SELECT id FROM group_sessions WHERE programme_id IN ${IN_IDS})`,
  `DELETE FROM consents WHERE programme_id IN ${IN_IDS}`,
  `DELETE FROM forbidden_pairs WHERE programme_id IN ${IN_IDS}`,
  `UPDATE places SET mentor_id = NULL WHERE mentor_id IS NOT NULL AND programme_id IN ${IN_IDS}`,
  `DELETE FROM matching_scenarios WHERE programme_id IN ${IN_IDS}`,
  `DELETE FROM imports WHERE programme_id IN ${IN_IDS}`,
];

/** Anything personal left for a programme: links, scenarios (they name participants) or import records. */
const HAS_PERSONAL_DATA_SQL = `SELECT
  EXISTS (SELECT 1 FROM (${LINKS}) WHERE programme_id = ?)
  OR EXISTS (SELECT 1 FROM matching_scenarios WHERE programme_id = ?)
  OR EXISTS (SELECT 1 FROM imports WHERE programme_id = ?) AS has`;

const END_DATES_SQL = `SELECT p.id, p.name, p.retention_months, p.created_at, NULLIF(MAX(
    COALESCE(p.exchange_ends, ''),
    COALESCE((SELECT MAX(exchange_ends) FROM rounds r WHERE r.programme_id = p.id), ''),
    COALESCE((SELECT MAX(ends) FROM programme_phases ph WHERE ph.programme_id = p.id), ''),
    COALESCE((SELECT MAX(date) FROM group_sessions s WHERE s.programme_id = p.id), ''),
    COALESCE((SELECT MAX(b.date) FROM shadow_blocks b JOIN placements pl ON pl.id = b.placement_id JOIN applications a ON a.id = pl.application_id WHERE a.programme_id = p.id), '')
  ), '') AS ended_on
  FROM programmes p ORDER BY p.id`;

/** `YYYY-MM-DD` plus whole calendar months; the day is clamped to the target month's length. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Where a programme stands on `asOf` (YYYY-MM-DD); pure, so the rule can be tested on its own. */
export function retentionStatus(p: { retentionMonths: number | null; endedOn: string | null; hasPersonalData: boolean }, asOf: string): { status: RetentionStatus; keptUntil: string | null } {
  if (p.retentionMonths === null) return { status: 'no_period', keptUntil: null };
  if (p.endedOn === null) return { status: 'no_end_date', keptUntil: null };
  const keptUntil = addMonths(p.endedOn, p.retentionMonths);
  if (asOf <= keptUntil) return { status: 'kept', keptUntil };
  return { status: p.hasPersonalData ? 'expired' : 'purged', keptUntil };
}

async function rows<T>(db: Db, text: string, parameters: unknown[] = []): Promise<T[]> {
  return (await db.executeQuery<T>(CompiledQuery.raw(text, parameters))).rows;
}

async function countsFor(db: Db, programmeIds: number[]): Promise<{ counts: RetentionCounts; erase: number[] }> {
  const json = JSON.stringify(programmeIds);
  const people = await rows<{ person_id: number; only_expired: number }>(db, CLASSIFY_SQL, [json, json]);
  const erase = people.filter((p) => p.only_expired === 1).map((p) => p.person_id);
  const applications = (await rows<{ n: number }>(db, COUNT_APPLICATIONS_SQL, [json]))[0]?.n ?? 0;
  const placements = (await rows<{ n: number }>(db, COUNT_PLACEMENTS_SQL, [json]))[0]?.n ?? 0;
  return { counts: { peopleToErase: erase.length, peopleToUnlink: people.length - erase.length, applications, placements }, erase };
}

const ZERO: RetentionCounts = { peopleToErase: 0, peopleToUnlink: 0, applications: 0, placements: 0 };

/**
 * The dry run: for every programme in scope, its end, how long its data is kept and whether it has
 * expired, with what a purge would remove. Writes nothing.
 */
export async function previewRetention(ctx: ServiceContext, scope: RetentionScope = {}): Promise<RetentionPreview> {
  const asOf = isoNow(ctx).slice(0, 10);
  const all = await rows<{ id: number; name: string; retention_months: number | null; ended_on: string | null }>(ctx.db, END_DATES_SQL);
  const inScope = scope.programmeId === undefined ? all : all.filter((p) => p.id === scope.programmeId);
  if (scope.programmeId !== undefined && inScope.length === 0) throw new AppError('not_found', `There is no programme ${scope.programmeId}. Choose one from the list.`);
  const programmes: RetentionProgramme[] = [];
  for (const p of inScope) {
    const has = (await rows<{ has: number }>(ctx.db, HAS_PERSONAL_DATA_SQL, [p.id, p.id, p.id]))[0]?.has === 1;
    const { status, keptUntil } = retentionStatus({ retentionMonths: p.retention_months, endedOn: p.ended_on, hasPersonalData: has }, asOf);
    programmes.push({ programmeId: p.id, name: p.name, retentionMonths: p.retention_months, endedOn: p.ended_on, keptUntil, status, counts: ZERO });
  }
  const expired = programmes.filter((p) => p.status === 'expired').map((p) => p.programmeId);
  const total = expired.length > 0 ? (await countsFor(ctx.db, expired)).counts : ZERO;
  // Per programme, people are classified against the whole expired set (as the purge does).
  for (const p of programmes) {
    if (p.status !== 'expired') continue;
    const json = JSON.stringify(expired);
    const people = await rows<{ person_id: number; only_expired: number }>(ctx.db, CLASSIFY_SQL, [json, json]);
    const mine = new Set((await rows<{ person_id: number }>(ctx.db, `SELECT DISTINCT person_id FROM (${LINKS}) WHERE programme_id = ?`, [p.programmeId])).map((r) => r.person_id));
    const own = people.filter((x) => mine.has(x.person_id));
    const single = JSON.stringify([p.programmeId]);
    p.counts = {
      peopleToErase: own.filter((x) => x.only_expired === 1).length,
      peopleToUnlink: own.filter((x) => x.only_expired !== 1).length,
      applications: (await rows<{ n: number }>(ctx.db, COUNT_APPLICATIONS_SQL, [single]))[0]?.n ?? 0,
      placements: (await rows<{ n: number }>(ctx.db, COUNT_PLACEMENTS_SQL, [single]))[0]?.n ?? 0,
    };
  }
  return { asOf, programmes, total };
}

/**
 * Purges the personal data of the expired programmes in scope, in one transaction, then from every
 * backup (where the same programme, by id, name and creation time, is found). Records the purge in
 * the audit log with counts only. Nothing is backed up first: a copy would keep what must go.
 */
export async function purgeRetention(ctx: ServiceContext, scope: RetentionScope = {}): Promise<RetentionPurgeResult> {
  const preview = await previewRetention(ctx, scope);
  const expired = preview.programmes.filter((p) => p.status === 'expired').map((p) => p.programmeId);
  const empty: RetentionPurgeResult = { asOf: preview.asOf, purgedProgrammeIds: [], erased: 0, unlinked: 0, applicationsRemoved: 0, placementsRemoved: 0, backupsCleaned: 0 };
  if (expired.length === 0) return empty;
  const json = JSON.stringify(expired);
  const identity = await ctx.db.selectFrom('programmes').select(['id', 'name', 'created_at']).where('id', 'in', expired).execute();

  await sql`PRAGMA secure_delete = ON`.execute(ctx.db);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const { counts, erase } = await countsFor(trx, expired);
    await runWithParameter(trx, ERASE_PEOPLE_SQL, JSON.stringify(erase));
    await runWithParameter(trx, PURGE_LINKS_SQL, json);
    await appendAudit(trx, {
      at: isoNow(ctx),
      actor: ctx.actor,
      action: 'retention_purge',
      entity: 'programme',
      entityId: expired.length === 1 ? (expired[0] ?? null) : null,
      details: { programmes: expired, erased: counts.peopleToErase, unlinked: counts.peopleToUnlink, applications: counts.applications, placements: counts.placements },
    });
    return counts;
  });
  await flushDeletedPages(ctx);

  const backupsCleaned = changeEveryBackup(ctx, (db) => purgeBackup(db, identity));
  return {
    asOf: preview.asOf,
    purgedProgrammeIds: expired,
    erased: done.peopleToErase,
    unlinked: done.peopleToUnlink,
    applicationsRemoved: done.applications,
    placementsRemoved: done.placements,
    backupsCleaned,
  };
}

/** The same purge inside one backup file (already in a transaction); true when anything changed. */
function purgeBackup(db: BetterSqlite3.Database, programmes: { id: number; name: string; created_at: string }[]): boolean {
  const same = db.prepare('SELECT 1 FROM programmes WHERE id = ? AND name = ? AND created_at = ?');
  const ids = programmes.filter((p) => same.get(p.id, p.name, p.created_at) !== undefined).map((p) => p.id);
  if (ids.length === 0) return false;
  const json = JSON.stringify(ids);
  const people = db.prepare(CLASSIFY_SQL).all(json, json) as { person_id: number; only_expired: number }[];
  const erase = JSON.stringify(people.filter((p) => p.only_expired === 1).map((p) => p.person_id));
  let changes = 0;
  for (const text of ERASE_PEOPLE_SQL) changes += db.prepare(text).run(erase).changes;
  for (const text of PURGE_LINKS_SQL) changes += db.prepare(text).run(json).changes;
  return changes > 0;
}
