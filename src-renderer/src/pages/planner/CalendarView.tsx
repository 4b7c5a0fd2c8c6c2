import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Session } from '../../../../src-shared/schemas/planner.schema';
import { addDays, addMonths, formatDate, formatDayMonth, formatMonth, formatWeekday, monthWeeks, startOfWeek, todayIso, weekdayIndex } from './dates';

export type CalendarBlock = Block & { isPreview?: boolean };

interface Props {
  blocks: CalendarBlock[];
  sessions: Session[];
  holidays: { date: string; name: string }[];
  /** The date shown first (the week or month around it). */
  initialDate: string;
  selectedBlockId: number | null;
  onSelectBlock: (b: CalendarBlock) => void;
  /** A new object moves the calendar to its date (after a block moved there). */
  jumpTo?: { date: string } | null;
}

const MONTH_ITEMS = 3;

type Item = { kind: 'block'; block: CalendarBlock; start: string } | { kind: 'session'; session: Session; start: string };

/**
 * A week or month of shadow blocks and group sessions, as a plain CSS grid (no calendar library:
 * nothing to load from elsewhere under the window's strict content policy). Blocks are buttons that
 * open the block; sessions are shown for context.
 */
export function CalendarView({ blocks, sessions, holidays, initialDate, selectedBlockId, onSelectBlock, jumpTo = null }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(initialDate);
  // Follow a jump once, while rendering (no effect): the coordinator can browse away again afterwards.
  const [seenJump, setSeenJump] = useState(jumpTo);
  if (jumpTo !== seenJump) {
    setSeenJump(jumpTo);
    if (jumpTo) setAnchor(jumpTo.date);
  }
  const [person, setPerson] = useState('');
  const holidayOn = new Map(holidays.map((h) => [h.date, h.name]));

  const people = [...new Map(blocks.flatMap((b) => [[`p${b.participantId}`, b.participantName] as const, ...(b.mentorId !== null ? [[`m${b.mentorId}`, b.mentorName ?? ''] as const] : [])])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = person === '' ? blocks : blocks.filter((b) => `p${b.participantId}` === person || `m${b.mentorId ?? ''}` === person);
  const personId = person === '' ? null : Number(person.slice(1));
  const shownSessions = personId === null ? sessions : sessions.filter((s) => s.attendees.some((a) => a.personId === personId));

  const byDate = new Map<string, Item[]>();
  const push = (date: string, item: Item) => byDate.set(date, [...(byDate.get(date) ?? []), item]);
  for (const b of shown) push(b.date, { kind: 'block', block: b, start: b.startTime });
  for (const s of shownSessions) push(s.date, { kind: 'session', session: s, start: s.startTime });
  for (const list of byDate.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  const weekStart = startOfWeek(anchor);
  const title = view === 'week' ? t('planner.calendar.weekOf', { from: formatDate(weekStart, lang), to: formatDate(addDays(weekStart, 6), lang) }) : formatMonth(anchor, lang);
  const step = (n: number) => setAnchor(view === 'week' ? addDays(anchor, 7 * n) : addMonths(anchor, n));
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const today = todayIso();

  function renderItem(item: Item, isCompact: boolean) {
    if (item.kind === 'session') {
      const s = item.session;
      return (
        <li key={`s${s.id}`} className={`cal-item cal-session cal-${s.kind}`}>
          <span className="cal-time">
            {s.startTime}–{s.endTime}
          </span>{' '}
          <span className="cal-what">
            {t(`planner.sessionKinds.${s.kind}`)}
            {isCompact ? '' : `: ${s.title}`}
          </span>
        </li>
      );
    }
    const b = item.block;
    const label = t('planner.calendar.blockLabel', { name: b.participantName, host: b.hostName, date: formatDate(b.date, lang), start: b.startTime, end: b.endTime, status: t(`planner.blockStatuses.${b.status}`) });
    return (
      <li key={b.isPreview ? `n${b.placementId}-${b.date}-${b.startTime}` : `b${b.id}`} className={`cal-item cal-block cal-${b.status}${b.isPreview ? ' cal-preview' : ''}`}>
        {b.isPreview ? (
          <span className="cal-block-text" aria-label={`${label} (${t('planner.calendar.preview')})`}>
            <span className="cal-time">
              {b.startTime}–{b.endTime}
            </span>{' '}
            <span className="cal-what">{b.participantName}</span>
          </span>
        ) : (
          <button type="button" className="cal-block-button" aria-label={label} aria-pressed={selectedBlockId === b.id} onClick={() => onSelectBlock(b)}>
            <span className="cal-time">
              {b.startTime}–{b.endTime}
            </span>{' '}
            <span className="cal-what">{b.participantName}</span>
            {isCompact ? null : <span className="cal-sub">{b.hostName}</span>}
          </button>
        )}
      </li>
    );
  }

  function dayCell(date: string, isCompact: boolean, isOtherMonth = false) {
    const items = byDate.get(date) ?? [];
    const holiday = holidayOn.get(date);
    const visible = isCompact ? items.slice(0, MONTH_ITEMS) : items;
    const more = items.length - visible.length;
    return (
      <td key={date} className={`cal-day${holiday ? ' cal-holiday' : ''}${date === today ? ' cal-today' : ''}${isOtherMonth ? ' cal-other-month' : ''}${weekdayIndex(date) >= 5 ? ' cal-weekend' : ''}`}>
        <span className="cal-date">{isCompact ? Number(date.slice(8)) : formatDayMonth(date, lang)}</span>
        {holiday ? <span className="cal-holiday-name">{holiday}</span> : null}
        {visible.length > 0 ? <ul className="cal-items">{visible.map((item) => renderItem(item, isCompact))}</ul> : null}
        {more > 0 ? (
          <button
            type="button"
            className="link-button cal-more"
            onClick={() => {
              setAnchor(date);
              setView('week');
            }}
          >
            {t('planner.calendar.more', { count: more })}
          </button>
        ) : null}
      </td>
    );
  }

  return (
    <section className="calendar" aria-labelledby="calendar-title">
      <div className="calendar-head">
        <h3 id="calendar-title" aria-live="polite">
          {title}
        </h3>
        <div className="calendar-controls">
          <div className="segmented" role="group" aria-label={t('planner.calendar.view')}>
            <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>
              {t('planner.calendar.week')}
            </button>
            <button type="button" aria-pressed={view === 'month'} onClick={() => setView('month')}>
              {t('planner.calendar.month')}
            </button>
          </div>
          <button type="button" onClick={() => step(-1)} aria-label={view === 'week' ? t('planner.calendar.previousWeek') : t('planner.calendar.previousMonth')}>
            ‹
          </button>
          <button type="button" onClick={() => step(1)} aria-label={view === 'week' ? t('planner.calendar.nextWeek') : t('planner.calendar.nextMonth')}>
            ›
          </button>
          <div className="field">
            <label htmlFor="calendar-date">{t('planner.calendar.goTo')}</label>
            <input id="calendar-date" type="date" value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="calendar-person">{t('planner.calendar.person')}</label>
            <select id="calendar-person" value={person} onChange={(e) => setPerson(e.target.value)}>
              <option value="">{t('planner.calendar.everyone')}</option>
              {people.map(([key, name]) => (
                <option key={key} value={key}>
                  {name} ({key.startsWith('p') ? t('planner.roles.participant') : t('planner.roles.mentor')})
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <div className="calendar-scroll">
        <table className={`calendar-grid calendar-${view}`} aria-labelledby="calendar-title">
          <thead>
            <tr>
              {days.map((d) => (
                <th key={d} scope="col">
                  {formatWeekday(d, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view === 'week' ? (
              <tr>{days.map((d) => dayCell(d, false))}</tr>
            ) : (
              monthWeeks(anchor).map((week) => <tr key={week[0]}>{week.map((d) => dayCell(d, true, d.slice(0, 7) !== anchor.slice(0, 7)))}</tr>)
            )}
          </tbody>
        </table>
      </div>
      <p className="hint calendar-legend">
        <span className="legend legend-proposed">{t('planner.blockStatuses.proposed')}</span> <span className="legend legend-accepted">{t('planner.blockStatuses.accepted')}</span> <span className="legend legend-done">{t('planner.blockStatuses.done')}</span>{' '}
        <span className="legend legend-session">{t('planner.calendar.session')}</span> <span className="legend legend-holiday">{t('planner.calendar.holiday')}</span>
      </p>
    </section>
  );
}
