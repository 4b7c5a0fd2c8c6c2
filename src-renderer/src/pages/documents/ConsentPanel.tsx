import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentKind, ConsentStatus, DocumentParticipantRow } from '../../../../src-shared/schemas/documents.schema';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';

const STATUSES: readonly ConsentStatus[] = ['not_sent', 'sent', 'returned', 'refused'];

/**
 * The three consent forms of one placement: exporting marks them sent; here the coordinator records
 * what came back (or was refused), one form at a time or all three at once.
 */
export function ConsentPanel({ programmeId, participant, onChanged }: { programmeId: number; participant: DocumentParticipantRow; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [isBusy, setIsBusy] = useState(false);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' });
  const allReturned = participant.consents.every((c) => c.status === 'returned');

  async function mark(status: ConsentStatus, kind?: ConsentKind) {
    setIsBusy(true);
    try {
      await invoke('documents.markConsents', { programmeId, personId: participant.personId, organisationId: participant.hostId, status, ...(kind ? { kind } : {}) });
      reportSuccess(
        kind
          ? t('documents.statusSaved', { form: t(`documents.consentKinds.${kind}`), name: participant.name, status: t(`documents.consentStatuses.${status}`) })
          : t('documents.markedReturned', { name: participant.name }),
      );
      onChanged();
    } catch (e) {
      reportError(e);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="consent-panel" aria-labelledby="consent-title">
      <h3 id="consent-title">{t('documents.consentsTitle', { name: participant.name })}</h3>
      <p className="hint">{t('documents.consentsHint')}</p>
      <ul className="plain-list consent-list">
        {participant.consents.map((c) => {
          const id = `consent-${c.kind}`;
          const form = t(`documents.consentKinds.${c.kind}`);
          return (
            <li key={c.kind} className="consent-row">
              <label htmlFor={id}>{form}</label>
              <select id={id} value={c.status} disabled={isBusy} onChange={(e) => void mark(e.target.value as ConsentStatus, c.kind)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`documents.consentStatuses.${s}`)}
                  </option>
                ))}
              </select>
              <span className="cell-sub">
                {[c.sentAt ? t('documents.sentOn', { date: date(c.sentAt) }) : null, c.returnedAt ? t('documents.returnedOn', { date: date(c.returnedAt) }) : null].filter(Boolean).join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" disabled={isBusy || allReturned} onClick={() => void mark('returned')}>
          {t('documents.markAllReturned')}
        </button>
      </div>
    </section>
  );
}
