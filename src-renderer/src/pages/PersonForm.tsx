import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../src-shared/schemas/organisation.schema';
import { PersonInputSchema, type Person, type PersonInput } from '../../../src-shared/schemas/person.schema';
import { FormField } from '../components/FormField';
import { invoke } from '../lib/api';
import { emptyToNull, idOrNull, numberOrNull } from '../lib/form-values';
import { applyServerError } from '../lib/server-errors';
import { FormActions, LanguageOptions, ServerError } from '../components/FormParts';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'language', 'organisationId', 'functionTitle', 'network', 'isParticipant', 'isMentor', 'learningQuestions', 'mentorCapacity', 'notes'] as const;

function toFormValues(p: Person | null): PersonInput {
  if (!p) {
    return { firstName: '', lastName: '', email: null, phone: null, language: 'nl', organisationId: null, functionTitle: null, network: null, isParticipant: true, isMentor: false, learningQuestions: '', mentorCapacity: null, notes: '' };
  }
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    language: p.language,
    organisationId: p.organisationId,
    functionTitle: p.functionTitle,
    network: p.network,
    isParticipant: p.isParticipant,
    isMentor: p.isMentor,
    learningQuestions: p.learningQuestions,
    mentorCapacity: p.mentorCapacity,
    notes: p.notes,
  };
}

interface Props {
  person: Person | null;
  organisations: Organisation[];
  onSaved: (p: Person) => void;
  onCancel: () => void;
}

/** Create or edit a participant and/or mentor, validated with the shared schema. */
export function PersonForm({ person, organisations, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, watch } = useForm({
    resolver: zodResolver(PersonInputSchema),
    defaultValues: toFormValues(person),
  });
  const errors = formState.errors;
  const text = { setValueAs: emptyToNull };
  const isMentor = watch('isMentor');

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const saved = person ? await invoke('person.update', { id: person.id, patch: values }) : await invoke('person.create', values);
      onSaved(saved);
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  const title = person ? t('people.editTitle') : t('people.newTitle');
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <ServerError message={serverError} />
      <div className="form-grid">
        <FormField id="person-first" label={t('person.firstName')} error={errors.firstName}>
          <input id="person-first" {...register('firstName')} aria-invalid={errors.firstName ? true : undefined} />
        </FormField>
        <FormField id="person-last" label={t('person.lastName')} error={errors.lastName}>
          <input id="person-last" {...register('lastName')} />
        </FormField>
        <FormField id="person-email" label={t('person.email')} error={errors.email}>
          <input id="person-email" type="email" {...register('email', text)} aria-invalid={errors.email ? true : undefined} />
        </FormField>
        <FormField id="person-phone" label={t('person.phone')} error={errors.phone}>
          <input id="person-phone" type="tel" {...register('phone', text)} />
        </FormField>
        <FormField id="person-org" label={t('person.organisation')} error={errors.organisationId} wide>
          <select id="person-org" {...register('organisationId', { setValueAs: idOrNull })}>
            <option value="">{t('person.noOrganisation')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="person-function" label={t('person.functionTitle')} error={errors.functionTitle}>
          <input id="person-function" {...register('functionTitle', text)} />
        </FormField>
        <FormField id="person-network" label={t('person.network')} error={errors.network}>
          <input id="person-network" {...register('network', text)} />
        </FormField>
        <FormField id="person-language" label={t('person.language')} error={errors.language}>
          <select id="person-language" {...register('language')}>
            <LanguageOptions />
          </select>
        </FormField>
        <fieldset className="field field-wide">
          <legend>{t('person.roles')}</legend>
          <div className="checks">
            <label className="check">
              <input type="checkbox" {...register('isParticipant')} /> {t('person.isParticipant')}
            </label>
            <label className="check">
              <input type="checkbox" {...register('isMentor')} /> {t('person.isMentor')}
            </label>
          </div>
          {errors.isParticipant ? <p className="field-error">{t('validation.personRole')}</p> : null}
        </fieldset>
        {isMentor ? (
          <FormField id="person-capacity" label={t('person.mentorCapacity')} error={errors.mentorCapacity}>
            <input id="person-capacity" type="number" min={1} max={50} {...register('mentorCapacity', { setValueAs: numberOrNull })} />
          </FormField>
        ) : null}
        <FormField id="person-questions" label={t('person.learningQuestions')} error={errors.learningQuestions} hint={t('person.learningQuestionsHint')} wide>
          <textarea id="person-questions" rows={4} {...register('learningQuestions')} />
        </FormField>
        <FormField id="person-notes" label={t('person.notes')} error={errors.notes} wide>
          <textarea id="person-notes" rows={2} {...register('notes')} />
        </FormField>
      </div>
      <FormActions isSubmitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
