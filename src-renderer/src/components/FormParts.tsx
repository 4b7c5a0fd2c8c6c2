import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LanguageSchema } from '../../../src-shared/schemas/common.schema';

/* The pieces every edit form repeats: the service's refusal, Save/Cancel, and the language choices. */

/** The service's message when it refused the whole form (field errors go under their fields). */
export function ServerError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="notice notice-error">
      {message}
    </p>
  );
}

/** Save (busy while submitting) and Cancel. */
export function FormActions({ isSubmitting, onCancel }: { isSubmitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('app.saving') : t('app.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </div>
  );
}

/** One checkbox per language, registered as a list field. */
export function LanguageChecks({ legend, registration, hasError }: { legend: string; registration: UseFormRegisterReturn; hasError: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field field-wide">
      <legend>{legend}</legend>
      <div className="checks">
        {LanguageSchema.options.map((l) => (
          <label key={l} className="check">
            <input type="checkbox" value={l} {...registration} /> {t(`languages.${l}`)}
          </label>
        ))}
      </div>
      {hasError ? <p className="field-error">{t('validation.languages')}</p> : null}
    </fieldset>
  );
}

/** The options of a single-language select. */
export function LanguageOptions() {
  const { t } = useTranslation();
  return (
    <>
      {LanguageSchema.options.map((l) => (
        <option key={l} value={l}>
          {t(`languages.${l}`)}
        </option>
      ))}
    </>
  );
}
