import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/schemas/planner.schema';
import { hrefFor } from '../../hooks/useRoute';
import { useApiQuery } from '../../hooks/useApiQuery';
import { invoke } from '../../lib/api';
import { formatDate } from './dates';
import { rememberPlannerProgramme } from './selection';
import { phaseLabel, taskText } from './texts';

const KIND_ORDER: readonly Task['kind'][] = ['deadline', 'consent_missing', 'hours_not_planned', 'no_session'];
const KIND_KEY = { deadline: 'deadline', consent_missing: 'consentMissing', hours_not_planned: 'hoursNotPlanned', no_session: 'noSession' } as const;
const SHOWN_TASKS = 12;

async function loadStatus(programmeId: number) {
  const [timePath, tasks] = await Promise.all([invoke('planner.timePath', { programmeId }), invoke('planner.tasks', { programmeId })]);
  return { timePath, tasks: tasks[0]?.tasks ?? [] };
}

/** On the dashboard, per programme: the current phase and what is due (consents, hours, sessions, deadlines). */
export function ProgrammeStatus({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const status = useApiQuery(() => loadStatus(programmeId), [programmeId]);
  if (!status.data) return <p className="muted small">{status.error ?? t('app.loading')}</p>;
  const { timePath: tp, tasks } = status.data;
  const current = tp.phases.filter((p) => tp.currentPhaseIds.includes(p.id));
  const next = tp.phases.find((p) => p.id === tp.nextPhaseId) ?? null;
  const stage =
    tp.stage === 'running' && current.length > 0
      ? t('planner.timeline.running', { phases: current.map((p) => phaseLabel(p, lang)).join(', ') })
      : tp.stage === 'finished'
        ? t('planner.dashboard.finished')
        : t('planner.dashboard.notStarted');

  return (
    <div className="programme-status">
      <h4>{t('planner.dashboard.stage')}</h4>
      <p className="small">
        {stage}
        {next ? ` ${t('planner.dashboard.nextPhase', { phase: phaseLabel(next, lang), date: formatDate(next.starts, lang) })}` : ''}
      </p>
      <h4>{t('planner.dashboard.due')}</h4>
      {tasks.length === 0 ? <p className="muted small">{t('planner.dashboard.nothingDue')}</p> : null}
      <ul className="due-list small">
        {KIND_ORDER.map((kind) => {
          const list = tasks.filter((x) => x.kind === kind);
          if (list.length === 0) return null;
          const overdue = list.filter((x) => x.isOverdue).length;
          const people = new Set(list.map((x) => x.personId).filter((id) => id !== null)).size;
          const label = t(`planner.dashboard.kinds.${KIND_KEY[kind]}`);
          return (
            <li key={kind}>
              <details>
                <summary>
                  {kind === 'deadline' ? `${label}: ${list.length}` : `${label}: ${t('planner.dashboard.people', { count: people })}`}
                  {overdue > 0 ? <span className="due-overdue"> · {t('planner.dashboard.overdue', { count: overdue })}</span> : null}
                </summary>
                <ul>
                  {list.slice(0, SHOWN_TASKS).map((x) => (
                    <li key={x.id}>{taskText(t, lang, x)}</li>
                  ))}
                  {list.length > SHOWN_TASKS ? <li className="muted">…</li> : null}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
      <p className="small">
        <a href={hrefFor('planner')} onClick={() => rememberPlannerProgramme(programmeId)}>
          {t('planner.dashboard.openPlanner')}
        </a>
      </p>
    </div>
  );
}
