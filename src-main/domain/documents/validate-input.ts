import type { z } from 'zod';
import { AppError } from '../../../src-shared/errors';

/**
 * Parses document input with its schema and turns zod issues into one sentence per problem, prefixed
 * with where it is ("participant.email: ..."), so the documents service can show it as is.
 * `what` names the document ("the programme of Eva Janssens").
 */
export function parseDocumentInput<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  throw new AppError('invalid_input', `Cannot make ${what}: ${problems.join(' ')}`, { problems });
}
