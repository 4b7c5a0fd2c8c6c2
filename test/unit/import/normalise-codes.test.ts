import { describe, expect, it } from 'vitest';
import { CELL_ISSUE_CODES, CellIssueSchema } from '../../../src-shared/schemas/import-preview.schema';
import { CELL_ISSUE_CASES, issuesOf } from './cell-issue-cases';

/*
 * Every refused cell carries a stable code and the params its reason is written with, so the window
 * can say it in the coordinator's language; the English message (printed by the CLI) stays as it was.
 */

describe('codes of refused cells', () => {
  it.each(CELL_ISSUE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const issues = issuesOf(c);
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    expect(CellIssueSchema.parse(issue)).toEqual(issue);
    expect(issue).toMatchObject({ row: 2, code: c.code, message: c.message });
    expect(issue?.params).toEqual(c.params);
    expect(CELL_ISSUE_CODES).toContain(issue?.code);
  });

  it('covers every code the normaliser can give', () => {
    expect(new Set(CELL_ISSUE_CASES.map((c) => c.code))).toEqual(new Set(CELL_ISSUE_CODES));
  });

  it('gives every issue of a row with many refused cells its own code, left to right', () => {
    const issues = issuesOf({ kind: 'participants', row: { firstName: 'An', email: 'an@', phone: '12', submittedAt: 'gisteren', isEarlyBird: 'misschien' } });
    expect(issues.map((i) => [i.columnLetter, i.code, i.params])).toEqual([
      ['B', 'email', { value: 'an@' }],
      ['C', 'phone', { value: '12' }],
      ['D', 'date', { value: 'gisteren' }],
      ['E', 'yes_no', { value: 'misschien' }],
    ]);
  });
});
