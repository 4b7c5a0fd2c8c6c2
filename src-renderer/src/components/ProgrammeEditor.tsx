import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS, ProgrammeInputSchema, type Programme, type ProgrammeCreate, type ProgrammeInput } from '../../../src-shared/schemas/programme.schema';
import { ConfirmButton } from './ConfirmButton';
import { FormField } from './FormField';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';
import { emptyToNull, numberOrNull } from '../lib/form-values';
import { knownFieldError, numberFieldError } from '../lib/number-field-errors';
import { applyServerError } from '../lib/server-errors';
import { FormActions, LanguageChecks, ServerError } from './FormParts';

const FIELDS = [
  'name',
  'kind',
  'languages',
  'requiredHours',
  'maxChoices',
  'minPlacesPerHost',
  'maxPlacementsPerParticipant',
  'retentionMonths',
  'description',
  'earlyBirdOpens',
  'earlyBirdCloses',
  'registrationOpens',
  'registrationCloses',
  'exchangeStarts',
  'exchangeEnds',
] as const;

const WINDOWS = [
  ['earlyBirdOpens', 'earlyBirdCloses'],
  ['registrationOpens', 'registrationCloses'],
  ['exchangeStarts', 'exchangeEnds'],
] as const;

const WINDOW_MESSAGE = 'A window must close on or after the day it opens.';
/** The same rule as the service words it when an update would break it. */
const SERVER_WINDOW_MESSAGE = 'A window must close on or after the day it opens. Check the dates.';

const schemaResolver = zodResolver(ProgrammeInputSchema);

/*
 * The schema's rule that a window closes on or after it opens belongs to the whole programme, so zod
 * reports it without a field and react-hook-form would show it nowhere. Put it on each closing date
 * that comes too early, where the coordinator can fix it.
 */
const resolver: Resolver<ProgrammeInput, unknown, ProgrammeCreate> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const errors = result.errors as Record<string, FieldError | undefined>;
  if (errors['']) {
    delete errors[''];
    for (const [opens, closes] of WINDOWS) {
      const a = values[opens];
      const b = values[closes];
      if (a && b && a > b) errors[closes] = { type: 'custom', message: WINDOW_MESSAGE };
    }
  }
  return result;
};

function toFormValues(p: Programme | null): ProgrammeInput {
  if (!p) {
    return {
      name: '',
      kind: 'jobshadowing',
      languages: ['nl'],
      requiredHours: null,
      maxChoices: 3,
      minPlacesPerHost: null,
      maxPlacementsPerParticipant: 1,
      retentionMonths: null,
      description: '',
      earlyBirdOpens: null,
      earlyBirdCloses: null,
      registrationOpens: null,
      registrationCloses: null,
      exchangeStarts: null,
      exchangeEnds: null,
      themeId: null,
    };
  }
  return {
    name: p.name,
    kind: p.kind,
    languages: p.languages,
    requiredHours: p.requiredHours,
    maxChoices: p.maxChoices,
    minPlacesPerHost: p.minPlacesPerHost,
    maxPlacementsPerParticipant: p.maxPlacementsPerParticipant,
    retentionMonths: p.retentionMonths,
    description: p.description,
    earlyBirdOpens: p.earlyBirdOpens,
    earlyBirdCloses: p.earlyBirdCloses,
    registrationOpens: p.registrationOpens,
    registrationCloses: p.registrationCloses,
    exchangeStarts: p.exchangeStarts,
    exchangeEnds: p.exchangeEnds,
    themeId: p.themeId,
  };
}

interface Props {
  /** The programme to edit, or null for a new one. */
  programme: Programme | null;
  /** Called after a save or a delete, so the caller reloads its list. */
  onChanged: () => void;
  onClose: () => void;
}

