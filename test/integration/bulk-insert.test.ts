import { describe, expect, it } from 'vitest';
import { bulkInsert } from '../../src-main/db/repositories/bulk-insert';
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
});
