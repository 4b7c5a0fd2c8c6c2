import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELD_LABEL_KEYS, type ImportFieldLabelKey } from '../../i18n/areas/importer';

const KNOWN = new Set<string>(IMPORT_FIELD_LABEL_KEYS);

/**
 * The label of a field key of the import service ("email", "choice1", "application.choices") in the
 * UI language; a key the texts do not know yet is shown as it is rather than hidden.
 */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => {
      const key = field.startsWith('application.') ? field.slice('application.'.length) : field;
      return KNOWN.has(key) ? t(`importer.fields.${key as ImportFieldLabelKey}`) : key;
    },
    [t],
  );
}
