import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../hooks/useApiQuery';
import { invoke } from '../lib/api';
import { BackupsCard } from '../components/BackupsCard';
import { RetentionCard } from '../components/RetentionCard';
import { changeLanguage, UI_LANGUAGES, type UiLanguage } from '../i18n';

/** Where the data lives, which version runs, and the language of the window. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const status = useApiQuery(() => invoke('app.status', {}), []);
  const current = (UI_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as UiLanguage) : 'nl';

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>

      <div className="card">
        <h2>{t('settings.languageSection')}</h2>
        <div className="field field-narrow">
          <label htmlFor="ui-language">{t('settings.language')}</label>
          <select id="ui-language" value={current} onChange={(e) => void changeLanguage(e.target.value as UiLanguage)}>
            {UI_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
          <p className="hint">{t('settings.languageHint')}</p>
        </div>
      </div>

      <div className="card">
        <h2>{t('settings.data')}</h2>
        {status.data ? (
          <dl className="facts">
            <dt>{t('settings.dbPath')}</dt>
            <dd>
              <code data-testid="db-path">{status.data.dbPath}</code>
            </dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{status.data.dataDir}</code>
            </dd>
            <dt>{t('settings.version')}</dt>
            <dd>{status.data.version}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{status.data.schemaVersion}</dd>
          </dl>
        ) : (
          <p className="muted">{status.isLoading ? t('app.loading') : status.error}</p>
        )}
        <p className="hint">{t('settings.dataHint')}</p>
      </div>

      <BackupsCard />
      <RetentionCard />
    </section>
  );
}

// Each language is offered in its own name, so someone who cannot read the current one finds theirs.
const NATIVE_NAMES: Record<UiLanguage, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };
