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
  /** The contact person to change; null or absent to add one. */
  contact?: Contact | null;
  onSaved: (c: Contact) => void;
  onCancel: () => void;
}

/** Add or change a contact person (project lead, host contact) of an organisation, validated with the shared schema. */
export function ContactForm({ organisationId, contact = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setFocus } = useForm({
    resolver: zodResolver(ContactInputSchema),
    defaultValues: (contact
      ? { organisationId, name: contact.name, role: contact.role, email: contact.email, phone: contact.phone, language: contact.language }
      : { organisationId, name: '', role: 'project_lead', email: null, phone: null, language: 'nl' }) satisfies ContactInput,
  });
  const errors = formState.errors;
  const text = { setValueAs: emptyToNull };

  // The form opens below the list on a click: put the cursor where typing starts.
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      if (contact) {
        const { organisationId: _organisation, ...patch } = values;
        onSaved(await invoke('contact.update', { id: contact.id, patch }));
      } else {
        onSaved(await invoke('contact.create', values));
      }
    } catch (e) {
      setServerError(applyServerError(e, FIELDS, setError));
    }
  });

  const title = contact ? t('organisations.editContactTitle', { name: contact.name }) : t('organisations.newContactTitle');
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
