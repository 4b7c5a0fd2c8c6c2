import type BetterSqlite3 from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { sqliteOf, type Db } from '../connection';
import type { Database } from '../schema';

/**
 * Inserts many rows of one table through one prepared statement, run once per row, and returns the new
 * row ids in the order of `rows`. For imports: 10,000 sign-ups are 50,000 rows (people, applications,
 * choices). Through Kysely each row was a statement compiled and prepared anew (~2 s); rows packed
 * into one JSON parameter and unpacked by json_each took ~200 ms, most of it parsing the JSON again per
 * column; a prepared statement run per row takes ~100 ms, close to SQLite's own insert and index work.
 *
 * Pass the Kysely instance openDatabase made (ctx.db) and call it inside a transaction on it (see
 * sqliteOf): outside one, every row would be its own transaction, so that is refused. Values must be text, numbers or null (booleans are stored as 0/1 by the caller).
 */

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function bulkInsert<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string>(
  db: Db,
  table: T,
  columns: readonly C[],
  rows: readonly (readonly unknown[])[],
): number[] {
  if (rows.length === 0) return [];
  const sqlite = sqliteOf(db);
  // Names come from code, never from a file; checked anyway, as they are spliced into the SQL text.
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`Not a column name: ${name}`);
  if (!sqlite.inTransaction) throw new Error('bulkInsert runs inside a transaction.');
  const statement = prepared(sqlite, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const ids: number[] = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    if (row.length !== columns.length) throw new Error(`Row ${i} of ${table} has ${row.length} values for ${columns.length} columns.`);
    ids[i] = Number(statement.run(...row).lastInsertRowid);
  }
  return ids;
}
