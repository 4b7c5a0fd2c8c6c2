import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgrammePicker } from '../components/ProgrammePicker';
import { useApiQuery } from '../hooks/useApiQuery';
import { invoke } from '../lib/api';
import { ExportSection } from './planner/ExportSection';
import { rememberedPlannerProgramme, rememberPlannerProgramme } from './planner/selection';
import { LedgerSection } from './planner/LedgerSection';
import { ScheduleSection } from './planner/ScheduleSection';
import { SessionsSection } from './planner/SessionsSection';
import { TimelineSection } from './planner/TimelineSection';

const TABS = ['timeline', 'sessions', 'schedule', 'ledger', 'export'] as const;
type Tab = (typeof TABS)[number];

/**
 * The planner of one programme: its time path, the group sessions, the shadow schedule with its
 * calendar, the hours ledger with conflicts, and the calendar export. One tab at a time; each tab
 * loads fresh data when it opens, so what one tab changed shows in the next.
 */
export function PlannerPage() {
  const { t } = useTranslation();
  const programmes = useApiQuery(() => invoke('programme.list', {}), []);
  const [chosenId, setChosenId] = useState<number | null>(rememberedPlannerProgramme);
  const [tab, setTab] = useState<Tab>('timeline');
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const list = programmes.data ?? [];
  const programme = list.find((p) => p.id === chosenId) ?? list.find((p) => p.kind === 'jobshadowing') ?? list[0] ?? null;
  const programmeId = programme?.id ?? null;

  // Arrow keys move between tabs, as in every tab list (WAI-ARIA authoring practices).
  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current.get(next)?.focus();
  }

  return (
    <section aria-labelledby="page-title" className="planner">
      <h1 id="page-title">{t('planner.title')}</h1>
      <p className="muted intro">{t('planner.intro')}</p>

      {programmes.data && list.length === 0 ? <p>{t('planner.noProgrammes')}</p> : null}
      <ProgrammePicker
        id="planner-programme"
        label={t('planner.programme')}
        programmes={list}
        value={programmeId}
        onChange={(id) => {
          setChosenId(id);
          rememberPlannerProgramme(id);
        }}
      >
        {programme ? (
          <p className="muted count">
            {t(`programme.kinds.${programme.kind}`)}
            {programme.requiredHours !== null ? ` · ${t('dashboard.hours', { hours: programme.requiredHours })}` : ''}
          </p>
        ) : null}
      </ProgrammePicker>

      {programmeId !== null ? (
        <>
          <div className="tabs" role="tablist" aria-label={t('planner.tabsLabel')}>
            {TABS.map((k) => (
              <button
                key={k}
                ref={(el) => {
                  if (el) tabRefs.current.set(k, el);
                  else tabRefs.current.delete(k);
                }}
                type="button"
                role="tab"
                id={`planner-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`planner-panel-${k}`}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => setTab(k)}
                onKeyDown={onTabKey}
              >
                {t(`planner.tabs.${k}`)}
              </button>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" id={`planner-panel-${tab}`} aria-labelledby={`planner-tab-${tab}`} tabIndex={0}>
            <h2 className="visually-hidden">{t(`planner.tabs.${tab}`)}</h2>
            {tab === 'timeline' ? <TimelineSection key={programmeId} programmeId={programmeId} /> : null}
            {tab === 'sessions' ? <SessionsSection key={programmeId} programmeId={programmeId} /> : null}
            {tab === 'schedule' ? <ScheduleSection key={programmeId} programmeId={programmeId} /> : null}
            {tab === 'ledger' ? <LedgerSection key={programmeId} programmeId={programmeId} /> : null}
            {tab === 'export' ? <ExportSection key={programmeId} programmeId={programmeId} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
