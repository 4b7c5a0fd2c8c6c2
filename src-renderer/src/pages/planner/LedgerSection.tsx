import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Conflict, LedgerRow } from '../../../../src-shared/schemas/planner.schema';
import { DataTable } from '../../components/DataTable';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { formatDate, formatHours } from './dates';
import { refusalTexts } from './refusal-texts';
import { conflictFix, conflictSessionText, conflictTitle } from './texts';

const column = createColumnHelper<LedgerRow>();

/** Hours required, planned, done and missing per participant, and the conflicts with their fix. */
export function LedgerSection({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ledger = useApiQuery(() => invoke('planner.ledger', { programmeId }), [programmeId]);
  const [filter, setFilter] = useState<'all' | 'missing' | 'conflicts'>('all');
  const data = ledger.data?.programmeId === programmeId ? ledger.data : undefined;
  const all = data?.rows ?? [];
  const rows = filter === 'missing' ? all.filter((r) => !r.isComplete) : filter === 'conflicts' ? all.filter((r) => r.conflictCount > 0) : all;
  const hours = (n: number) => formatHours(n, lang);

  const columns = useMemo(
    () => [
      column.accessor('participantName', { header: t('planner.ledger.participant') }),
      column.accessor('requiredHours', { header: t('planner.ledger.required'), cell: (c) => formatHours(c.getValue(), lang) }),
      column.accessor('plannedHours', { header: t('planner.ledger.planned'), cell: (c) => formatHours(c.getValue(), lang) }),
      column.accessor('doneHours', { header: t('planner.ledger.done'), cell: (c) => formatHours(c.getValue(), lang) }),
      column.accessor('missingHours', { header: t('planner.ledger.missing'), cell: (c) => formatHours(c.getValue(), lang) }),
      column.accessor('conflictCount', { header: t('planner.ledger.conflicts') }),
      column.accessor('isComplete', {
        header: t('planner.ledger.state'),
        cell: (c) => (c.getValue() ? <span className="badge">{t('planner.ledger.complete')}</span> : <span className="badge badge-warn">{t('planner.ledger.incomplete')}</span>),
      }),
    ],
    [t, lang],
  );

  if (!data) return <p className="muted">{ledger.error ?? t('app.loading')}</p>;
  return (
    <div className="planner-ledger">
      <dl className="summary ledger-totals" aria-label={t('planner.ledger.totals')}>
        <div>
          <dt>{t('planner.ledger.required')}</dt>
          <dd>{hours(data.totals.requiredHours)}</dd>
        </div>
        <div>
          <dt>{t('planner.ledger.planned')}</dt>
          <dd>{hours(data.totals.plannedHours)}</dd>
        </div>
        <div>
          <dt>{t('planner.ledger.done')}</dt>
          <dd>{hours(data.totals.doneHours)}</dd>
        </div>
        <div>
          <dt>{t('planner.ledger.missing')}</dt>
          <dd>{hours(data.totals.missingHours)}</dd>
        </div>
        <div>
          <dt>{t('planner.ledger.completeParticipants')}</dt>
          <dd>
            {data.totals.completeParticipants} / {data.rows.length}
          </dd>
        </div>
      </dl>

      {/* Conflicts first: they need action, the table is for reading. */}
      <section aria-labelledby="conflicts-title" className="conflicts">
        <h3 id="conflicts-title">{t('planner.ledger.conflictsTitle', { count: data.conflicts.length })}</h3>
        {data.conflicts.length === 0 ? (
          <p className="muted">{t('planner.ledger.noConflicts')}</p>
        ) : (
          <ul className="plain-list">
            {data.conflicts.map((c) => (
              <ConflictItem key={`${c.blockId}-${c.rule}-${c.otherBlockId ?? ''}-${c.sessionId ?? ''}`} conflict={c} onFixed={ledger.reload} />
            ))}
          </ul>
        )}
      </section>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="ledger-filter">{t('planner.ledger.show')}</label>
          <select id="ledger-filter" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="all">{t('planner.ledger.showAll')}</option>
            <option value="missing">{t('planner.ledger.showMissing')}</option>
            <option value="conflicts">{t('planner.ledger.showConflicts')}</option>
          </select>
        </div>
        <p className="muted count" aria-live="polite">
          {t('planner.ledger.count', { count: rows.length })}
        </p>
      </div>
      <div className="table-scroll">
        <DataTable data={rows} columns={columns} getRowId={(r) => String(r.participantId)} caption={t('planner.ledger.caption')} empty={t('planner.ledger.empty')} initialSort={[{ id: 'participantName', desc: false }]} testId="ledger-table" />
      </div>

    </div>
  );
}

function ConflictItem({ conflict: c, onFixed }: { conflict: Conflict; onFixed: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { reportSuccess } = useNotices();
  const [refusal, setRefusal] = useState<string[]>([]);
  const [isBusy, setIsBusy] = useState(false);
  const slot = c.suggestedSlot;
  const withSession = conflictSessionText(t, lang, c);

  async function fix() {
    if (!slot) return;
    setIsBusy(true);
    setRefusal([]);
    try {
      await invoke('planner.blockMove', { id: c.blockId, ...slot });
      reportSuccess(t('planner.block.moved', { name: c.participantName, date: formatDate(slot.date, lang), start: slot.startTime, end: slot.endTime }));
      onFixed();
    } catch (e) {
      setRefusal(refusalTexts(t, lang, e));
      setIsBusy(false);
    }
  }

  return (
    <li className="conflict">
      <p>
        <strong>{conflictTitle(t, c)}</strong>: {c.participantName}, {formatDate(c.date, lang)} {c.startTime}–{c.endTime}
      </p>
      {withSession ? <p>{withSession}</p> : null}
      <p className="hint">{conflictFix(t, c)}</p>
      {slot ? (
        <button type="button" className="small-button" disabled={isBusy} onClick={() => void fix()}>
          {t('planner.ledger.moveTo', { date: formatDate(slot.date, lang), start: slot.startTime, end: slot.endTime })}
        </button>
      ) : (
        <p className="hint">{t('planner.ledger.noSlot')}</p>
      )}
      {refusal.length > 0 ? (
        <p role="alert" className="field-error">
          {refusal.join(' ')}
        </p>
      ) : null}
    </li>
  );
}
