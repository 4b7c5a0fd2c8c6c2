import type { TFunction } from 'i18next';
import type { Conflict, Phase, SessionOverlap, Task, Unassigned } from '../../../../src-shared/schemas/planner.schema';
import { formatDate, formatHours, isIsoDate } from './dates';

/*
 * The planner service explains itself in English with a code and params (the CLI prints the
 * English). The window says the same in the coordinator's language from the code; an unknown code
 * falls back to the service's own sentence, which is still better than nothing.
 * No window here (the unit tests render these texts in Node); refusal-texts.ts reads the bridge's errors.
 */

export type Params = Record<string, string | number | null | undefined>;

// i18next reads "_word" at the end of a key as a context, so the texts use camelCase keys.
const RULE_KEYS = {
  outside_window: 'outsideWindow',
  on_holiday: 'onHoliday',
  before_preparation: 'beforePreparation',
  participant_double_booked: 'participantDoubleBooked',
  mentor_double_booked: 'mentorDoubleBooked',
  over_max_hours_per_day: 'overMaxHoursPerDay',
  participant_unavailable: 'participantUnavailable',
  host_unavailable: 'hostUnavailable',
  block_done: 'blockDone',
  block_not_found: 'blockNotFound',
  split_outside_block: 'splitOutsideBlock',
  invalid_block: 'invalidBlock',
} as const;

const FIX_KEYS = {
  outside_window: 'outsideWindow',
  on_holiday: 'onHoliday',
  before_preparation: 'beforePreparation',
  participant_double_booked: 'participantDoubleBooked',
  mentor_double_booked: 'mentorDoubleBooked',
  over_max_hours_per_day: 'overMaxHoursPerDay',
  invalid_block: 'invalidBlock',
} as const;

const PROBLEM_KEYS = {
  no_exchange_window: 'noExchangeWindow',
  preparation_after_window: 'preparationAfterWindow',
  no_common_availability: 'noCommonAvailability',
  no_required_hours: 'noRequiredHours',
  no_hours_per_day: 'noHoursPerDay',
  hours_do_not_fit: 'hoursDoNotFit',
} as const;

const UNASSIGNED_KEYS = {
  no_session_of_kind: 'noSessionOfKind',
  no_session_for_role: 'noSessionForRole',
  no_session_for_network: 'noSessionForNetwork',
  sessions_full: 'sessionsFull',
  sessions_overlap: 'sessionsOverlap',
} as const;

/** A double booking with a group session instead of another block: its own text and fix. */
const SESSION_RULE_KEYS = {
  participant_double_booked: 'participantDoubleBookedSession',
  mentor_double_booked: 'mentorDoubleBookedSession',
} as const;

const SESSION_KINDS = ['preparation', 'debrief', 'intervision'] as const;

const CONSENT_KEYS = { client_consent: 'clientConsent', confidentiality: 'confidentiality', data_sharing: 'dataSharing' } as const;

/** The camelCase text key of a snake_case code, or undefined for a code the window does not know. */
function keyOf<M extends Record<string, string>>(map: M, code: string): M[keyof M] | undefined {
  return Object.prototype.hasOwnProperty.call(map, code) ? (map[code] as M[keyof M]) : undefined;
}

/*
 * Every variable the texts use, empty unless the service sent it: the typed t() wants each one,
 * and a variable the service did not send shows as nothing rather than as {{name}}.
 */
const RULE_VARIABLES = { date: '', startTime: '', endTime: '', windowStart: '', windowEnd: '', holiday: '', name: '', preparationDate: '', otherStart: '', otherEnd: '', host: '', hours: '', maxHours: '', sessionTitle: '', sessionKind: '' };
const PROBLEM_VARIABLES = { name: '', preparationDate: '', windowEnd: '', missingHours: '', from: '', to: '' };

/** Dates as the reader writes them, numbers with the local decimal comma. */
function localParams(params: Params, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined) out[k] = '';
    else if (typeof v === 'number') out[k] = formatHours(v, language);
    else out[k] = isIsoDate(v) ? formatDate(v, language) : v;
  }
  return out;
}

const hasSession = (params: Params | undefined): boolean => params !== undefined && params.sessionId !== undefined && params.sessionId !== null;

/** The session kind in the UI language ("voorbereiding"), or the code as it came. */
function sessionKindText(t: TFunction, kind: string | number | null | undefined): string {
  const k = SESSION_KINDS.find((x) => x === kind);
  return k ? t(`planner.sessionKinds.${k}`) : kind === null || kind === undefined ? '' : String(kind);
}

