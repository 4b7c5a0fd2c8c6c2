import { addDays, addMonths, daysBetween, formatDateLong, isIsoDate, isoDate } from './calendar-dates';

/*
 * Time paths (tijdspad): the phases of a programme with their dates, from a template per kind.
 * Templates follow the seed documents: Switching Talent for jobshadowing (first contact in
 * November ... shadowing February to September), the Brussels Kijkstages (early bird for staff of
 * hosts, then general registration) and KIEK (two rounds a year, 3-week registration, exchanges in
 * the 6 months after). Dates the programme or round already has (its windows) override the
 * template, so the coordinator's edits always win. Invariant: every phase has start <= end.
 */

/** Same values as programmes.kind. */
export type TimePathKind = 'jobshadowing' | 'kijkstage' | 'exchange_round';

/** What a phase is; the UI translates by this key. */
export type PhaseKey =
  | 'first_contact'
  | 'learning_questions'
  | 'individual_conversations'
  | 'early_bird_registration'
  | 'registration'
  | 'matching'
  | 'preparation_sessions'
  | 'shadowing'
  | 'visits'
  | 'exchanges'
  | 'debrief'
  | 'evaluation';

/** A concrete phase of a time path. */
export interface TimePathPhase {
  /** Unique within the path: the phase key, with the round name for KIEK (`registration:Voorjaar 2026`). */
  readonly id: string;
  readonly key: PhaseKey;
  readonly labels: { readonly nl: string; readonly fr: string; readonly en: string };
  readonly starts: string;
  readonly ends: string;
  /** KIEK round this phase belongs to; null for single-round programmes. */
  readonly round: string | null;
  /** When true, `ends` is a deadline the dashboard counts down to (registration closes, ...). */
  readonly isDeadline: boolean;
}

/** Date windows as stored on programmes and rounds (any may be null). */
export interface TimePathWindows {
  readonly earlyBirdOpens?: string | null;
  readonly earlyBirdCloses?: string | null;
  readonly registrationOpens?: string | null;
  readonly registrationCloses?: string | null;
  readonly exchangeStarts?: string | null;
  readonly exchangeEnds?: string | null;
}

/** Input of {@link buildTimePath}. */
export interface TimePathInput {
  readonly kind: TimePathKind;
  /**
   * The year the path starts: for jobshadowing the November of first contact (2025 gives shadowing
   * February-September 2026); for Kijkstage and KIEK the year of registration.
   */
  readonly startYear: number;
  /** The programme's own windows; they override the template. */
  readonly windows?: TimePathWindows;
  /** KIEK rounds with their windows; default a spring and an autumn round. */
  readonly rounds?: readonly { readonly name: string; readonly windows?: TimePathWindows }[];
}

const LABELS: Record<PhaseKey, TimePathPhase['labels']> = {
  first_contact: { nl: 'Eerste contact', fr: 'Premier contact', en: 'First contact' },
  learning_questions: { nl: 'Leervragen formuleren', fr: "Questions d'apprentissage", en: 'Learning questions' },
  individual_conversations: { nl: 'Individuele gesprekken', fr: 'Entretiens individuels', en: 'Individual conversations' },
  early_bird_registration: { nl: 'Vroege inschrijving (gastorganisaties)', fr: 'Inscription anticipée (organisations hôtes)', en: 'Early-bird registration (host staff)' },
  registration: { nl: 'Inschrijving', fr: 'Inscription', en: 'Registration' },
  matching: { nl: 'Matching', fr: 'Matching', en: 'Matching' },
  preparation_sessions: { nl: 'Voorbereidende leeruitwisselingsmomenten', fr: 'Séances de préparation', en: 'Preparation sessions' },
  shadowing: { nl: 'Jobshadowing', fr: 'Jobshadowing', en: 'Shadowing' },
  visits: { nl: 'Kijkstagedagen', fr: 'Journées de stage', en: 'Visit days' },
  exchanges: { nl: 'Uitwisselingen', fr: 'Échanges', en: 'Exchanges' },
  debrief: { nl: 'Terugkomdag', fr: 'Journée de retour', en: 'Debrief' },
  evaluation: { nl: 'Evaluatie', fr: 'Évaluation', en: 'Evaluation' },
};

const DEADLINES: ReadonlySet<PhaseKey> = new Set(['learning_questions', 'early_bird_registration', 'registration', 'matching', 'evaluation']);

