import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, ContactInputSchema, type Contact, type ContactInput } from '../../../src-shared/schemas/organisation.schema';
import { FormField } from './FormField';
import { invoke } from '../lib/api';
import { emptyToNull } from '../lib/form-values';
import { applyServerError } from '../lib/server-errors';
import { FormActions, LanguageOptions, ServerError } from './FormParts';

const FIELDS = ['name', 'role', 'email', 'phone', 'language'] as const;

interface Props {
  organisationId: number;
  onSaved: (c: Contact) => void;
  onCancel: () => void;
}

/** Add a contact person (project lead, host contact) to an organisation, validated with the shared schema. */
export function ContactForm({ organisationId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setFocus } = useForm({
    resolver: zodResolver(ContactInputSchema),
    defaultValues: { organisationId, name: '', role: 'project_lead', email: null, phone: null, language: 'nl' } satisfies ContactInput,
  });
  const errors = formState.errors;
  const text = { setValueAs: emptyToNull };

  // The form opens below the list on a click: put the cursor where typing starts.
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      onSaved(await invoke('contact.create', values));
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  const title = t('organisations.newContactTitle');
  return (
    <form className="form subform" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
      <h4>{title}</h4>
      <ServerError message={serverError} />
      <div className="form-grid">
        <FormField id="contact-name" label={t('organisation.contactFields.name')} error={errors.name} wide>
          <input id="contact-name" {...register('name')} aria-invalid={errors.name ? true : undefined} />
        </FormField>
        <FormField id="contact-role" label={t('organisation.contactFields.role')} error={errors.role}>
          <select id="contact-role" {...register('role')}>
            {CONTACT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`organisations.contactRoles.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="contact-language" label={t('organisation.contactFields.language')} error={errors.language}>
          <select id="contact-language" {...register('language')}>
            <LanguageOptions />
          </select>
        </FormField>
        <FormField id="contact-email" label={t('organisation.contactFields.email')} error={errors.email}>
          <input id="contact-email" type="email" {...register('email', text)} aria-invalid={errors.email ? true : undefined} />
        </FormField>
        <FormField id="contact-phone" label={t('organisation.contactFields.phone')} error={errors.phone} hint={t('organisation.contactFields.phoneHint')}>
          <input id="contact-phone" type="tel" {...register('phone', text)} aria-invalid={errors.phone ? true : undefined} />
        </FormField>
      </div>
      <FormActions isSubmitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
