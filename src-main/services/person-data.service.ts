import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../db/connection';
import { AppError } from '../../src-shared/errors';
import { EmailSchema } from '../../src-shared/schemas/common.schema';
import { appendAudit } from '../db/repositories/audit.repository';
import { findPersonByEmail } from '../db/repositories/person.repository';
import { listBackupFiles } from '../io/backup-files';
import { writeJsonFile, writePersonWorkbook } from '../io/person-export';
import { backupDir } from './backup.service';
import { isoNow, type ServiceContext } from './context';

/** Everything Meeloop holds about one person, grouped by what it is (GDPR access request). */
export interface PersonDossier {
  exportedAt: string;
  person: Record<string, unknown>;
  organisation: Record<string, unknown> | null;
  applications: Record<string, unknown>[];
  choices: Record<string, unknown>[];
  placements: Record<string, unknown>[];
  mentoring: Record<string, unknown>[];
  placesAsMentor: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
  shadowBlocks: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  auditLog: Record<string, unknown>[];
}

function parseEmail(email: string): string {
  const r = EmailSchema.safeParse(email);
  if (!r.success) throw new AppError('invalid_input', `"${email}" is not an e-mail address. Give the person's e-mail address.`);
  return r.data;
}

async function findOrThrow(ctx: ServiceContext, email: string) {
  const person = await findPersonByEmail(ctx.db, parseEmail(email));
  if (!person) throw new AppError('not_found', `Nobody with e-mail ${email} is in this database. Check the address.`);
  return person;
}

/** Gathers the dossier of one person (read only). */
export async function gatherDossier(ctx: ServiceContext, email: string): Promise<PersonDossier> {
  const person = await findOrThrow(ctx, email);
  const db = ctx.db;
  const id = person.id;
  const rows = async (q: ReturnType<typeof sql>) => (await q.execute(db)).rows as Record<string, unknown>[];
  const organisation = person.organisationId
    ? ((await db.selectFrom('organisations').select(['id', 'name', 'address', 'postcode', 'municipality']).where('id', '=', person.organisationId).executeTakeFirst()) ?? null)
    : null;
  return {
    exportedAt: isoNow(ctx),
    person: { ...person },
    organisation,
    applications: await rows(sql`SELECT a.*, p.name AS programme FROM applications a JOIN programmes p ON p.id = a.programme_id WHERE a.participant_id = ${id} ORDER BY a.id`),
    choices: await rows(sql`SELECT c.*, o.name AS organisation FROM application_choices c JOIN applications a ON a.id = c.application_id LEFT JOIN organisations o ON o.id = c.organisation_id WHERE a.participant_id = ${id} ORDER BY c.application_id, c.rank`),
    placements: await rows(sql`SELECT pl.*, o.name AS host FROM placements pl JOIN applications a ON a.id = pl.application_id JOIN organisations o ON o.id = pl.organisation_id WHERE a.participant_id = ${id} ORDER BY pl.id`),
    mentoring: await rows(sql`SELECT pl.id, pl.status, o.name AS host FROM placements pl JOIN organisations o ON o.id = pl.organisation_id WHERE pl.mentor_id = ${id} ORDER BY pl.id`),
    placesAsMentor: await rows(sql`SELECT id, team, programme_id FROM places WHERE mentor_id = ${id} ORDER BY id`),
    sessions: await rows(sql`SELECT s.title, s.kind, s.date, s.start_time, s.end_time, s.location, sa.status FROM session_attendance sa JOIN group_sessions s ON s.id = sa.session_id WHERE sa.person_id = ${id} ORDER BY s.date`),
    shadowBlocks: await rows(sql`SELECT b.* FROM shadow_blocks b JOIN placements pl ON pl.id = b.placement_id JOIN applications a ON a.id = pl.application_id WHERE a.participant_id = ${id} OR pl.mentor_id = ${id} ORDER BY b.date, b.start_time`),
    consents: await rows(sql`SELECT * FROM consents WHERE person_id = ${id} ORDER BY id`),
    auditLog: await rows(sql`SELECT at, actor, action, entity FROM audit_log WHERE entity = 'person' AND entity_id = ${id} ORDER BY id`),
  };
}

/**
 * Exports everything about one person to a .json or .xlsx file (access request), and records
 * the export in the audit log: who exported whose data, when, and where to.
 */
