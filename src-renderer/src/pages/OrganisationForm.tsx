import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  ORGANISATION_ROLES,
  OrganisationInputSchema,
  type Organisation,
  type OrganisationInput,
} from '../../../src-shared/schemas/organisation.schema';
import { FormField } from '../components/FormField';
import { invoke } from '../lib/api';
import { emptyToNull, numberOrNull } from '../lib/form-values';
import { applyServerError } from '../lib/server-errors';
import { FormActions, LanguageChecks, ServerError } from '../components/FormParts';

const FIELDS = ['name', 'sector', 'network', 'address', 'postcode', 'municipality', 'languages', 'website', 'role', 'preconditionNotes', 'maxHoursPerDay'] as const;

function toFormValues(o: Organisation | null): OrganisationInput {
  if (!o) return { name: '', sector: null, network: null, address: null, postcode: null, municipality: null, languages: ['nl'], website: null, role: 'both', preconditionNotes: '', maxHoursPerDay: null };
  return {
    name: o.name,
    sector: o.sector,
    network: o.network,
    address: o.address,
    postcode: o.postcode,
    municipality: o.municipality,
    languages: o.languages,
    website: o.website,
    role: o.role,
    preconditionNotes: o.preconditionNotes,
    maxHoursPerDay: o.maxHoursPerDay,
  };
}

interface Props {
  organisation: Organisation | null;
  onSaved: (o: Organisation) => void;
  onCancel: () => void;
}

/** Create or edit an organisation, validated with the same schema the main process uses. */
export function OrganisationForm({ organisation, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(OrganisationInputSchema),
    defaultValues: toFormValues(organisation),
  });
  const errors = formState.errors;
  const text = { setValueAs: emptyToNull };

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const saved = organisation
        ? await invoke('organisation.update', { id: organisation.id, patch: values })
        : await invoke('organisation.create', values);
      onSaved(saved);
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  const title = organisation ? t('organisations.editTitle') : t('organisations.newTitle');
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <ServerError message={serverError} />
      <div className="form-grid">
        <FormField id="org-name" label={t('organisation.name')} error={errors.name} wide>
          <input id="org-name" {...register('name')} aria-invalid={errors.name ? true : undefined} />
        </FormField>
        <FormField id="org-sector" label={t('organisation.sector')} error={errors.sector}>
          <input id="org-sector" {...register('sector', text)} />
        </FormField>
        <FormField id="org-network" label={t('organisation.network')} error={errors.network}>
          <input id="org-network" {...register('network', text)} />
        </FormField>
        <FormField id="org-address" label={t('organisation.address')} error={errors.address} wide>
          <input id="org-address" {...register('address', text)} />
        </FormField>
        <FormField id="org-postcode" label={t('organisation.postcode')} error={errors.postcode}>
          <input id="org-postcode" {...register('postcode', text)} aria-invalid={errors.postcode ? true : undefined} />
        </FormField>
        <FormField id="org-municipality" label={t('organisation.municipality')} error={errors.municipality}>
          <input id="org-municipality" {...register('municipality', text)} />
        </FormField>
        <FormField id="org-website" label={t('organisation.website')} error={errors.website} wide>
          <input id="org-website" type="url" {...register('website', text)} aria-invalid={errors.website ? true : undefined} />
        </FormField>
        <FormField id="org-role" label={t('organisation.role')} error={errors.role}>
          <select id="org-role" {...register('role')}>
            {ORGANISATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`organisation.roles.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="org-hours" label={t('organisation.maxHoursPerDay')} error={errors.maxHoursPerDay}>
          <input id="org-hours" type="number" min={1} max={24} step="any" {...register('maxHoursPerDay', { setValueAs: numberOrNull })} />
        </FormField>
        <LanguageChecks legend={t('organisation.languages')} registration={register('languages')} hasError={errors.languages !== undefined} />
        <FormField id="org-notes" label={t('organisation.preconditionNotes')} error={errors.preconditionNotes} wide>
          <textarea id="org-notes" rows={3} {...register('preconditionNotes')} />
        </FormField>
      </div>
      <FormActions isSubmitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
