import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanResult } from '../../../../src-shared/schemas/planner.schema';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { BlockPanel } from './BlockPanel';
import { CalendarView, type CalendarBlock } from './CalendarView';
import { formatDate, formatHours, todayIso } from './dates';
import { conflictTitle, problemText } from './texts';

async function loadSchedule(programmeId: number) {
  const [schedule, sessions] = await Promise.all([invoke('planner.schedule', { programmeId }), invoke('planner.sessions', { programmeId })]);
  return { schedule, sessions: sessions.sessions };
}

/** Plan (a preview that writes nothing), apply, and the calendar of blocks and sessions with the block panel. */
export function ScheduleSection({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { reportSuccess, reportError } = useNotices();
  const data = useApiQuery(() => loadSchedule(programmeId), [programmeId]);
  const [preview, setPreview] = useState<PlanResult | null>(null);
  const [isPlanning, setIsPlanning] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [jumpTo, setJumpTo] = useState<{ date: string } | null>(null);

  async function plan() {
    setIsPlanning(true);
    try {
      setPreview(await invoke('planner.plan', { programmeId, apply: false }));
    } catch (e) {
      reportError(e);
    } finally {
      setIsPlanning(false);
    }
  }

  async function apply() {
    try {
      const r = await invoke('planner.plan', { programmeId, apply: true });
      reportSuccess(t('planner.plan.applied', { blocks: r.proposedBlocks, fully: r.fullyPlanned, placements: r.placements, sessions: r.sessionsAssigned }));
      setPreview(r);
      data.reload();
    } catch (e) {
      reportError(e);
    }
  }

  const schedule = data.data?.schedule.programmeId === programmeId ? data.data.schedule : undefined;
  const stored = schedule?.blocks ?? [];
  const previewBlocks: CalendarBlock[] = preview && !preview.isApplied ? preview.blocks.filter((b) => b.isNew).map((b) => ({ ...b, isPreview: true })) : [];
  // A preview replaces earlier proposals: show what stays plus the new proposals.
  const kept = preview && !preview.isApplied ? stored.filter((b) => b.status !== 'proposed' || preview.blocks.some((p) => p.id === b.id)) : stored;
  const blocks: CalendarBlock[] = [...kept, ...previewBlocks];
  const selected = stored.find((b) => b.id === selectedId) ?? null;
  const today = todayIso();
  const firstBlock = [...blocks].sort((a, b) => (a.date < b.date ? -1 : 1)).find((b) => b.date >= today)?.date;
  const initialDate = firstBlock ?? (schedule?.windowStart && schedule.windowStart > today ? schedule.windowStart : today);

  return (
    <div className="planner-schedule">
      <section className="card" aria-labelledby="plan-title">
        <h3 id="plan-title">{t('planner.plan.title')}</h3>
        <p className="hint">{t('planner.plan.hint')}</p>
        {schedule ? (
          <p className="muted small">
            {t('planner.plan.window', { from: schedule.windowStart ? formatDate(schedule.windowStart, lang) : t('app.none'), to: schedule.windowEnd ? formatDate(schedule.windowEnd, lang) : t('app.none') })} ·{' '}
            {t('planner.plan.holidays', { country: schedule.country === 'NL' ? t('planner.plan.countryNl') : t('planner.plan.countryBe'), regions: schedule.regions.join(', ') || t('app.none'), count: schedule.holidays.length })}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="primary" disabled={isPlanning} onClick={() => void plan()}>
            {isPlanning ? t('planner.plan.planning') : t('planner.plan.preview')}
          </button>
          {preview && !preview.isApplied ? (
            <ConfirmButton
              isPrimary
              label={t('planner.plan.apply')}
              question={t('planner.plan.applyQuestion', { count: preview.proposedBlocks, replaced: preview.replacedBlocks })}
              confirmLabel={t('planner.plan.applyConfirm')}
              cancelLabel={t('app.cancel')}
              busyLabel={t('app.saving')}
              onConfirm={apply}
            />
          ) : null}
        </div>
        {preview ? <PlanSummary result={preview} /> : null}
      </section>

      <div className={selected ? 'split' : undefined}>
        <div className="card">
          {data.data ? (
            <>
              {previewBlocks.length > 0 ? <p className="notice notice-warn">{t('planner.calendar.previewNote')}</p> : null}
              {stored.length === 0 && previewBlocks.length === 0 ? <p className="muted">{t('planner.calendar.noBlocks')}</p> : null}
              <CalendarView key={`${programmeId}-${blocks.length > 0 ? 'blocks' : 'empty'}`} blocks={blocks} sessions={data.data.sessions} holidays={schedule?.holidays ?? []} initialDate={initialDate} selectedBlockId={selectedId} onSelectBlock={(b) => setSelectedId(b.id)} jumpTo={jumpTo} />
            </>
          ) : (
            <p className="muted">{data.error ?? t('app.loading')}</p>
          )}
        </div>
        {selected ? (
          <BlockPanel
            key={selected.id}
            block={selected}
            onChanged={(r) => {
              setPreview(null);
              const moved = r.changed.find((b) => b.id === selected.id);
              if (moved && moved.date !== selected.date) setJumpTo({ date: moved.date });
              data.reload();
            }}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>
    </div>
  );
}

function PlanSummary({ result: r }: { result: PlanResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="plan-summary" role="region" aria-label={r.isApplied ? t('planner.plan.appliedTitle') : t('planner.plan.previewTitle')}>
      <h4>{r.isApplied ? t('planner.plan.appliedTitle') : t('planner.plan.previewTitle')}</h4>
      <dl className="summary">
        <div>
          <dt>{t('planner.plan.placements')}</dt>
          <dd>{r.placements}</dd>
        </div>
        <div>
          <dt>{t('planner.plan.fullyPlanned')}</dt>
          <dd>{r.fullyPlanned}</dd>
        </div>
        <div>
          <dt>{t('planner.plan.missingHours')}</dt>
          <dd>{formatHours(r.missingHours, lang)}</dd>
        </div>
        <div>
          <dt>{t('planner.plan.newBlocks')}</dt>
          <dd>{r.proposedBlocks}</dd>
        </div>
        <div>
          <dt>{t('planner.plan.replacedBlocks')}</dt>
          <dd>{r.replacedBlocks}</dd>
        </div>
        <div>
          <dt>{t('planner.plan.conflicts')}</dt>
          <dd>{r.conflicts.length}</dd>
        </div>
      </dl>
      {r.problems.length > 0 ? (
        <>
          <h5>{t('planner.plan.problems', { count: r.problems.length })}</h5>
          <ul className="plain-list">
            {r.problems.map((p, i) => (
              <li key={`${p.placementId}-${p.code}-${i}`}>{problemText(t, lang, p)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('planner.plan.noProblems')}</p>
      )}
      {r.conflicts.length > 0 ? (
        <ul className="plain-list">
          {r.conflicts.map((c) => (
            <li key={`${c.blockId}-${c.rule}-${c.otherBlockId ?? ''}`}>
              <strong>{conflictTitle(t, c)}</strong>: {c.participantName}, {formatDate(c.date, lang)} {c.startTime}–{c.endTime}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