/** Create, edit or delete a programme in a modal dialog, validated with the schema the main process uses. */
export function ProgrammeEditor({ programme, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const { reportSuccess } = useNotices();
  const [serverError, setServerError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const { register, handleSubmit, formState, setError } = useForm({ resolver, defaultValues: toFormValues(programme) });
  const errors = formState.errors;
  const date = { setValueAs: emptyToNull };
  const number = { setValueAs: numberOrNull };

  // A modal <dialog> keeps focus inside and makes the page behind it inert until it closes.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      if (programme) {
        // The kind is fixed once a programme exists: the update contract does not take it.
        const { kind: _kind, ...patch } = values;
        const saved = await invoke('programme.update', { id: programme.id, patch });
        reportSuccess(t('programmeEditor.saved', { name: saved.name }));
      } else {
        const created = await invoke('programme.create', values);
        reportSuccess(t('programmeEditor.created', { name: created.name }));
      }
      onChanged();
      onClose();
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  async function remove(p: Programme) {
    try {
      await invoke('programme.delete', { id: p.id });
      reportSuccess(t('programmeEditor.deleted', { name: p.name }));
      onChanged();
      onClose();
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  }

  const range = (error: FieldError | undefined, min: number, max: number) => numberFieldError(error, t('programmeEditor.errors.range', { min, max }));
  const windowText = t('programmeEditor.errors.window');
  const windowError = (error: FieldError | undefined) => knownFieldError(error, { [WINDOW_MESSAGE]: windowText, [SERVER_WINDOW_MESSAGE]: windowText });
  const hoursError = numberFieldError(errors.requiredHours, t('programmeEditor.errors.hours'));

  const title = programme ? t('programmeEditor.editTitle') : t('programmeEditor.newTitle');
  return (
    <dialog
      ref={dialog}
      className="dialog dialog-wide"
      aria-labelledby="programme-editor-title"
      onCancel={(e) => {
        // Escape closes through React, so the dialog and its state go together.
        e.preventDefault();
        onClose();
      }}
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
        <h2 id="programme-editor-title">{title}</h2>
        <ServerError message={serverError} />
        <div className="form-grid">
          <FormField id="pe-name" label={t('programme.name')} error={errors.name} wide>
            <input id="pe-name" {...register('name')} aria-invalid={errors.name ? true : undefined} />
          </FormField>
          {programme ? (
            <FormField id="pe-kind" label={t('programme.kind')} hint={t('programmeEditor.kindFixed')}>
              <input id="pe-kind" value={t(`programme.kinds.${programme.kind}`)} readOnly />
            </FormField>
          ) : (
            <FormField id="pe-kind" label={t('programme.kind')} error={errors.kind}>
              <select id="pe-kind" {...register('kind')}>
                {PROGRAMME_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`programme.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </FormField>
          )}
          <FormField id="pe-hours" label={t('programme.requiredHours')} error={hoursError} hint={t('programme.requiredHoursHint')}>
            <input id="pe-hours" type="number" min={0.5} max={2000} step="any" inputMode="decimal" {...register('requiredHours', number)} aria-invalid={hoursError ? true : undefined} />
          </FormField>
          <FormField id="pe-choices" label={t('programme.maxChoices')} error={range(errors.maxChoices, 1, 10)}>
            <input id="pe-choices" type="number" min={1} max={10} step={1} {...register('maxChoices', number)} aria-invalid={errors.maxChoices ? true : undefined} />
          </FormField>
          <FormField id="pe-placements" label={t('programmeEditor.maxPlacementsPerParticipant')} error={range(errors.maxPlacementsPerParticipant, 1, 20)} hint={t('programmeEditor.maxPlacementsHint')}>
            <input id="pe-placements" type="number" min={1} max={20} step={1} {...register('maxPlacementsPerParticipant', number)} aria-invalid={errors.maxPlacementsPerParticipant ? true : undefined} />
          </FormField>
          <FormField id="pe-min-places" label={t('programmeEditor.minPlacesPerHost')} error={range(errors.minPlacesPerHost, 1, 1000)} hint={t('programmeEditor.minPlacesHint')}>
            <input id="pe-min-places" type="number" min={1} max={1000} step={1} {...register('minPlacesPerHost', number)} aria-invalid={errors.minPlacesPerHost ? true : undefined} />
          </FormField>
          <FormField id="pe-retention" label={t('programmeEditor.retentionMonths')} error={range(errors.retentionMonths, 1, 240)} hint={t('programmeEditor.retentionHint')}>
            <input id="pe-retention" type="number" min={1} max={240} step={1} {...register('retentionMonths', number)} aria-invalid={errors.retentionMonths ? true : undefined} />
          </FormField>
          <LanguageChecks legend={t('programmeEditor.languages')} registration={register('languages')} hasError={errors.languages !== undefined} />
          <fieldset className="field field-wide">
            <legend>{t('programmeEditor.registration')}</legend>
            <div className="form-grid date-pairs">
              <FormField id="pe-early-opens" label={t('programmeEditor.earlyBirdOpens')} error={errors.earlyBirdOpens} hint={t('programmeEditor.earlyBirdHint')}>
                <input id="pe-early-opens" type="date" {...register('earlyBirdOpens', date)} />
              </FormField>
              <FormField id="pe-early-closes" label={t('programmeEditor.earlyBirdCloses')} error={windowError(errors.earlyBirdCloses)}>
                <input id="pe-early-closes" type="date" {...register('earlyBirdCloses', date)} aria-invalid={errors.earlyBirdCloses ? true : undefined} />
              </FormField>
              <FormField id="pe-registration-opens" label={t('programmeEditor.registrationOpens')} error={errors.registrationOpens}>
                <input id="pe-registration-opens" type="date" {...register('registrationOpens', date)} />
              </FormField>
              <FormField id="pe-registration-closes" label={t('programmeEditor.registrationCloses')} error={windowError(errors.registrationCloses)}>
                <input id="pe-registration-closes" type="date" {...register('registrationCloses', date)} aria-invalid={errors.registrationCloses ? true : undefined} />
              </FormField>
            </div>
          </fieldset>
          <fieldset className="field field-wide">
            <legend>{t('programmeEditor.exchange')}</legend>
            <div className="form-grid date-pairs">
              <FormField id="pe-exchange-starts" label={t('programmeEditor.exchangeStarts')} error={errors.exchangeStarts}>
                <input id="pe-exchange-starts" type="date" {...register('exchangeStarts', date)} />
              </FormField>
              <FormField id="pe-exchange-ends" label={t('programmeEditor.exchangeEnds')} error={windowError(errors.exchangeEnds)}>
                <input id="pe-exchange-ends" type="date" {...register('exchangeEnds', date)} aria-invalid={errors.exchangeEnds ? true : undefined} />
              </FormField>
            </div>
          </fieldset>
          <FormField id="pe-description" label={t('programme.description')} error={errors.description} wide>
            <textarea id="pe-description" rows={3} {...register('description')} />
          </FormField>
        </div>
        <FormActions isSubmitting={formState.isSubmitting} onCancel={onClose} />
      </form>
      {programme ? <DeleteProgramme programme={programme} onConfirm={() => remove(programme)} /> : null}
    </dialog>
  );
}

/** Deleting a programme takes everything in it along, so the question says how much. */
function DeleteProgramme({ programme, onConfirm }: { programme: Programme; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation();
  const summary = useApiQuery(() => invoke('programme.summary', { id: programme.id }), [programme.id]);
  if (!summary.data) return null;
  const { places, applications, placements, sessions } = summary.data;
  return (
    <div className="dialog-danger">
      <ConfirmButton
        label={t('programmeEditor.delete')}
        question={t('programmeEditor.deleteQuestion', { name: programme.name, places, applications, placements, sessions })}
        confirmLabel={t('programmeEditor.deleteYes')}
        cancelLabel={t('app.cancel')}
        busyLabel={t('programmeEditor.deleting')}
        onConfirm={onConfirm}
      />
    </div>
  );
}

/** The dashboard's "new programme" button with its dialog. */
export function NewProgrammeButton({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setIsOpen(true)}>
        {t('programmeEditor.new')}
      </button>
      {isOpen ? <ProgrammeEditor programme={null} onChanged={onChanged} onClose={() => setIsOpen(false)} /> : null}
    </>
  );
}

/** The edit button of one programme with its dialog. */
export function EditProgrammeButton({ programme, onChanged }: { programme: Programme; onChanged: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" aria-label={t('programmeEditor.editLabel', { name: programme.name })} onClick={() => setIsOpen(true)}>
        {t('programmeEditor.edit')}
      </button>
      {isOpen ? <ProgrammeEditor programme={programme} onChanged={onChanged} onClose={() => setIsOpen(false)} /> : null}
    </>
  );
}
