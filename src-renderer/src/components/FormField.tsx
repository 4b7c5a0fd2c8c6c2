import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../lib/field-errors';

interface Props {
  id: string;
  label: string;
  error?: FieldError | undefined;
  hint?: string;
  children: ReactNode;
  wide?: boolean;
}

/** A labelled form control with its hint and validation message, linked for screen readers. */
export function FormField({ id, label, error, hint, children, wide }: Props) {
  const { t } = useTranslation();
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {fieldErrorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
