import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CLOSED_PERIOD_MESSAGES, ClosedPeriodInputSchema, type ClosedPeriod, type ClosedPeriodInput, type Phase, type TimePath } from '../../../../src-shared/schemas/planner.schema';
import { DeleteButton } from '../../components/DeleteButton';
import { FormActions, ServerError } from '../../components/FormParts';
import { FormField } from '../../components/FormField';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { errorMessage, invoke } from '../../lib/api';
import { addMonths, daysBetween, formatDate, formatDayMonth, formatMonth, startOfMonth } from './dates';
import { phaseLabel } from './texts';

/** The programme's phases on a time line with today's position, and their dates to edit. */
export function TimelineSection({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const timePath = useApiQuery(() => invoke('planner.timePath', { programmeId }), [programmeId]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [data, setData] = useState<TimePath | null>(null);
  const tp = data?.programmeId === programmeId ? data : timePath.data;

  if (!tp) return <p className="muted">{timePath.error ?? t('app.loading')}</p>;
  const lang = i18n.language;
  const current = tp.phases.filter((p) => tp.currentPhaseIds.includes(p.id));
  const next = tp.phases.find((p) => p.id === tp.nextPhaseId) ?? null;

  return (
    <div className="planner-timeline">
      <p className="timeline-stage" aria-live="polite">
        {tp.stage === 'not_started' ? t('planner.timeline.notStarted') : tp.stage === 'finished' ? t('planner.timeline.finished') : t('planner.timeline.running', { phases: current.map((p) => phaseLabel(p, lang)).join(', ') || t('app.none') })}
        {next ? ` ${t('planner.timeline.next', { phase: phaseLabel(next, lang), date: formatDate(next.starts, lang) })}` : ''}
      </p>
      <TimelineChart tp={tp} />
      {tp.deadlines.length > 0 ? (
        <div className="deadlines">
          <h3>{t('planner.timeline.deadlines')}</h3>
          <ul className="plain-list">
            {tp.deadlines.map((d) => {
              const phase = tp.phases.find((p) => p.id === d.phaseId);
              return (
                <li key={d.phaseId}>
                  <strong>{phase ? phaseLabel(phase, lang) : d.key}</strong> · {formatDate(d.date, lang)} · {t('planner.timeline.daysLeft', { count: d.daysLeft })}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      <h3 id="phases-title">{t('planner.timeline.phasesTitle')}</h3>
      <p className="hint">{t('planner.timeline.phasesHint')}</p>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="phases-title">
          <thead>
            <tr>
              <th scope="col">{t('planner.timeline.phase')}</th>
              <th scope="col">{t('planner.timeline.starts')}</th>
              <th scope="col">{t('planner.timeline.ends')}</th>
              <th scope="col">{t('planner.timeline.source')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('planner.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tp.phases.map((p) =>
              editingId === p.id ? (
                <PhaseEditRow
                  key={p.id}
                  programmeId={programmeId}
                  phase={p}
                  onDone={(updated) => {
                    if (updated) setData(updated);
                    setEditingId(null);
                  }}
                />
              ) : (
                <PhaseRow key={p.id} programmeId={programmeId} phase={p} isCurrent={tp.currentPhaseIds.includes(p.id)} onEdit={() => setEditingId(p.id)} onReset={setData} />
              ),
            )}
          </tbody>
        </table>
      </div>
      <ClosedPeriodsCard programmeId={programmeId} />
    </div>
  );
}

/**
 * The programme's closed periods: school holidays and host closures the coordinator enters (no
 * official source has them for BE or NL). The planner treats every day in one as a holiday.
 */
function ClosedPeriodsCard({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const list = useApiQuery(() => invoke('planner.closedPeriods', { programmeId }), [programmeId]);
  const [isAdding, setIsAdding] = useState(false);
  const lang = i18n.language;
  const periods = list.data ?? [];

  async function remove(p: ClosedPeriod) {
    try {
      await invoke('planner.closedPeriodDelete', { id: p.id });
      reportSuccess(t('planner.closed.deleted', { name: p.name }));
      list.reload();
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <section className="closed-periods" aria-labelledby="closed-periods-title">
      <h3 id="closed-periods-title">{t('planner.closed.title')}</h3>
      <p className="hint">{t('planner.closed.hint')}</p>
      <div className="card">
        {!list.data ? (
          <p className="muted">{list.error ?? t('app.loading')}</p>
        ) : periods.length === 0 ? (
          <p className="muted">{t('planner.closed.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-label={t('planner.closed.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('planner.closed.name')}</th>
                  <th scope="col">{t('planner.closed.starts')}</th>
                  <th scope="col">{t('planner.closed.ends')}</th>
                  <th scope="col">{t('planner.closed.days')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('planner.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{formatDate(p.starts, lang)}</td>
                    <td>{formatDate(p.ends, lang)}</td>
                    <td>{daysBetween(p.starts, p.ends) + 1}</td>
                    <td className="row-actions">
                      <DeleteButton name={p.name} onConfirm={() => remove(p)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {isAdding ? (
          <ClosedPeriodForm
            programmeId={programmeId}
            onDone={(saved) => {
              setIsAdding(false);
              if (saved) list.reload();
            }}
          />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setIsAdding(true)}>
              {t('planner.closed.add')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

function ClosedPeriodForm({ programmeId, onDone }: { programmeId: number; onDone: (saved: ClosedPeriod | null) => void }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess } = useNotices();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ClosedPeriodInputSchema),
    defaultValues: { programmeId, name: '', starts: '', ends: '' } satisfies ClosedPeriodInput,
  });
  const { register, handleSubmit, formState } = form;
  // The shared schema's messages are English (the CLI prints them); say them in the UI language.
  const local = (error: FieldError | undefined, text: string): FieldError | undefined => (error ? { ...error, message: text } : undefined);
  const endsError = formState.errors.ends;
  const errors = {
    name: local(formState.errors.name, formState.errors.name?.type === 'too_big' ? t('planner.closed.nameTooLong') : t('planner.closed.nameRequired')),
    starts: local(formState.errors.starts, t('planner.closed.dateRequired')),
    ends: local(
      endsError,
      endsError?.message === CLOSED_PERIOD_MESSAGES.endBeforeStart ? t('planner.closed.endBeforeStart') : endsError?.message === CLOSED_PERIOD_MESSAGES.tooLong ? t('planner.closed.tooLong') : t('planner.closed.dateRequired'),
    ),
  };

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const saved = await invoke('planner.closedPeriodCreate', values);
      reportSuccess(t('planner.closed.saved', { name: saved.name, from: formatDate(saved.starts, i18n.language), to: formatDate(saved.ends, i18n.language) }));
      onDone(saved);
    } catch (e) {
      setServerError(errorMessage(e));
    }
  });

  return (
    <form className="form closed-period-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="closed-period-form-title">
      <h4 id="closed-period-form-title">{t('planner.closed.newTitle')}</h4>
      <ServerError message={serverError} />
      <div className="form-grid">
        <FormField id="closed-period-name" label={t('planner.closed.name')} error={errors.name}>
          <input id="closed-period-name" placeholder={t('planner.closed.namePlaceholder')} {...register('name')} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'closed-period-name-error' : undefined} />
        </FormField>
        <FormField id="closed-period-starts" label={t('planner.closed.starts')} error={errors.starts}>
          <input id="closed-period-starts" type="date" {...register('starts')} aria-invalid={errors.starts ? true : undefined} aria-describedby={errors.starts ? 'closed-period-starts-error' : undefined} />
        </FormField>
        <FormField id="closed-period-ends" label={t('planner.closed.ends')} error={errors.ends}>
          <input id="closed-period-ends" type="date" {...register('ends')} aria-invalid={errors.ends ? true : undefined} aria-describedby={errors.ends ? 'closed-period-ends-error' : undefined} />
        </FormField>
      </div>
      <FormActions isSubmitting={formState.isSubmitting} onCancel={() => onDone(null)} />
    </form>
  );
}

function PhaseRow({ programmeId, phase: p, isCurrent, onEdit, onReset }: { programmeId: number; phase: Phase; isCurrent: boolean; onEdit: () => void; onReset: (tp: TimePath) => void }) {
  const { t, i18n } = useTranslation();
  const { reportError, reportSuccess } = useNotices();
  const label = phaseLabel(p, i18n.language);
  async function reset() {
    try {
      onReset(await invoke('planner.phaseUpdate', { programmeId, phaseId: p.id, starts: null, ends: null }));
      reportSuccess(t('planner.timeline.resetDone', { phase: label }));
    } catch (e) {
      reportError(e);
    }
  }
  return (
    <tr className={isCurrent ? 'selected' : undefined}>
      <th scope="row">
        {label}
        {isCurrent ? <span className="badge badge-now">{t('planner.timeline.now')}</span> : null}
        {p.isDeadline ? <span className="cell-sub">{t('planner.timeline.isDeadline')}</span> : null}
      </th>
      <td>{formatDate(p.starts, i18n.language)}</td>
      <td>{formatDate(p.ends, i18n.language)}</td>
      <td>{p.isEdited ? t('planner.timeline.edited') : t('planner.timeline.template')}</td>
      <td className="row-actions">
        <button type="button" className="small-button" aria-label={t('planner.timeline.editPhase', { phase: label })} onClick={onEdit}>
          {t('app.edit')}
        </button>
        {p.isEdited ? (
          <button type="button" className="small-button" aria-label={t('planner.timeline.resetPhase', { phase: label })} onClick={() => void reset()}>
            {t('planner.timeline.reset')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function PhaseEditRow({ programmeId, phase: p, onDone }: { programmeId: number; phase: Phase; onDone: (tp: TimePath | null) => void }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess } = useNotices();
  const [starts, setStarts] = useState(p.starts);
  const [ends, setEnds] = useState(p.ends);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const label = phaseLabel(p, i18n.language);

  async function save() {
    if (!starts || !ends) return setError(t('planner.timeline.bothDates'));
    if (ends < starts) return setError(t('planner.timeline.endBeforeStart'));
    setIsBusy(true);
    try {
      const tp = await invoke('planner.phaseUpdate', { programmeId, phaseId: p.id, starts, ends });
      reportSuccess(t('planner.timeline.saved', { phase: label }));
      onDone(tp);
    } catch (e) {
      setError(errorMessage(e));
      setIsBusy(false);
    }
  }

  return (
    <tr className="editing">
      <th scope="row">{label}</th>
      <td>
        <label className="visually-hidden" htmlFor={`phase-${p.id}-starts`}>
          {t('planner.timeline.startsOf', { phase: label })}
        </label>
        <input id={`phase-${p.id}-starts`} type="date" value={starts} onChange={(e) => setStarts(e.target.value)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`phase-${p.id}-ends`}>
          {t('planner.timeline.endsOf', { phase: label })}
        </label>
        <input id={`phase-${p.id}-ends`} type="date" value={ends} aria-invalid={error ? true : undefined} aria-describedby={error ? `phase-${p.id}-error` : undefined} onChange={(e) => setEnds(e.target.value)} />
        {error ? (
          <p className="field-error" id={`phase-${p.id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </td>
      <td colSpan={2} className="row-actions">
        <button type="button" className="primary small-button" disabled={isBusy} onClick={() => void save()}>
          {isBusy ? t('app.saving') : t('app.save')}
        </button>
        <button type="button" className="small-button" disabled={isBusy} onClick={() => onDone(null)}>
          {t('app.cancel')}
        </button>
      </td>
    </tr>
  );
}

/**
 * Bars on a shared time axis, one row per phase, with a line for today. Decorative for screen
 * readers: the table below holds the same dates as text.
 */
function TimelineChart({ tp }: { tp: TimePath }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (tp.phases.length === 0) return null;
  const first = startOfMonth(tp.phases.reduce((m, p) => (p.starts < m ? p.starts : m), tp.phases[0]?.starts ?? tp.today));
  const last = addMonths(tp.phases.reduce((m, p) => (p.ends > m ? p.ends : m), tp.phases[0]?.ends ?? tp.today), 1);
  const total = Math.max(1, daysBetween(first, last));
  const pct = (date: string) => `${Math.min(100, Math.max(0, (daysBetween(first, date) / total) * 100)).toFixed(2)}%`;
  const months: string[] = [];
  for (let m = first; m < last; m = addMonths(m, 1)) months.push(m);
  const isTodayShown = tp.today >= first && tp.today <= last;

  return (
    <figure className="timeline-chart" aria-label={t('planner.timeline.chart')}>
      <div className="timeline-axis" aria-hidden="true">
        {months.map((m) => (
          <span key={m} className="timeline-month" style={{ left: pct(m) }}>
            {formatMonth(m, lang).replace(/ \d{4}$/, '').slice(0, 3)}
            {m.endsWith('-01-01') || m === first ? ` ${m.slice(0, 4)}` : ''}
          </span>
        ))}
      </div>
      <ol className="timeline-rows">
        {tp.phases.map((p) => {
          const isCurrent = tp.currentPhaseIds.includes(p.id);
          const isPast = p.ends < tp.today;
          return (
            <li key={p.id} className="timeline-row">
              <span className="timeline-label" title={phaseLabel(p, lang)}>
                {phaseLabel(p, lang)}
              </span>
              <span className="timeline-track">
                <span
                  className={`timeline-bar${isCurrent ? ' is-current' : ''}${isPast ? ' is-past' : ''}${p.isDeadline ? ' is-deadline' : ''}`}
                  style={{ left: pct(p.starts), width: `max(0.4rem, calc(${pct(p.ends)} - ${pct(p.starts)}))` }}
                  title={`${formatDate(p.starts, lang)} – ${formatDate(p.ends, lang)}`}
                />
              </span>
            </li>
          );
        })}
      </ol>
      {isTodayShown ? (
        <div className="timeline-today-layer" aria-hidden="true">
          <span className="timeline-today" style={{ left: pct(tp.today) }}>
            <span className="timeline-today-label">
              {t('planner.timeline.today')} {formatDayMonth(tp.today, lang)}
            </span>
          </span>
        </div>
      ) : null}
      <figcaption className="visually-hidden">{t('planner.timeline.todayIs', { date: formatDate(tp.today, lang) })}</figcaption>
    </figure>
  );
}