function phase(key: PhaseKey, starts: string, ends: string, round: string | null = null): TimePathPhase {
  const safeEnds = ends < starts ? starts : ends;
  return { id: round === null ? key : `${key}:${round}`, key, labels: LABELS[key], starts, ends: safeEnds, round, isDeadline: DEADLINES.has(key) };
}

/** The round name for a round that starts on `date`: spring (January to June) or autumn. */
function seasonRound(date: string): string {
  return `${Number(date.slice(5, 7)) <= 6 ? 'Voorjaar' : 'Najaar'} ${date.slice(0, 4)}`;
}

function pick(value: string | null | undefined, fallback: string): string {
  return value && isIsoDate(value) ? value : fallback;
}

/**
 * The phases of a programme with concrete dates, in date order. The template fills what the
 * windows leave open; a window that is set wins. Pure: the same input gives the same path.
 */
export function buildTimePath(input: TimePathInput): TimePathPhase[] {
  const w = input.windows ?? {};
  const y = input.startYear;
  let phases: TimePathPhase[];
  switch (input.kind) {
    case 'jobshadowing': {
      // Switching Talent: first contact end of October/November, conversations Nov/Dec,
      // matching and preparation Dec/Jan, shadowing Feb-Sep, then debrief and evaluation.
      const registrationOpens = pick(w.registrationOpens, isoDate(y, 11, 1));
      const registrationCloses = pick(w.registrationCloses, isoDate(y, 11, 30));
      const exchangeStarts = pick(w.exchangeStarts, isoDate(y + 1, 2, 1));
      const exchangeEnds = pick(w.exchangeEnds, isoDate(y + 1, 9, 30));
      const matchingStarts = addDays(registrationCloses, 1);
      const preparationStarts = addDays(exchangeStarts, -21);
      phases = [
        phase('first_contact', addDays(registrationOpens, -7), addDays(registrationOpens, 14)),
        phase('learning_questions', registrationOpens, registrationCloses),
        phase('individual_conversations', addDays(registrationOpens, 14), addDays(registrationCloses, 20)),
        phase('matching', matchingStarts, addDays(preparationStarts, -1)),
        phase('preparation_sessions', preparationStarts, addDays(exchangeStarts, -1)),
        phase('shadowing', exchangeStarts, exchangeEnds),
        phase('debrief', addDays(exchangeEnds, 1), addDays(exchangeEnds, 31)),
        phase('evaluation', addDays(exchangeEnds, 1), addDays(exchangeEnds, 45)),
      ];
      break;
    }
    case 'kijkstage': {
      // Bij een ander / Chez un autre: staff of hosts register one week early, then everyone.
      const givenRegistration = w.registrationOpens && isIsoDate(w.registrationOpens) ? w.registrationOpens : null;
      const earlyOpens = pick(w.earlyBirdOpens, givenRegistration ? addDays(givenRegistration, -7) : isoDate(y, 3, 1));
      const earlyCloses = pick(w.earlyBirdCloses, addDays(earlyOpens, 6));
      const registrationOpens = pick(w.registrationOpens, addDays(earlyCloses, 1));
      const registrationCloses = pick(w.registrationCloses, addDays(registrationOpens, 20));
      const exchangeStarts = pick(w.exchangeStarts, addDays(registrationCloses, 29));
      const exchangeEnds = pick(w.exchangeEnds, addMonths(exchangeStarts, 2));
      phases = [
        phase('early_bird_registration', earlyOpens, earlyCloses),
        phase('registration', registrationOpens, registrationCloses),
        phase('matching', addDays(registrationCloses, 1), addDays(exchangeStarts, -1)),
        phase('visits', exchangeStarts, exchangeEnds),
        phase('evaluation', addDays(exchangeEnds, 1), addDays(exchangeEnds, 21)),
      ];
      break;
    }
    case 'exchange_round': {
      // KIEK: two rounds a year (spring, autumn); registration 3 weeks; exchanges in the 6 months after.
      // A programme without rounds but with its own dates is one round on those dates (a Wisselstage
      // "najaar" edition); only a programme without any dates gets the template's spring and autumn.
      const own = [w.registrationOpens, w.registrationCloses, w.exchangeStarts, w.exchangeEnds].find((d): d is string => !!d && isIsoDate(d));
      const rounds = input.rounds && input.rounds.length > 0
        ? input.rounds
        : own
          ? [{ name: seasonRound(w.registrationOpens && isIsoDate(w.registrationOpens) ? w.registrationOpens : own), windows: w }]
          : [
              { name: `Voorjaar ${y}`, windows: { registrationOpens: isoDate(y, 3, 1) } },
              { name: `Najaar ${y}`, windows: { registrationOpens: isoDate(y, 9, 1) } },
            ];
      phases = rounds.flatMap((r, i) => {
        const rw = r.windows ?? {};
        // Missing registration dates are counted back from what is known: 3 weeks before the close,
        // which is the day before the exchanges start.
        const knownCloses = rw.registrationCloses && isIsoDate(rw.registrationCloses) ? rw.registrationCloses : rw.exchangeStarts && isIsoDate(rw.exchangeStarts) ? addDays(rw.exchangeStarts, -1) : null;
        const opens = pick(rw.registrationOpens, knownCloses ? addDays(knownCloses, -20) : isoDate(y, i % 2 === 0 ? 3 : 9, 1));
        const closes = pick(rw.registrationCloses, knownCloses ?? addDays(opens, 20));
        const exchangeStarts = pick(rw.exchangeStarts, addDays(closes, 1));
        const exchangeEnds = pick(rw.exchangeEnds, addDays(addMonths(exchangeStarts, 6), -1));
        return [
          phase('registration', opens, closes, r.name),
          phase('matching', addDays(closes, 1), addDays(closes, 14), r.name),
          phase('exchanges', exchangeStarts, exchangeEnds, r.name),
          phase('evaluation', addDays(exchangeEnds, 1), addDays(exchangeEnds, 30), r.name),
        ];
      });
      break;
    }
  }
  return phases.sort((a, b) => (a.starts !== b.starts ? (a.starts < b.starts ? -1 : 1) : a.ends < b.ends ? -1 : a.ends > b.ends ? 1 : 0));
}