/** One broken block rule (a refusal or a warning) in the UI language. */
export function ruleText(t: TFunction, language: string, code: string, params: Params, fallback: string): string {
  const variables = { ...RULE_VARIABLES, ...localParams(params, language) };
  const sessionKey = hasSession(params) ? keyOf(SESSION_RULE_KEYS, code) : undefined;
  if (sessionKey) return t(`planner.rules.${sessionKey}`, { ...variables, sessionKind: sessionKindText(t, params.sessionKind) });
  const key = keyOf(RULE_KEYS, code);
  return key ? t(`planner.rules.${key}`, variables) : fallback;
}

export function problemText(t: TFunction, language: string, p: { code: string; message: string; participantName: string; missingHours: number; params?: Params | undefined }): string {
  const key = keyOf(PROBLEM_KEYS, p.code);
  return key ? t(`planner.problems.${key}`, { ...PROBLEM_VARIABLES, ...localParams({ name: p.participantName, missing: p.missingHours, ...(p.params ?? {}) }, language) }) : p.message;
}

export function conflictTitle(t: TFunction, c: Conflict): string {
  const key = keyOf(RULE_KEYS, c.rule);
  return key ? t(`planner.ruleTitles.${key}`) : c.rule;
}

/** What to do about a conflict; the suggested slot itself is offered as a button next to it. */
export function conflictFix(t: TFunction, c: Conflict): string {
  const sessionKey = c.sessionId !== null && c.sessionId !== undefined ? keyOf(SESSION_RULE_KEYS, c.rule) : undefined;
  if (sessionKey) return t(`planner.ruleFixes.${sessionKey}`);
  const key = keyOf(FIX_KEYS, c.rule);
  return key ? t(`planner.ruleFixes.${key}`) : c.fix;
}

/** What a conflict with a group session is about ("An has the preparation 'X' from 09:00 to 12:00"); null for other conflicts. */
export function conflictSessionText(t: TFunction, language: string, c: Conflict): string | null {
  if (c.sessionId === null || c.sessionId === undefined || !c.params) return null;
  return ruleText(t, language, c.rule, c.params, c.message);
}

/** Someone in two sessions at the same time, in the UI language. */
export function overlapText(t: TFunction, language: string, o: SessionOverlap): string {
  const p = localParams(o.params, language);
  return t('planner.sessions.overlap', {
    name: o.name || (p.name ?? ''),
    date: p.date ?? formatDate(o.date, language),
    first: p.first ?? '',
    firstStart: p.firstStart ?? '',
    firstEnd: p.firstEnd ?? '',
    second: p.second ?? '',
    secondStart: p.secondStart ?? '',
    secondEnd: p.secondEnd ?? '',
  });
}

export function unassignedText(t: TFunction, u: Unassigned): string {
  const kind = t(`planner.sessionKinds.${u.kind}`);
  return t(`planner.unassignedReasons.${UNASSIGNED_KEYS[u.reason]}`, { name: u.name, kind, role: t(`planner.roles.${u.role}`), network: u.network ?? '' });
}

export function phaseLabel(phase: Pick<Phase, 'labels' | 'round'>, language: string): string {
  const lang = language.startsWith('fr') ? 'fr' : language.startsWith('en') ? 'en' : 'nl';
  return phase.round ? `${phase.labels[lang]} (${phase.round})` : phase.labels[lang];
}

const text = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A dashboard task in the UI language, from its kind and params. */
export function taskText(t: TFunction, language: string, task: Task): string {
  const p = task.params;
  switch (task.kind) {
    case 'consent_missing': {
      const formKey = keyOf(CONSENT_KEYS, text(p.form));
      const form = formKey ? t(`planner.consentForms.${formKey}`) : text(p.form);
      const status = text(p.status);
      const key = status === 'refused' ? 'refused' : status === 'sent' ? 'sent' : 'notSent';
      return t(`planner.tasks.consent.${key}`, { name: text(p.name), form });
    }
    case 'hours_not_planned':
      return Number(p.planned ?? 0) === 0
        ? t('planner.tasks.hoursNone', { name: text(p.name), required: formatHours(Number(p.required ?? 0), language) })
        : t('planner.tasks.hoursMissing', { name: text(p.name), missing: formatHours(Number(p.missing ?? 0), language), required: formatHours(Number(p.required ?? 0), language) });
    case 'no_session':
      return t('planner.tasks.noSession', { name: text(p.name), kind: t(`planner.sessionKinds.${text(p.kind) as 'preparation' | 'debrief' | 'intervision'}`, { defaultValue: text(p.kind) }) });
    case 'deadline': {
      const lang = language.startsWith('fr') ? 'phaseFr' : language.startsWith('en') ? 'phaseEn' : 'phaseNl';
      const phase = p.round ? `${text(p[lang])} (${text(p.round)})` : text(p[lang]);
      const days = Number(p.daysLeft ?? 0);
      return days === 0 ? t('planner.tasks.deadlineToday', { phase }) : t('planner.tasks.deadline', { phase, date: formatDate(text(p.date), language), count: days });
    }
  }
}
