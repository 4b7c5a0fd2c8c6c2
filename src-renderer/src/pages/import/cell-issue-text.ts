import type { TFunction } from 'i18next';
import type { CellIssue, CellIssueCode } from '../../../../src-shared/schemas/import-preview.schema';

/*
 * Why a cell was refused, in the coordinator's language. The service sends every refused cell with a
 * stable code, its params (the cell text as {{value}}, a limit as {{max}}) and an English sentence the
 * CLI prints; the window writes the reason from the code. A code this version does not know (a newer
 * service) falls back to the service's sentence.
 */

// i18next reads "_word" at the end of a key as a context, so the texts use camelCase keys. `params`
// lists what the text writes in: without them the service's sentence is shown.
export const CELL_ISSUE_TEXTS = {
  too_long: { key: 'tooLong', params: ['max'] },
  email: { key: 'email', params: ['value'] },
  phone: { key: 'phone', params: ['value'] },
  postcode: { key: 'postcode', params: ['value'] },
  whole_number_participants: { key: 'wholeNumberParticipants', params: ['value', 'max'] },
  whole_number_places: { key: 'wholeNumberPlaces', params: ['value', 'max'] },
  hours: { key: 'hours', params: ['value'] },
  yes_no: { key: 'yesNo', params: ['value'] },
  date: { key: 'date', params: ['value'] },
  language: { key: 'language', params: ['value'] },
  role: { key: 'role', params: ['value'] },
  format: { key: 'format', params: ['value'] },
  website: { key: 'website', params: ['value'] },
  missing_email: { key: 'missingEmail', params: [] },
  missing_name: { key: 'missingName', params: [] },
  missing_organisation_name: { key: 'missingOrganisationName', params: [] },
  missing_capacity: { key: 'missingCapacity', params: [] },
  missing_hours: { key: 'missingHours', params: [] },
} as const satisfies Record<CellIssueCode, { key: string; params: readonly ('value' | 'max')[] }>;

function isKnownCode(code: string): code is CellIssueCode {
  return Object.hasOwn(CELL_ISSUE_TEXTS, code);
}

/** The reason of one refused cell in the window's language; the service's sentence for an unknown code. */
export function cellIssueText(issue: Pick<CellIssue, 'code' | 'params' | 'message'>, t: TFunction): string {
  if (!isKnownCode(issue.code)) return issue.message;
  const { key, params } = CELL_ISSUE_TEXTS[issue.code];
  const given = issue.params ?? {};
  if (!params.every((p: 'value' | 'max') => given[p] !== undefined)) return issue.message;
  return t(`importer.cellIssues.${key}`, { value: given.value ?? '', max: given.max ?? '' });
}
