import type BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { sqliteOf, type Db } from '../connection';
import type { Database } from '../schema';

/**
 * Inserts many rows of one table and returns the new row ids in the order of `rows`. For imports:
 * 10,000 sign-ups are 50,000 rows (people, applications, choices). Through Kysely each row was a
 * statement compiled and prepared anew (~2 s); rows packed into one JSON parameter and unpacked by
 * json_each took ~200 ms; a prepared statement run per row ~100 ms, most of it the cost of running a
 * statement; prepared multi-row INSERTs of ROWS_PER_STATEMENT rows take a third of that for the same rows.
 *
 * Tables with an `id INTEGER PRIMARY KEY` get their ids here, counting on from the largest id, which is
 * what SQLite itself would give them (no table here uses AUTOINCREMENT); pass `withIds: false` for
 * tables without one (the ids returned are then empty).
 *
 * Pass the Kysely instance openDatabase made (ctx.db) and call it inside a transaction on it (see
 * sqliteOf): outside one, every statement would be its own transaction and the ids could be taken by
 * another writer, so that is refused. Values must be text, numbers or null (booleans are stored as 0/1 by the caller).
 */

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** A statement prepared once per connection, looked up by a short key (the SQL text of 100 rows is long). */
function prepared(sqlite: BetterSqlite3.Database, key: string, text: () => string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(key);
  if (!statement) cache.set(key, (statement = sqlite.prepare(text())));
  return statement;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Rows per INSERT statement; with 17 columns well under SQLite's limit of 32,766 parameters. */
export const ROWS_PER_STATEMENT = 100;

export function bulkInsert<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string>(
  db: Db,
  table: T,
  columns: readonly C[],
  rows: readonly (readonly unknown[])[],
  options: { withIds?: boolean } = {},
): number[] {
  if (rows.length === 0) return [];
  const sqlite = sqliteOf(db);
  // Names come from code, never from a file; checked anyway, as they are spliced into the SQL text.
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`Not a column name: ${name}`);
  if (!sqlite.inTransaction) throw new Error('bulkInsert runs inside a transaction.');
  const withIds = options.withIds ?? true;
  const names = withIds ? ['id', ...columns] : [...columns];
  const width = names.length;
  const tuple = `(${names.map(() => '?').join(', ')})`;
  const key = `${table}(${names.join(',')})`;
  const statementFor = (n: number) => prepared(sqlite, `${key}x${n}`, () => `INSERT INTO ${table} (${names.join(', ')}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`);
  const ids: number[] = [];
  let nextId = withIds ? Number((prepared(sqlite, `max:${table}`, () => `SELECT COALESCE(MAX(id), 0) AS id FROM ${table}`).get() as { id: number }).id) + 1 : 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const count = Math.min(ROWS_PER_STATEMENT, rows.length - start);
    const params: unknown[] = new Array<unknown>(count * width);
    let k = 0;
    for (let i = start; i < start + count; i++) {
      const row = rows[i] as readonly unknown[];
      if (row.length !== columns.length) throw new Error(`Row ${i} of ${table} has ${row.length} values for ${columns.length} columns.`);
      if (withIds) {
        ids.push(nextId);
        params[k++] = nextId++;
      }
      for (const value of row) params[k++] = value;
    }
    statementFor(count).run(params);
  }
  return ids;
}