export async function exportPerson(ctx: ServiceContext, email: string, outFile: string): Promise<{ file: string; format: 'json' | 'xlsx'; sections: Record<string, number> }> {
  const ext = path.extname(outFile).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') throw new AppError('invalid_input', 'Give a file name ending in .json or .xlsx.');
  const file = path.resolve(outFile);
  if (fs.existsSync(file)) throw new AppError('conflict', `${file} already exists. Choose another file name; Meeloop never overwrites a file.`);
  const dossier = await gatherDossier(ctx, email);
  if (ext === '.json') writeJsonFile(file, dossier);
  else await writePersonWorkbook(file, dossier as unknown as Record<string, unknown>);
  const sections = Object.fromEntries(Object.entries(dossier).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
  await appendAudit(ctx.db, { at: isoNow(ctx), actor: ctx.actor, action: 'export_personal_data', entity: 'person', entityId: dossier.person.id as number, details: { format: ext.slice(1), file } });
  return { file, format: ext === '.json' ? 'json' : 'xlsx', sections };
}

/**
 * Erasing people, shared by `erasePerson` and the retention purge (retention.service.ts). Each
 * statement takes one parameter: a JSON array of person ids. Audit entries about them keep only
 * that something happened; their consents go, and deleting the person cascades to applications,
 * choices, placements, blocks, session attendance and forbidden pairs (mentor links become empty).
 */
export const ERASE_PEOPLE_SQL: readonly string[] = [
  "UPDATE audit_log SET details = '{}' WHERE entity = 'person' AND entity_id IN (SELECT value FROM json_each(?))",
  'DELETE FROM consents WHERE person_id IN (SELECT value FROM json_each(?))',
  'DELETE FROM people WHERE id IN (SELECT value FROM json_each(?))',
];

/** Runs SQL statements that each take the same single parameter, inside the caller's transaction. */
export async function runWithParameter(db: Db, statements: readonly string[], parameter: string): Promise<void> {
  for (const text of statements) await db.executeQuery(CompiledQuery.raw(text, [parameter]));
}

/**
 * Applies `change` to every backup in the backup folder, in place, with secure_delete on and a
 * VACUUM afterwards so that no page of the old content survives in the file. `change` runs inside
 * a transaction and says whether it changed anything. Returns how many backups changed.
 */
export function changeEveryBackup(ctx: ServiceContext, change: (db: BetterSqlite3.Database) => boolean): number {
  if (ctx.dbPath === ':memory:') return 0;
  let changed = 0;
  for (const b of listBackupFiles(backupDir(ctx))) {
    const db = new BetterSqlite3(b.file);
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      if (db.transaction(() => change(db))()) {
        db.exec('VACUUM');
        changed++;
      }
    } finally {
      db.close();
    }
  }
  return changed;
}

/**
 * After deleting personal data from the live database: secure_delete zeroes freed pages in the
 * database file, but in WAL mode the old pages also sit in the -wal file until a checkpoint; this
 * writes them back and empties the WAL.
 */
export async function flushDeletedPages(ctx: ServiceContext): Promise<void> {
  if (ctx.dbPath !== ':memory:') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(ctx.db);
}

/**
 * Erases a person everywhere: the database (with secure_delete, so the bytes are overwritten) and
 * every backup in the backup folder. Audit entries keep only that an erasure happened.
 */
export async function erasePerson(ctx: ServiceContext, email: string): Promise<{ erased: string; backupsCleaned: number }> {
  const person = await findOrThrow(ctx, email);
  const address = person.email as string;
  await sql`PRAGMA secure_delete = ON`.execute(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await runWithParameter(trx, ERASE_PEOPLE_SQL, JSON.stringify([person.id]));
    await appendAudit(trx, { at: isoNow(ctx), actor: ctx.actor, action: 'erase_person', entity: 'person', entityId: person.id });
  });
  await flushDeletedPages(ctx);
  const cleaned = changeEveryBackup(ctx, (db) => {
    const row = db.prepare('SELECT id FROM people WHERE email = ?').get(address) as { id: number } | undefined;
    if (!row) return false;
    for (const text of ERASE_PEOPLE_SQL) db.prepare(text).run(JSON.stringify([row.id]));
    return true;
  });
  return { erased: address, backupsCleaned: cleaned };
}
