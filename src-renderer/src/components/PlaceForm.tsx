import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { PLACE_FORMATS, PlaceInputSchema, type Place, type PlaceInput } from '../../../src-shared/schemas/place.schema';
import type { PersonListItem } from '../../../src-shared/schemas/person.schema';
import type { Programme } from '../../../src-shared/schemas/programme.schema';
import { FormField } from './FormField';
import { invoke } from '../lib/api';
import { idOrNull, numberOrNull } from '../lib/form-values';
import { knownFieldError, numberFieldError } from '../lib/number-field-errors';
import { applyServerError } from '../lib/server-errors';
import { FormActions, LanguageChecks, ServerError } from './FormParts';

const FIELDS = ['programmeId', 'team', 'format', 'hours', 'capacity', 'languages', 'description', 'mentorId'] as const;

function toFormValues(organisationId: number, programmeId: number, p: Place | null): PlaceInput {
  if (!p) return { programmeId, organisationId, roundId: null, team: '', format: 'day', hours: null, capacity: 1, languages: ['nl'], description: '', mentorId: null, availability: [] };
  return {
    programmeId: p.programmeId,
    organisationId: p.organisationId,
    roundId: p.roundId,
    team: p.team,
    format: p.format,
    hours: p.hours,
    capacity: p.capacity,
    languages: p.languages,
    description: p.description,
    mentorId: p.mentorId,
    availability: p.availability,
  };
}

interface Props {
  organisationId: number;
  /** The place to change, or null to offer a new one. */
  place: Place | null;
  programmes: Programme[];
  /** Mentors of this organisation: the service refuses a mentor from elsewhere. */
  mentors: PersonListItem[];
  onSaved: (p: Place) => void;
  onCancel: () => void;
}

/** Offer or change a place of a host organisation, validated with the schema the main process uses. */
export function PlaceForm({ organisationId, place, programmes, mentors, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setFocus, watch } = useForm({
    resolver: zodResolver(PlaceInputSchema),
    defaultValues: toFormValues(organisationId, programmes[0]?.id ?? 0, place),
  });
  const errors = formState.errors;
  const isHours = watch('format') === 'hours';

  useEffect(() => setFocus('team'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    // The programme and the organisation of a place are fixed once it exists.
    const { programmeId: _p, organisationId: _o, ...patch } = values;
    try {
      const saved = place ? await invoke('place.update', { id: place.id, patch }) : await invoke('place.create', values);
      onSaved(saved);
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  const title = place ? t('organisations.editPlaceTitle') : t('organisations.newPlaceTitle');
  const programmeName = programmes.find((p) => p.id === place?.programmeId)?.name ?? '';
  const capacityError = numberFieldError(errors.capacity, t('organisations.placeErrors.capacity'));
  const hoursError = knownFieldError(numberFieldError(errors.hours, t('organisations.placeErrors.hours')), {
    'A place offered in hours needs the number of hours.': t('organisations.placeErrors.hoursNeeded'),
  });
  return (
    <form className="form subform" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
      <h4>{title}</h4>
      <ServerError message={serverError} />
      <div className="form-grid">
        {place ? (
          <FormField id="place-programme" label={t('organisation.placeFields.programme')} wide>
            <input id="place-programme" value={programmeName} readOnly />
          </FormField>
        ) : (
          <FormField id="place-programme" label={t('organisation.placeFields.programme')} error={errors.programmeId} wide>
            <select id="place-programme" {...register('programmeId', { setValueAs: idOrNull })}>
              {programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
        )}
        <FormField id="place-team" label={t('organisation.placeFields.team')} error={errors.team} wide>
          <input id="place-team" {...register('team')} aria-invalid={errors.team ? true : undefined} />
        </FormField>
        <FormField id="place-format" label={t('organisation.placeFields.format')} error={errors.format}>
          <select id="place-format" {...register('format')}>
            {PLACE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`organisation.placeFields.formats.${f}`)}
              </option>
            ))}
          </select>
        </FormField>
        {isHours ? (
          <FormField id="place-hours" label={t('organisation.placeFields.hours')} error={hoursError}>
            {/* Unregistered when hidden: a day place carries no stale number of hours. */}
            <input id="place-hours" type="number" min={0.5} max={2000} step="any" inputMode="decimal" {...register('hours', { setValueAs: numberOrNull, shouldUnregister: true })} aria-invalid={hoursError ? true : undefined} />
          </FormField>
        ) : null}
        <FormField id="place-capacity" label={t('organisation.placeFields.capacity')} error={capacityError} hint={t('organisation.placeFields.capacityHint')}>
          <input id="place-capacity" type="number" min={1} max={1000} step={1} {...register('capacity', { setValueAs: numberOrNull })} aria-invalid={capacityError ? true : undefined} />
        </FormField>
        <FormField id="place-mentor" label={t('organisation.placeFields.mentor')} error={errors.mentorId} hint={t('organisation.placeFields.mentorHint')} wide>
          <select id="place-mentor" {...register('mentorId', { setValueAs: idOrNull })} aria-invalid={errors.mentorId ? true : undefined}>
            <option value="">{t('organisation.placeFields.noMentor')}</option>
            {mentors.map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.firstName} ${m.lastName}`.trim()}
              </option>
            ))}
          </select>
        </FormField>
        <LanguageChecks legend={t('organisation.placeFields.languages')} registration={register('languages')} hasError={errors.languages !== undefined} />
        <FormField id="place-description" label={t('organisation.placeFields.description')} error={errors.description} wide>
          <textarea id="place-description" rows={3} {...register('description')} />
        </FormField>
      </div>
      <FormActions isSubmitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
