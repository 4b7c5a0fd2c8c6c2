import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Scenario, ScenarioSummary } from '../../../../src-shared/schemas/matching.schema';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { useApiQuery } from '../../hooks/useApiQuery';
import { invoke } from '../../lib/api';
import { explanationText, pinProblemText } from './explanation-text';
import { formatDateTime } from './format';

interface OutcomeRow {
  key: string;
  name: string;
  email: string | null;
  host: string | null;
  place: string | null;
  mentor: string | null;
  rank: number | null;
  isPlaced: boolean;
  isPinned: boolean;
  explanation: string | null;
}

type Filter = 'all' | 'unplaced' | 'lower';
const FILTERS: readonly Filter[] = ['all', 'unplaced', 'lower'];

/** Everyone's outcome: placed participants with their host, and an explanation for those not on choice 1. */
function outcomeRows(s: Scenario, t: TFunction, language: string): OutcomeRow[] {
  const explained = new Map(s.outcomes.map((o) => [o.applicationId, explanationText(o, t, language)]));
  const placed: OutcomeRow[] = s.assignments.map((a) => ({
    key: `a-${a.applicationId}-${a.placeId ?? a.organisationId}`,
    name: a.participantName,
    email: a.email,
    host: a.organisationName,
    place: a.placeName,
    mentor: a.mentorName,
    rank: a.rank,
    isPlaced: true,
    isPinned: a.isPinned,
    explanation: a.rank === 1 ? null : (explained.get(a.applicationId) ?? null),
  }));
  const unplaced: OutcomeRow[] = s.outcomes
    .filter((o) => o.outcome === 'unplaced')
    .map((o) => ({
      key: `u-${o.applicationId}`,
      name: o.participantName,
      email: o.email,
      host: null,
      place: null,
      mentor: null,
      rank: null,
      isPlaced: false,
      isPinned: false,
      explanation: explained.get(o.applicationId) ?? null,
    }));
  return [...placed, ...unplaced];
}

const column = createColumnHelper<OutcomeRow>();

interface Props {
  scenarioId: number;
  summaries: ScenarioSummary[];
  onView: (id: number) => void;
  onPublish: (id: number) => Promise<void>;
}

/** One scenario in full: the outcome per participant, the waiting list, and publishing it. */
export function ScenarioOutcome({ scenarioId, summaries, onView, onPublish }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const summary = summaries.find((s) => s.id === scenarioId);
  const query = useApiQuery(() => invoke('matching.scenario', { id: scenarioId }), [scenarioId, summary?.publishedAt]);
  const scenario = query.data;
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');

  const all = useMemo(() => (scenario ? outcomeRows(scenario, t, language) : []), [scenario, t, language]);
  const needle = search.trim().toLocaleLowerCase();
  const rows = all.filter((r) => {
    if (filter === 'unplaced' && r.isPlaced) return false;
    if (filter === 'lower' && (!r.isPlaced || r.rank === 1)) return false;
    return needle === '' || r.name.toLocaleLowerCase().includes(needle) || (r.email ?? '').toLocaleLowerCase().includes(needle);
  });

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('matching.participant'),
        cell: (c) => (
          <>
            <span>{c.getValue()}</span>
            {c.row.original.email ? <span className="cell-sub">{c.row.original.email}</span> : null}
          </>
        ),
      }),
      column.accessor((r) => r.host ?? '', {
        id: 'host',
        header: t('matching.host'),
        cell: (c) =>
          c.row.original.isPlaced ? (
            <>
              {c.getValue()} {c.row.original.isPinned ? <span className="badge">{t('matching.pinned')}</span> : null}
            </>
          ) : (
            <span className="badge badge-warn">{t('matching.notPlaced')}</span>
          ),
      }),
      column.accessor((r) => r.place ?? '', { id: 'place', header: t('matching.place') }),
      column.accessor((r) => r.mentor ?? '', { id: 'mentor', header: t('matching.mentor') }),
      column.accessor((r) => r.rank ?? 99, {
        id: 'rank',
        header: t('matching.rank'),
        cell: (c) => (c.row.original.rank !== null ? c.row.original.rank : c.row.original.isPlaced ? t('matching.noRank') : t('app.none')),
      }),
      column.accessor((r) => r.explanation ?? '', {
        id: 'explanation',
        header: t('matching.explanation'),
        enableSorting: false,
        cell: (c) => (c.getValue() === '' ? null : <span className="explanation">{c.getValue()}</span>),
      }),
    ],
    [t],
  );

  const modeName = summary ? t(`matching.modes.${summary.mode}`) : '';
  return (
    <section className="card" aria-labelledby="outcome-title">
      <div className="page-head">
        <h2 id="outcome-title">{t('matching.detailTitle', { id: scenarioId, mode: modeName })}</h2>
        <div className="field field-inline">
          <label htmlFor="outcome-scenario">{t('matching.chooseScenario')}</label>
          <select id="outcome-scenario" value={scenarioId} onChange={(e) => onView(Number(e.target.value))}>
            {summaries.map((s) => (
              <option key={s.id} value={s.id}>
                {t('matching.scenario', { id: s.id })} · {t(`matching.modes.${s.mode}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {summary?.publishedAt ? <p className="badge published">{t('matching.publishedOn', { at: formatDateTime(summary.publishedAt, language) })}</p> : null}
      {scenario && scenario.pinProblems.length > 0 ? (
        <p className="notice notice-warn">
          {t('matching.pinProblemsText', { count: scenario.pinProblems.length, codes: pinProblemText([...new Set(scenario.pinProblems.map((p) => p.code))], t) })}
        </p>
      ) : null}

      <div className="publish">
        <ConfirmButton
          isPrimary
          label={t('matching.publish')}
          question={t('matching.publishConfirm', { id: scenarioId })}
          confirmLabel={t('matching.publishYes')}
          busyLabel={t('matching.publishing')}
          cancelLabel={t('app.cancel')}
          onConfirm={() => onPublish(scenarioId)}
        />
      </div>

      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="outcome-filter">{t('matching.show')}</label>
          <select id="outcome-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`matching.filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="outcome-search">{t('app.search')}</label>
          <input id="outcome-search" type="search" value={search} placeholder={t('matching.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <p className="muted count" aria-live="polite">
          {scenario ? t('matching.rows', { count: rows.length }) : t('app.loading')}
        </p>
      </div>

      <div className="table-scroll">
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(r) => r.key}
          caption={t('matching.detailTitle', { id: scenarioId, mode: modeName })}
          empty={query.isLoading ? t('app.loading') : t('matching.noRows')}
          initialSort={[{ id: 'name', desc: false }]}
          testId="outcome-table"
        />
      </div>

      <h3 id="waiting-title">{t('matching.waitingTitle')}</h3>
      <p className="hint">{t('matching.waitingHint')}</p>
      {scenario && scenario.waitingList.length === 0 ? <p>{t('matching.waitingEmpty')}</p> : null}
      {scenario && scenario.waitingList.length > 0 ? (
        <ol className="waiting-list" aria-labelledby="waiting-title">
          {scenario.waitingList.map((w) => (
            <li key={w.applicationId}>
              {w.participantName}
              {w.email ? <span className="muted"> · {w.email}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
