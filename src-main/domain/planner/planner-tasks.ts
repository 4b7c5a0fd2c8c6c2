import { daysBetween, formatDateLong } from './calendar-dates';
import { compareIds, idKey } from './planner-keys';
import type { PlannerId } from './planner.types';
import type { LedgerRow } from './hours-ledger';
import type { UnassignedAttendee } from './session-assignment';
import type { TimePathPhase } from './time-path-templates';

/*
 * Dashboard tasks: what the coordinator should do next. Everything comes in as plain data (the
 * service reads consents, the ledger, the session assignment and the time path); `today` is passed
 * in. Order: overdue first, then by due date (none last), then by kind and subject, so the list is
 * stable between refreshes.
 */

/** What kind of task. */
export type PlannerTaskKind = 'consent_missing' | 'hours_not_planned' | 'no_session' | 'deadline';

/** One task on the dashboard. `message` says what to do. */
export interface PlannerTask {
  /** Stable across refreshes (kind + subject), so the UI can remember "dismissed". */
  readonly id: string;
  readonly kind: PlannerTaskKind;
  readonly severity: 'high' | 'normal';
  readonly message: string;
  readonly dueDate: string | null;
  readonly isOverdue: boolean;
  readonly personId: PlannerId | null;
  readonly placementId: PlannerId | null;
}

/** A consent form as the tasks need it (a consents row joined with the person's name). */
export interface ConsentStatus {
  readonly personId: PlannerId;
  readonly personName: string;
  readonly kind: 'client_consent' | 'confidentiality' | 'data_sharing';
  readonly status: 'not_sent' | 'sent' | 'returned' | 'refused';
}

/** Input of {@link plannerTasks}. Every list may be empty. */
export interface PlannerTasksInput {
  readonly today: string;
  readonly consents?: readonly ConsentStatus[];
  readonly ledgerRows?: readonly LedgerRow[];
  readonly unassigned?: readonly UnassignedAttendee[];
  readonly phases?: readonly TimePathPhase[];
  /** The start of the exchanges: consents and sessions are due then. Null: no due date. */
  readonly exchangeStarts?: string | null;
  /** The end of the exchanges: hours are due then. */
  readonly exchangeEnds?: string | null;
  /** Deadlines this many days ahead become tasks (default 14). */
  readonly deadlineHorizonDays?: number;
}

const CONSENT_NAMES: Record<ConsentStatus['kind'], string> = {
  client_consent: 'client consent form',
  confidentiality: 'professional secrecy statement',
  data_sharing: 'data sharing consent',
};

/** Collect the dashboard tasks. Pure and deterministic. */
export function plannerTasks(input: PlannerTasksInput): PlannerTask[] {
  const { today } = input;
  const tasks: PlannerTask[] = [];
  const due = (date: string | null | undefined): { dueDate: string | null; isOverdue: boolean } =>
    date ? { dueDate: date, isOverdue: date < today } : { dueDate: null, isOverdue: false };

  for (const c of input.consents ?? []) {
    if (c.status === 'returned') continue;
    const form = CONSENT_NAMES[c.kind];
    const message =
      c.status === 'refused'
        ? `${c.personName} refused the ${form}. Talk with ${c.personName} and the host before the visit: without it no client situations can be shared.`
        : c.status === 'sent'
          ? `${c.personName} has not returned the ${form}. Send a reminder.`
          : `The ${form} of ${c.personName} has not been sent yet. Print or send it.`;
    tasks.push({ id: `consent:${c.kind}:${idKey(c.personId)}`, kind: 'consent_missing', severity: c.status === 'refused' ? 'high' : 'normal', message, ...due(input.exchangeStarts), personId: c.personId, placementId: null });
  }

  for (const r of input.ledgerRows ?? []) {
    if (r.isComplete) continue;
    const message =
      r.plannedHours + r.doneHours === 0
        ? `No hours are planned yet for ${r.participantName} (${r.requiredHours} needed). Run the planner or add blocks by hand.`
        : `${r.participantName} still misses ${r.missingHours} of ${r.requiredHours} hours. Run the planner again or add a block.`;
    const d = due(input.exchangeEnds);
    tasks.push({ id: `hours:${idKey(r.participantId)}`, kind: 'hours_not_planned', severity: d.isOverdue ? 'high' : 'normal', message, ...d, personId: r.participantId, placementId: r.placementIds[0] ?? null });
  }

  for (const u of input.unassigned ?? []) {
    tasks.push({ id: `session:${u.kind}:${u.role}:${idKey(u.personId)}`, kind: 'no_session', severity: u.kind === 'preparation' ? 'high' : 'normal', message: u.message, ...due(u.kind === 'preparation' ? input.exchangeStarts : input.exchangeEnds), personId: u.personId, placementId: null });
  }

  const horizon = input.deadlineHorizonDays ?? 14;
  for (const p of input.phases ?? []) {
    if (!p.isDeadline) continue;
    const daysLeft = daysBetween(today, p.ends);
    if (daysLeft < 0 || daysLeft > horizon || p.starts > today) continue;
    const round = p.round ? ` (${p.round})` : '';
    tasks.push({
      id: `deadline:${p.id}`,
      kind: 'deadline',
      severity: daysLeft <= 3 ? 'high' : 'normal',
      message: `${p.labels.en}${round} ends ${daysLeft === 0 ? 'today' : `on ${formatDateLong(p.ends)} (${daysLeft} days)`}. Check that everything for this phase is done.`,
      dueDate: p.ends,
      isOverdue: false,
      personId: null,
      placementId: null,
    });
  }

  const kindOrder: Record<PlannerTaskKind, number> = { deadline: 0, no_session: 1, consent_missing: 2, hours_not_planned: 3 };
  return tasks.sort((a, b) => {
    if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
    if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate < b.dueDate ? -1 : 1;
    if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind];
    if (a.personId !== null && b.personId !== null && compareIds(a.personId, b.personId) !== 0) return compareIds(a.personId, b.personId);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
