import { useTranslation } from 'react-i18next';
import { useNotices } from '../hooks/useNotices';

/**
 * The shell's message area. The alert and status regions are always in the page (empty when there
 * is nothing to say) so that screen readers announce messages that appear later.
 */
export function AlertRegion() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  const errors = notices.filter((n) => n.kind === 'error');
  const successes = notices.filter((n) => n.kind === 'success');
  return (
    <div className="notices">
      <div role="alert" className="notice-list">
        {errors.map((n) => (
          <div key={n.id} className="notice notice-error">
            <p>
              <strong>{t('app.errorTitle')}: </strong>
              <span className="notice-text">{n.text}</span>
            </p>
            <button type="button" className="link-button" onClick={() => dismiss(n.id)} aria-label={t('app.dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" className="notice-list">
        {successes.map((n) => (
          <div key={n.id} className="notice notice-success">
            <p className="notice-text">{n.text}</p>
            <button type="button" className="link-button" onClick={() => dismiss(n.id)} aria-label={t('app.dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
