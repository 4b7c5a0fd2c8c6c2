import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { PlacementView } from '../../../../src-shared/schemas/matching.schema';
import type { Place } from '../../../../src-shared/schemas/place.schema';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { invoke } from '../../lib/api';
import { refusalText } from '../../lib/matching-text';

type Offer = { kind: 'offer'; name: string; email: string | null; host: string } | { kind: 'none' };

interface PlaceChoice {
  host: string;
  places: Place[];
}

const column = createColumnHelper<PlacementView>();

async function loadPlaceChoices(programmeId: number): Promise<PlaceChoice[]> {
  const [places, organisations] = await Promise.all([invoke('place.list', { programmeId }), invoke('organisation.list', {})]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const byHost = new Map<string, Place[]>();
  for (const p of places) {
    const host = names.get(p.organisationId) ?? String(p.organisationId);
    byHost.set(host, [...(byHost.get(host) ?? []), p]);
  }
  return [...byHost.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([host, list]) => ({ host, places: list.sort((a, b) => a.team.localeCompare(b.team)) }));
}

/** The published placements: pin them, move a participant by hand, or cancel and see who is next. */
export function PlacementsSection({ programmeId, generation }: { programmeId: number; generation: number }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const placements = useApiQuery(() => invoke('placement.list', { programmeId }), [programmeId, generation]);
  const placeChoices = useApiQuery(() => loadPlaceChoices(programmeId), [programmeId]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const all = placements.data ?? [];
  const needle = search.trim().toLocaleLowerCase();
  const rows = needle === '' ? all : all.filter((p) => p.participantName.toLocaleLowerCase().includes(needle) || (p.email ?? '').toLocaleLowerCase().includes(needle) || p.organisationName.toLocaleLowerCase().includes(needle));
  const selected = all.find((p) => p.id === selectedId) ?? null;

  async function pin(p: PlacementView, isPinned: boolean) {
    try {
      await invoke('placement.pin', { id: p.id, isPinned });
      reportSuccess(t(isPinned ? 'matching.pinnedDone' : 'matching.unpinnedDone', { name: p.participantName }));
      placements.reload();
    } catch (e) {
      reportError(e);
    }
  }

  const columns = useMemo(
    () => [
      column.accessor('participantName', { header: t('matching.participant') }),
      column.accessor('organisationName', { header: t('matching.host') }),
      column.accessor((p) => p.placeName ?? '', { id: 'place', header: t('matching.place') }),
      column.accessor((p) => p.rank ?? 99, { id: 'rank', header: t('matching.rank'), cell: (c) => c.row.original.rank ?? t('matching.noRank') }),
      column.accessor('status', { header: t('matching.status'), cell: (c) => t(`matching.statuses.${c.getValue()}`) }),
      column.accessor('decidedBy', { header: t('matching.decidedBy'), cell: (c) => decidedByText(c.getValue()) }),
      column.accessor('isPinned', {
        header: t('matching.pinned'),
        cell: (c) => {
          const p = c.row.original;
          if (p.status === 'cancelled') return null;
          return (
            <button type="button" className="small-button" aria-pressed={p.isPinned} aria-label={`${t(p.isPinned ? 'matching.unpin' : 'matching.pin')}: ${p.participantName}`} onClick={() => void pin(p, !p.isPinned)}>
              {p.isPinned ? t('matching.unpin') : t('matching.pin')}
            </button>
          );
        },
      }),
    ],
    // pin() only reads the row it is given and functions whose behaviour does not change between renders.
    [t],
  );

  function decidedByText(value: string): string {
    const m = /^matching:(priority|optimal)$/.exec(value);
    if (m) return t('matching.decidedByMatching', { mode: t(`matching.modes.${m[1] as 'priority' | 'optimal'}`) });
    if (value.startsWith('coordinator')) return t('matching.decidedByHand');
    return value;
  }

  return (
    <section className="card" aria-labelledby="placements-title">
      <h2 id="placements-title">{t('matching.placementsTitle')}</h2>
      <p className="hint">{t('matching.placementsHint')}</p>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="placement-search">{t('app.search')}</label>
          <input id="placement-search" type="search" value={search} placeholder={t('matching.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <p className="muted count" aria-live="polite">
          {placements.data ? t('matching.placementsCount', { count: rows.length }) : t('app.loading')}
        </p>
      </div>
      <div className={selected ? 'split' : undefined}>
        <div className="table-scroll">
          <DataTable
            data={rows}
            columns={columns}
            getRowId={(p) => String(p.id)}
            selectedId={selectedId === null ? null : String(selectedId)}
            onSelect={(p) => setSelectedId(p.id)}
            caption={t('matching.placementsTitle')}
            empty={placements.isLoading ? t('app.loading') : t('matching.placementsEmpty')}
            initialSort={[{ id: 'participantName', desc: false }]}
            testId="placements-table"
          />
        </div>
        {selected ? (
          <PlacementPanel
            key={selected.id}
            placement={selected}
            placeChoices={placeChoices.data ?? []}
            decidedBy={decidedByText(selected.decidedBy)}
            onPin={(isPinned) => pin(selected, isPinned)}
            onClose={() => setSelectedId(null)}
            onMoved={(moved) => {
              reportSuccess(t('matching.movedDone', { name: moved.participantName, host: moved.organisationName }));
              setSelectedId(moved.id);
              placements.reload();
            }}
            onCancelled={() => placements.reload()}
            reportRefusal={(e) => reportError(new Error(refusalText(e, t, i18n.language)))}
          />
        ) : null}
      </div>
    </section>
  );
}

interface PanelProps {
  placement: PlacementView;
  placeChoices: PlaceChoice[];
  decidedBy: string;
  onPin: (isPinned: boolean) => Promise<void>;
  onClose: () => void;
  onMoved: (moved: PlacementView) => void;
  onCancelled: () => void;
  reportRefusal: (e: unknown) => void;
}

function PlacementPanel({ placement: p, placeChoices, decidedBy, onPin, onClose, onMoved, onCancelled, reportRefusal }: PanelProps) {
  const { t, i18n } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [placeId, setPlaceId] = useState('');
  const [isMoving, setIsMoving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const isActive = p.status !== 'cancelled';

  async function move() {
    if (placeId === '') return;
    setIsMoving(true);
    setRefusal(null);
    try {
      const moved = await invoke('placement.move', { applicationId: p.applicationId, placeId: Number(placeId), fromPlacementId: p.id });
      onMoved(moved);
    } catch (e) {
      // The alert region says it for everyone; the same words stay next to the form they are about.
      setRefusal(refusalText(e, t, i18n.language));
      reportRefusal(e);
    } finally {
      setIsMoving(false);
    }
  }

  async function cancel() {
    try {
      const r = await invoke('placement.cancel', { id: p.id });
      reportSuccess(t('matching.cancelledDone', { name: p.participantName }));
      setOffer(r.offer ? { kind: 'offer', name: r.offer.participantName, email: r.offer.email, host: r.offer.organisationName } : { kind: 'none' });
      onCancelled();
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <aside className="panel card" aria-labelledby="placement-panel-title">
      <h2 id="placement-panel-title">{p.participantName}</h2>
      <dl className="facts">
        <dt>{t('person.email')}</dt>
        <dd>{p.email ?? t('app.none')}</dd>
        <dt>{t('matching.host')}</dt>
        <dd>{p.organisationName}</dd>
        <dt>{t('matching.place')}</dt>
        <dd>{p.placeName ?? t('app.none')}</dd>
        <dt>{t('matching.mentor')}</dt>
        <dd>{p.mentorName ?? t('app.none')}</dd>
        <dt>{t('matching.rank')}</dt>
        <dd>{p.rank ?? t('matching.noRank')}</dd>
        <dt>{t('matching.status')}</dt>
        <dd>
          {t(`matching.statuses.${p.status}`)}
          {p.isPinned ? <span className="badge"> {t('matching.pinned')}</span> : null}
        </dd>
        <dt>{t('matching.decidedBy')}</dt>
        <dd>{decidedBy}</dd>
      </dl>

      {offer ? (
        <div className="notice notice-offer" role="group" aria-label={t('matching.waitingTitle')}>
          {offer.kind === 'offer' ? (
            <p>
              {t('matching.offer', { host: offer.host, name: offer.name })}
              {offer.email ? <span className="cell-sub">{t('matching.offerEmail', { email: offer.email })}</span> : null}
            </p>
          ) : (
            <p>{t('matching.noOffer')}</p>
          )}
        </div>
      ) : null}

      {isActive ? (
        <>
          <div className="actions">
            <button type="button" onClick={() => void onPin(!p.isPinned)}>
              {p.isPinned ? t('matching.unpin') : t('matching.pin')}
            </button>
          </div>

          <form
            className="move-form"
            aria-labelledby="move-title"
            onSubmit={(e) => {
              e.preventDefault();
              void move();
            }}
          >
            <h3 id="move-title">{t('matching.moveTitle')}</h3>
            <div className="field">
              <label htmlFor="move-place">{t('matching.moveTo')}</label>
              <select id="move-place" value={placeId} onChange={(e) => setPlaceId(e.target.value)} aria-describedby="move-hint" aria-invalid={refusal ? true : undefined}>
                <option value="">{t('matching.moveChoose')}</option>
                {placeChoices.map((c) => (
                  <optgroup key={c.host} label={c.host}>
                    {c.places.map((pl) => (
                      <option key={pl.id} value={pl.id}>
                        {t('matching.placeOption', { host: c.host, team: pl.team, count: pl.capacity })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <p className="hint" id="move-hint">
                {t('matching.moveHint')}
              </p>
              {refusal ? <p className="field-error">{refusal}</p> : null}
            </div>
            <div className="actions">
              <button type="submit" disabled={placeId === '' || isMoving}>
                {t('matching.move')}
              </button>
            </div>
          </form>

          <div className="actions">
            <ConfirmButton
              label={t('matching.cancel')}
              question={t('matching.cancelConfirm', { name: p.participantName })}
              confirmLabel={t('matching.cancelYes')}
              cancelLabel={t('matching.keep')}
              onConfirm={cancel}
            />
          </div>
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="link-button" onClick={onClose}>
          {t('matching.close')}
        </button>
      </div>
    </aside>
  );
}
