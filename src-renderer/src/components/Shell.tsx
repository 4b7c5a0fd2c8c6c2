import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, ROUTES, type Route } from '../hooks/useRoute';
import { AlertRegion } from './AlertRegion';

/** Navigation on the left, the alert region and the current page on the right. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="sidebar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {ROUTES.map((r) => (
              <li key={r}>
                <a href={hrefFor(r)} aria-current={r === route ? 'page' : undefined}>
                  {t(`nav.${r}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="content">
        <AlertRegion />
        {children}
      </main>
    </div>
  );
}
