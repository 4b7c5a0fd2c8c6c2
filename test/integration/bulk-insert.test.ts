import { describe, expect, it } from 'vitest';
import { bulkInsert, ROWS_PER_STATEMENT } from '../../src-main/db/repositories/bulk-insert';
import { createTestContext } from '../helpers/context';

describe('bulkInsert', () => {
  it('returns the new ids in row order inside a transaction, and is refused outside one', async () => {
    const ctx = await createTestContext();
    try {
      const at = '2026-11-23T10:00:00';
      const row = (email: string) => ['Voornaam', email, at, at];
      expect(() => bulkInsert(ctx.db, 'people', ['first_name', 'email', 'created_at', 'updated_at'], [row('a@voorbeeld.be')])).toThrow(/inside a transaction/);
      const ids = await ctx.db.transaction().execute(async () => bulkInsert(ctx.db, 'people', ['first_name', 'email', 'created_at', 'updated_at'], [row('b@voorbeeld.be'), row('c@voorbeeld.be')]));
      const stored = await ctx.db.selectFrom('people').select(['id', 'email']).orderBy('id').execute();
      expect(stored).toEqual([{ id: ids[0], email: 'b@voorbeeld.be' }, { id: ids[1], email: 'c@voorbeeld.be' }]);
      // A failing row inside the transaction takes the whole transaction back.
      await expect(ctx.db.transaction().execute(async () => bulkInsert(ctx.db, 'people', ['first_name', 'email', 'created_at', 'updated_at'], [row('d@voorbeeld.be'), row('b@voorbeeld.be')]))).rejects.toThrow(/UNIQUE/);
      expect(await ctx.db.selectFrom('people').select('email').execute()).toHaveLength(2);
    } finally {
      await ctx.close();
    }
  });

  it('numbers rows on from the largest id over several statements, and writes tables without ids', async () => {
    const ctx = await createTestContext();
    try {
      const at = '2026-11-23T10:00:00';
      const count = ROWS_PER_STATEMENT * 2 + 37;
      const rows = Array.from({ length: count }, (_, i) => [`Voornaam${i}`, `p${i}@voorbeeld.be`, at, at]);
      await ctx.db.insertInto('people').values({ id: 40, first_name: 'Eerst', email: 'eerst@voorbeeld.be', created_at: at, updated_at: at } as never).execute();
      const ids = await ctx.db.transaction().execute(async () => bulkInsert(ctx.db, 'people', ['first_name', 'email', 'created_at', 'updated_at'], rows));
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => 41 + i));
      const stored = await ctx.db.selectFrom('people').select(['id', 'email']).where('id', '>', 40).orderBy('id').execute();
      expect(stored.map((r) => r.email)).toEqual(rows.map((r) => r[1]));
      const programme = await ctx.db.insertInto('programmes').values({ name: 'P', kind: 'kijkstage', created_at: at, updated_at: at } as never).returning('id').executeTakeFirstOrThrow();
      const [app] = await ctx.db.transaction().execute(async () => bulkInsert(ctx.db, 'applications', ['programme_id', 'participant_id', 'submitted_at'], [[programme.id, 41, at]]));
      const none = await ctx.db.transaction().execute(async () =>
        bulkInsert(ctx.db, 'application_choices', ['application_id', 'rank', 'raw_text'], Array.from({ length: 150 }, (_, i) => [app, i + 1, `Keuze ${i + 1}`]), { withIds: false }),
      );
      expect(none).toEqual([]);
      const choices = await ctx.db.selectFrom('application_choices').select(['rank', 'raw_text']).orderBy('rank').execute();
      expect(choices).toHaveLength(150);
      expect(choices[149]).toEqual({ rank: 150, raw_text: 'Keuze 150' });
    } finally {
      await ctx.close();
    }
  });
});