/** A deadline on the dashboard. */
export interface TimePathDeadline {
  readonly phaseId: string;
  readonly key: PhaseKey;
  readonly round: string | null;
  readonly date: string;
  /** Days from `today`; 0 is today. */
  readonly daysLeft: number;
  readonly message: string;
}

/** Where the programme stands on `today`. */
export interface TimePathStatus {
  readonly today: string;
  readonly stage: 'not_started' | 'running' | 'finished';
  /** Phases running today (they may overlap). */
  readonly current: readonly TimePathPhase[];
  /** The next phase to start after today, if any. */
  readonly next: TimePathPhase | null;
  /** Deadlines from today to `today + horizonDays`, soonest first. */
  readonly upcomingDeadlines: readonly TimePathDeadline[];
  /** Share of the whole path's days that have passed, 0..1. */
  readonly progress: number;
}

/**
 * Where a programme stands on `today` (passed in: the domain has no clock) and which deadlines
 * fall in the next `horizonDays` (default 30).
 */
export function timePathStatus(phases: readonly TimePathPhase[], today: string, horizonDays = 30): TimePathStatus {
  if (phases.length === 0) return { today, stage: 'not_started', current: [], next: null, upcomingDeadlines: [], progress: 0 };
  const first = phases.reduce((m, p) => (p.starts < m ? p.starts : m), phases[0]?.starts ?? today);
  const last = phases.reduce((m, p) => (p.ends > m ? p.ends : m), phases[0]?.ends ?? today);
  const stage = today < first ? 'not_started' : today > last ? 'finished' : 'running';
  const current = phases.filter((p) => p.starts <= today && today <= p.ends);
  const next = phases.filter((p) => p.starts > today).sort((a, b) => (a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : 0))[0] ?? null;
  const horizon = addDays(today, horizonDays);
  const upcomingDeadlines = phases
    .filter((p) => p.isDeadline && p.ends >= today && p.ends <= horizon)
    .map((p) => {
      const daysLeft = daysBetween(today, p.ends);
      const round = p.round ? ` (${p.round})` : '';
      const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days, on ${formatDateLong(p.ends)}`;
      return { phaseId: p.id, key: p.key, round: p.round, date: p.ends, daysLeft, message: `${p.labels.en}${round} ends ${when}.` };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.phaseId < b.phaseId ? -1 : 1));
  const total = daysBetween(first, last) + 1;
  const passed = Math.min(total, Math.max(0, daysBetween(first, today) + 1));
  return { today, stage, current, next, upcomingDeadlines, progress: Math.round((passed / total) * 1000) / 1000 };
}
