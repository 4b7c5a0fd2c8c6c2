import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../src-shared/schemas/programme.schema';
import type { ProgrammeSummary } from '../../../src-shared/schemas/app.schema';
import { EditProgrammeButton, NewProgrammeButton } from '../components/ProgrammeEditor';
import { useApiQuery } from '../hooks/useApiQuery';
import { invoke } from '../lib/api';
import { ProgrammeStatus } from './planner/ProgrammeStatus';

interface ProgrammeWithSummary {
  programme: Programme;
  summary: ProgrammeSummary;
}

async function loadProgrammes(): Promise<ProgrammeWithSummary[]> {
  const list = await invoke('programme.list', {});
  return Promise.all(list.map(async (programme) => ({ programme, summary: await invoke('programme.summary', { id: programme.id }) })));
}

const SUMMARY_KEYS = ['organisations', 'places', 'capacity', 'participants', 'applications', 'placements', 'sessions'] as const;

/** The programmes with what each holds, where each stands and what is due; create and edit them here. */
export function DashboardPage() {
  const { t } = useTranslation();
  const programmes = useApiQuery(loadProgrammes, []);
  const status = useApiQuery(() => invoke('app.status', {}), []);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('dashboard.title')}</h1>
      {status.data ? <p className="muted">{t('dashboard.totals', status.data.counts)}</p> : null}

      <div className="page-head">
        <h2>{t('dashboard.programmes')}</h2>
        <NewProgrammeButton onChanged={programmes.reload} />
      </div>
      {programmes.isLoading && !programmes.data ? <p className="muted">{t('app.loading')}</p> : null}
      {programmes.data && programmes.data.length === 0 ? <p>{t('dashboard.noProgrammes')}</p> : null}
      <ul className="programme-list" aria-label={t('dashboard.programmes')}>
        {programmes.data?.map(({ programme, summary }) => (
          <li key={programme.id} className="card programme-card">
            <h3>{programme.name}</h3>
            <p className="muted">
              {t(`programme.kinds.${programme.kind}`)}
              {programme.requiredHours !== null ? ` · ${t('dashboard.hours', { hours: programme.requiredHours })}` : ''}
              {` · ${t('dashboard.maxChoices', { count: programme.maxChoices })}`}
            </p>
            <dl className="summary">
              {SUMMARY_KEYS.map((k) => (
                <div key={k}>
                  <dt>{t(`dashboard.summary.${k}`)}</dt>
                  <dd>{summary[k]}</dd>
                </div>
              ))}
            </dl>
            <ProgrammeStatus programmeId={programme.id} />
            <div className="actions">
              <EditProgrammeButton programme={programme} onChanged={programmes.reload} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
