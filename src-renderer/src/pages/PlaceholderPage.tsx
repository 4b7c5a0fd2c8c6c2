import { useTranslation } from 'react-i18next';

/** An honest page for areas built in later issues: it says what will come, not a fake screen. */
export function PlaceholderPage({ area }: { area: 'import' | 'planner' | 'documents' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t(`nav.${area}`)}</h1>
      <div className="card placeholder">
        <h2>{t('placeholder.coming')}</h2>
        <p>{t(`placeholder.${area}`)}</p>
        <p className="muted">{t('placeholder.comingText')}</p>
      </div>
    </section>
  );
}
