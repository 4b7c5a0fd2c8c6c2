import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario, ScenarioSummary } from '../../../../src-shared/schemas/matching.schema';
import { useApiQuery } from '../../hooks/useApiQuery';
import { invoke } from '../../lib/api';
import { formatDateTime } from './format';

/** More columns than this no longer fit next to each other on a laptop screen. */
const MAX_COMPARED = 4;

interface Props {
  summaries: ScenarioSummary[];
  isLoading: boolean;
  shownId: number | null;
  onView: (id: number) => void;
}

/** The newest scenarios side by side: counts, choices obtained, fill per host and reciprocity. */
export function ScenarioComparison({ summaries, isLoading, shownId, onView }: Props) {
  const { t, i18n } = useTranslation();
  // Oldest on the left, so a new run appears on the right of the one it is compared with.
  const compared = summaries.slice(0, MAX_COMPARED).reverse();
  const key = compared.map((s) => s.id).join(',');
  const full = useApiQuery(() => Promise.all(compared.map((s) => invoke('matching.scenario', { id: s.id }))), [key]);
  const byId = new Map<number, Scenario>((full.data ?? []).map((s) => [s.id, s]));
  const older = summaries.length - compared.length;

  const ranks = [...new Set(compared.flatMap((s) => Object.keys(s.byRank)))].map(Number).filter((r) => Number.isFinite(r)).sort((a, b) => a - b);
  const fromFull = (s: ScenarioSummary, pick: (x: Scenario) => ReactNode): ReactNode => {
    const f = byId.get(s.id);
    return f ? pick(f) : '…';
  };

  const rows: { label: string; cell: (s: ScenarioSummary) => ReactNode }[] = [
    { label: t('matching.mode'), cell: (s) => t(`matching.modes.${s.mode}`) },
    { label: t('matching.createdAt'), cell: (s) => formatDateTime(s.createdAt, i18n.language) },
    { label: t('matching.applications'), cell: (s) => s.applications },
    { label: t('matching.placed'), cell: (s) => s.placed },
    { label: t('matching.unplaced'), cell: (s) => s.unplaced },
    ...ranks.map((rank) => ({ label: t('matching.byRank', { rank }), cell: (s: ScenarioSummary) => s.byRank[String(rank)] ?? 0 })),
    { label: t('matching.sendsWithoutHosting'), cell: (s) => fromFull(s, (f) => f.reciprocity.filter((r) => r.sendsWithoutHosting).length) },
    { label: t('matching.belowMinPlaces'), cell: (s) => fromFull(s, (f) => f.reciprocity.filter((r) => r.belowMinPlaces).length) },
    { label: t('matching.pinProblems'), cell: (s) => fromFull(s, (f) => f.pinProblems.length) },
    { label: t('matching.published'), cell: (s) => (s.publishedAt ? formatDateTime(s.publishedAt, i18n.language) : t('matching.notPublished')) },
  ];

  return (
    <section className="card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('matching.compareTitle')}</h2>
      {isLoading ? <p className="muted">{t('app.loading')}</p> : null}
      {!isLoading && summaries.length === 0 ? <p>{t('matching.noScenarios')}</p> : null}
      {compared.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data-table compare-table" aria-labelledby="compare-title">
              <thead>
                <tr>
                  <th scope="col">{t('matching.measure')}</th>
                  {compared.map((s) => (
                    <th key={s.id} scope="col" className={s.id === shownId ? 'is-shown' : undefined}>
                      {t('matching.scenario', { id: s.id })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {compared.map((s) => (
                      <td key={s.id} className={s.id === shownId ? 'is-shown' : undefined}>
                        {row.cell(s)}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">
                    <span className="visually-hidden">{t('matching.view')}</span>
                  </th>
                  {compared.map((s) => (
                    <td key={s.id} className={s.id === shownId ? 'is-shown' : undefined}>
                      {s.id === shownId ? (
                        <span className="badge">{t('matching.viewing')}</span>
                      ) : (
                        <button type="button" onClick={() => onView(s.id)} aria-label={`${t('matching.view')}: ${t('matching.scenario', { id: s.id })}`}>
                          {t('matching.view')}
                        </button>
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          {older > 0 ? <p className="muted small">{t('matching.olderHidden', { count: older })}</p> : null}
          {full.data ? <FillAndReciprocity scenarios={full.data} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** Organisations down, scenarios across: the shape of both the fill and the reciprocity table. */
function PerScenarioTable({ scenarios, caption, firstHeader, rows, cell }: { scenarios: Scenario[]; caption: string; firstHeader: string; rows: [number, string][]; cell: (s: Scenario, organisationId: number) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table compare-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {scenarios.map((s) => (
              <th key={s.id} scope="col">
                {t('matching.scenario', { id: s.id })} · {t(`matching.modes.${s.mode}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, name]) => (
            <tr key={id}>
              <th scope="row">{name}</th>
              {scenarios.map((s) => (
                <td key={s.id}>{cell(s, id)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FillAndReciprocity({ scenarios }: { scenarios: Scenario[] }) {
  const { t } = useTranslation();
  const hostNames = new Map<number, string>();
  for (const s of scenarios) for (const f of s.fill) hostNames.set(f.organisationId, f.organisationName);
  const hosts = [...hostNames.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const flaggedNames = new Map<number, string>();
  for (const s of scenarios) for (const r of s.reciprocity) if (r.sendsWithoutHosting || r.belowMinPlaces) flaggedNames.set(r.organisationId, r.organisationName);
  const flagged = [...flaggedNames.entries()].sort((a, b) => a[1].localeCompare(b[1]));

  const fillCell = (s: Scenario, id: number) => {
    const f = s.fill.find((x) => x.organisationId === id);
    if (!f) return t('app.none');
    const isFull = f.capacity > 0 && f.taken >= f.capacity;
    return (
      <span className="fill">
        <meter min={0} max={Math.max(f.capacity, 1)} value={f.taken} aria-hidden="true" />
        <span className={isFull ? 'fill-full' : undefined}>{t('matching.fillCell', { taken: f.taken, capacity: f.capacity })}</span>
      </span>
    );
  };
  const reciprocityCell = (s: Scenario, id: number) => {
    const r = s.reciprocity.find((x) => x.organisationId === id);
    if (!r) return t('app.none');
    return (
      <>
        {t('matching.reciprocityCell', { sent: r.sent, received: r.received, count: r.placesOffered })}
        <span className="badges">
          {r.sendsWithoutHosting ? <span className="badge badge-warn">{t('matching.flagSends')}</span> : null}
          {r.belowMinPlaces ? <span className="badge badge-warn">{t('matching.flagBelowMin')}</span> : null}
        </span>
      </>
    );
  };

  return (
    <>
      <details className="compare-details">
        <summary>{t('matching.fillTitle')}</summary>
        <PerScenarioTable scenarios={scenarios} caption={t('matching.fillTitle')} firstHeader={t('matching.host')} rows={hosts} cell={fillCell} />
      </details>
      <details className="compare-details" open={flagged.length > 0 ? true : undefined}>
        <summary>{t('matching.reciprocityTitle')}</summary>
        {flagged.length === 0 ? (
          <p>{t('matching.reciprocityNone')}</p>
        ) : (
          <PerScenarioTable scenarios={scenarios} caption={t('matching.reciprocityTitle')} firstHeader={t('organisation.name')} rows={flagged} cell={reciprocityCell} />
        )}
      </details>
    </>
  );
}
