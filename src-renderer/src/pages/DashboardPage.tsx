import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS, ProgrammeInputSchema, type ProgrammeInput } from '../../../src-shared/schemas/programme.schema';
import type { Programme } from '../../../src-shared/schemas/programme.schema';
import type { ProgrammeSummary } from '../../../src-shared/schemas/app.schema';
import { FormField } from '../components/FormField';
import { EditProgrammeButton, NewProgrammeButton } from '../components/ProgrammeEditor';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke, errorMessage } from '../lib/api';
import { numberOrNull } from '../lib/form-values';
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

/** The programmes with what each holds, and a form for a new one. */
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

      <CreateProgrammeForm onCreated={programmes.reload} />
    </section>
  );
}

function CreateProgrammeForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { reportSuccess } = useNotices();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ProgrammeInputSchema),
    defaultValues: { name: '', kind: 'jobshadowing', requiredHours: null, maxChoices: 3, description: '' } satisfies ProgrammeInput,
  });
  const { register, handleSubmit, formState, reset } = form;
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const created = await invoke('programme.create', values);
      reportSuccess(t('dashboard.created', { name: created.name }));
      reset();
      onCreated();
    } catch (e) {
      setServerError(errorMessage(e));
    }
  });

  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="create-programme-title">
      <h2 id="create-programme-title">{t('dashboard.createTitle')}</h2>
      {serverError ? (
        <p role="alert" className="notice notice-error">
          {serverError}
        </p>
      ) : null}
      <div className="form-grid">
        <FormField id="programme-name" label={t('programme.name')} error={errors.name} wide>
          <input id="programme-name" {...register('name')} aria-invalid={errors.name ? true : undefined} />
        </FormField>
        <FormField id="programme-kind" label={t('programme.kind')} error={errors.kind}>
          <select id="programme-kind" {...register('kind')}>
            {PROGRAMME_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`programme.kinds.${k}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="programme-hours" label={t('programme.requiredHours')} error={errors.requiredHours} hint={t('programme.requiredHoursHint')}>
          <input id="programme-hours" type="number" min={1} step="any" inputMode="decimal" {...register('requiredHours', { setValueAs: numberOrNull })} />
        </FormField>
        <FormField id="programme-choices" label={t('programme.maxChoices')} error={errors.maxChoices}>
          <input id="programme-choices" type="number" min={1} max={10} {...register('maxChoices', { valueAsNumber: true })} />
        </FormField>
        <FormField id="programme-description" label={t('programme.description')} error={errors.description} wide>
          <textarea id="programme-description" rows={2} {...register('description')} />
        </FormField>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('app.saving') : t('programme.create')}
        </button>
      </div>
    </form>
  );
}
