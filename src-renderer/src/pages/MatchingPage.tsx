import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingMode } from '../../../src-shared/schemas/matching.schema';
import { ProgrammePicker } from '../components/ProgrammePicker';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';
import { PlacementsSection } from './matching/PlacementsSection';
import { ScenarioComparison } from './matching/ScenarioComparison';
import { ScenarioOutcome } from './matching/ScenarioOutcome';

const MODES: readonly MatchingMode[] = ['priority', 'optimal'];

/**
 * The matching board: run both modes as scenarios, compare them, read the outcome per participant,
 * publish one, and then keep the published placements in hand (pin, move, cancel).
 */
export function MatchingPage() {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const programmes = useApiQuery(() => invoke('programme.list', {}), []);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const list = programmes.data ?? [];
  const programmeId = list.some((p) => p.id === chosenId) ? chosenId : (list[0]?.id ?? null);

  const scenarios = useApiQuery(() => (programmeId === null ? Promise.resolve([]) : invoke('matching.scenarios', { programmeId })), [programmeId]);
  // Scenarios of another programme may still be on screen while the new list loads.
  const summaries = (scenarios.data ?? []).filter((s) => s.programmeId === programmeId);
  const [viewId, setViewId] = useState<number | null>(null);
  const shownId = summaries.some((s) => s.id === viewId) ? viewId : (summaries[0]?.id ?? null);
  const [runningMode, setRunningMode] = useState<MatchingMode | null>(null);
  // Bumped when the placements change from outside the placements section (publishing).
  const [placementsGeneration, setPlacementsGeneration] = useState(0);

  async function run(mode: MatchingMode) {
    if (programmeId === null) return;
    setRunningMode(mode);
    try {
      const s = await invoke('matching.run', { programmeId, mode });
      reportSuccess(t('matching.ran', { id: s.id, mode: t(`matching.modes.${mode}`), placed: s.placed, count: s.applications }));
      setViewId(s.id);
      scenarios.reload();
    } catch (e) {
      reportError(e);
    } finally {
      setRunningMode(null);
    }
  }

  async function publish(scenarioId: number) {
    try {
      const r = await invoke('matching.publish', { scenarioId });
      reportSuccess(t('matching.publishedDone', { id: scenarioId, count: r.published, kept: r.kept, removed: r.removed }));
      scenarios.reload();
      setPlacementsGeneration((n) => n + 1);
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <section aria-labelledby="page-title" className="matching">
      <h1 id="page-title">{t('matching.title')}</h1>
      <p className="muted intro">{t('matching.intro')}</p>

      {programmes.data && list.length === 0 ? <p>{t('matching.noProgrammes')}</p> : null}
      <ProgrammePicker
        id="matching-programme"
        label={t('matching.programme')}
        programmes={list}
        value={programmeId}
        onChange={(id) => {
          setChosenId(id);
          setViewId(null);
        }}
      />

      {programmeId !== null ? (
        <>
          <div className="card run-card" role="group" aria-labelledby="run-title">
            <h2 id="run-title">{t('matching.runTitle')}</h2>
            <div className="run-modes">
              {MODES.map((mode) => (
                <div key={mode} className="run-mode">
                  <button type="button" className="primary" disabled={runningMode !== null} onClick={() => void run(mode)}>
                    {runningMode === mode ? t('matching.running') : t(`matching.modes.${mode}`)}
                  </button>
                  <p className="hint">{t(`matching.modeHints.${mode}`)}</p>
                </div>
              ))}
            </div>
            <p className="muted small">{t('matching.runHint')}</p>
          </div>

          <ScenarioComparison summaries={summaries} isLoading={scenarios.isLoading && !scenarios.data} shownId={shownId} onView={setViewId} />

          {/* Sibling keys must differ: a scenario and a programme can share a number, and equal keys
              in one fragment make React leave a stale copy of the outcome on the page. */}
          {shownId !== null ? <ScenarioOutcome key={`outcome-${shownId}`} scenarioId={shownId} summaries={summaries} onView={setViewId} onPublish={publish} /> : null}

          <PlacementsSection key={`placements-${programmeId}`} programmeId={programmeId} generation={placementsGeneration} />
        </>
      ) : null}
    </section>
  );
}
