import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockOperationResult } from '../../../../src-shared/schemas/planner.schema';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { formatDate, formatHours, minutesBetween } from './dates';
import { refusalTexts } from './refusal-texts';
import { ruleText } from './texts';

interface Props {
  block: Block;
  onChanged: (result: BlockOperationResult) => void;
  onClose: () => void;
}

/** One shadow block: move it, split it, accept it or mark it done. A refusal says which rule and what to do. */
export function BlockPanel({ block: b, onChanged, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { reportSuccess } = useNotices();
  const [date, setDate] = useState(b.date);
  const [startTime, setStartTime] = useState(b.startTime);
  const [endTime, setEndTime] = useState(b.endTime);
  const [splitAt, setSplitAt] = useState(middle(b.startTime, b.endTime));
  const [refusal, setRefusal] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const isDone = b.status === 'done';

  async function run(action: string, call: () => Promise<BlockOperationResult>, success: string) {
    setBusy(action);
    setRefusal([]);
    setWarnings([]);
    try {
      const r = await call();
      setWarnings(r.warnings.map((w) => ruleText(t, lang, w.code, w.params ?? {}, w.message)));
      reportSuccess(success);
      onChanged(r);
    } catch (e) {
      setRefusal(refusalTexts(t, lang, e));
    } finally {
      setBusy(null);
    }
  }

  const hours = formatHours(minutesBetween(b.startTime, b.endTime) / 60, lang);
  const title = t('planner.block.title', { name: b.participantName, date: formatDate(b.date, lang) });

  return (
    <aside className="card panel block-panel" aria-label={title}>
      <div className="page-head">
        <h3>{title}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('app.close')}>
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>{t('planner.block.participant')}</dt>
        <dd>{b.participantName}</dd>
        <dt>{t('planner.block.host')}</dt>
        <dd>{b.hostName}</dd>
        <dt>{t('planner.block.mentor')}</dt>
        <dd>{b.mentorName ?? t('app.none')}</dd>
        <dt>{t('planner.block.when')}</dt>
        <dd>
          {formatDate(b.date, lang)} {b.startTime}–{b.endTime} ({t('planner.block.hours', { hours })})
        </dd>
        <dt>{t('planner.block.status')}</dt>
        <dd>{t(`planner.blockStatuses.${b.status}`)}</dd>
      </dl>

      {refusal.length > 0 ? (
        <div role="alert" className="notice notice-error refusal">
          <div>
            <p>
              <strong>{t('planner.block.refused')}</strong>
            </p>
            <ul>
              {refusal.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div role="status" className="notice notice-warn">
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="actions" role="group" aria-label={t('planner.block.statusActions')}>
        {b.status !== 'accepted' && !isDone ? (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void run('accept', () => invoke('planner.blockStatus', { id: b.id, status: 'accepted' }), t('planner.block.accepted', { name: b.participantName }))}>
            {t('planner.block.accept')}
          </button>
        ) : null}
        {!isDone ? (
          <button type="button" disabled={busy !== null} onClick={() => void run('done', () => invoke('planner.blockStatus', { id: b.id, status: 'done' }), t('planner.block.markedDone', { name: b.participantName }))}>
            {t('planner.block.markDone')}
          </button>
        ) : null}
        {b.status !== 'proposed' ? (
          <button type="button" disabled={busy !== null} onClick={() => void run('proposed', () => invoke('planner.blockStatus', { id: b.id, status: 'proposed' }), t('planner.block.backToProposed', { name: b.participantName }))}>
            {t('planner.block.toProposed')}
          </button>
        ) : null}
      </div>

      <form
        className="block-form"
        aria-labelledby={`move-${b.id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          if (startTime >= endTime) return setRefusal([t('planner.block.endAfterStart')]);
          void run('move', () => invoke('planner.blockMove', { id: b.id, date, startTime, endTime }), t('planner.block.moved', { name: b.participantName, date: formatDate(date, lang), start: startTime, end: endTime }));
        }}
      >
        <h4 id={`move-${b.id}-title`}>{t('planner.block.moveTitle')}</h4>
        <div className="form-grid compact">
          <div className="field">
            <label htmlFor={`move-${b.id}-date`}>{t('planner.block.newDate')}</label>
            <input id={`move-${b.id}-date`} type="date" required value={date} disabled={isDone} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`move-${b.id}-start`}>{t('planner.block.from')}</label>
            <input id={`move-${b.id}-start`} type="time" required value={startTime} disabled={isDone} onChange={(e) => setStartTime(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`move-${b.id}-end`}>{t('planner.block.to')}</label>
            <input id={`move-${b.id}-end`} type="time" required value={endTime} disabled={isDone} onChange={(e) => setEndTime(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy !== null || isDone}>
            {busy === 'move' ? t('planner.block.moving') : t('planner.block.move')}
          </button>
          {isDone ? <p className="hint">{t('planner.block.doneCannotMove')}</p> : null}
        </div>
      </form>

      <form
        className="block-form"
        aria-labelledby={`split-${b.id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void run('split', () => invoke('planner.blockSplit', { id: b.id, at: splitAt }), t('planner.block.splitDone', { name: b.participantName, at: splitAt }));
        }}
      >
        <h4 id={`split-${b.id}-title`}>{t('planner.block.splitTitle')}</h4>
        <p className="hint">{t('planner.block.splitHint')}</p>
        <div className="form-grid compact">
          <div className="field">
            <label htmlFor={`split-${b.id}-at`}>{t('planner.block.splitAt')}</label>
            <input id={`split-${b.id}-at`} type="time" required value={splitAt} onChange={(e) => setSplitAt(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy !== null}>
            {t('planner.block.split')}
          </button>
        </div>
      </form>
    </aside>
  );
}

function middle(start: string, end: string): string {
  const m = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3, 5));
  const mid = Math.round((m(start) + m(end)) / 2 / 30) * 30;
  return `${String(Math.floor(mid / 60)).padStart(2, '0')}:${String(mid % 60).padStart(2, '0')}`;
}
