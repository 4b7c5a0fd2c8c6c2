import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { DocumentHostRow, DocumentParticipantRow } from '../../../src-shared/schemas/documents.schema';
import { DataTable } from '../components/DataTable';
import { ProgrammePicker } from '../components/ProgrammePicker';
import { useApiQuery } from '../hooks/useApiQuery';
import { invoke } from '../lib/api';
import { ConsentPanel } from './documents/ConsentPanel';
import { ExportPanel, type Selection } from './documents/ExportPanel';

const participantColumn = createColumnHelper<DocumentParticipantRow>();
const hostColumn = createColumnHelper<DocumentHostRow>();

/**
 * The Documents screen: choose a programme, pick a participant or host (with the state of the consent
 * forms), preview the first page of a document and export it per person, per host or for the whole
 * programme into a folder the coordinator chooses.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const programmes = useApiQuery(() => invoke('programme.list', {}), []);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const list = programmes.data ?? [];
  const programmeId = list.some((p) => p.id === chosenId) ? chosenId : (list[0]?.id ?? null);
  // Bumped after an export or a consent change: both change what the lists and the preview show.
  const [generation, setGeneration] = useState(0);
  const overview = useApiQuery(() => (programmeId === null ? Promise.resolve(null) : invoke('documents.overview', { programmeId })), [programmeId, generation]);
  const data = overview.data && overview.data.programmeId === programmeId ? overview.data : null;
  const [selection, setSelection] = useState<Selection>(null);
  const [search, setSearch] = useState('');

  const participants = data?.participants ?? [];
  const needle = search.trim().toLocaleLowerCase();
  const rows = needle === '' ? participants : participants.filter((p) => [p.name, p.email ?? '', p.hostName, p.ownOrganisation ?? ''].some((x) => x.toLocaleLowerCase().includes(needle)));
  const selectedParticipant = selection?.kind === 'participant' ? (participants.find((p) => p.personId === selection.personId && p.hostId === selection.hostId) ?? null) : null;
  const hasPlacements = participants.length > 0;

  const participantColumns = useMemo(
    () => [
      participantColumn.accessor('name', {
        header: t('documents.columns.name'),
        cell: (c) => c.getValue(),
      }),
      participantColumn.accessor('hostName', {
        header: t('documents.columns.host'),
        cell: (c) => (
          <>
            {c.getValue()}
            <span className="cell-sub">{t('documents.mentorLine', { name: c.row.original.mentorName ?? t('app.none') })}</span>
          </>
        ),
      }),
      participantColumn.accessor('language', { header: t('documents.columns.language'), cell: (c) => t(`documents.languages.${c.getValue()}`) }),
      participantColumn.accessor((p) => p.consents.filter((c) => c.status === 'returned').length, {
        id: 'consents',
        header: t('documents.columns.consents'),
        cell: (c) => (
          <>
            {t('documents.consentSummary', { returned: c.getValue() })}
            <span className="consent-badges">
              {c.row.original.consents.map((form) => (
                <span key={form.kind} className={`badge consent-${form.status}`} title={t(`documents.consentKinds.${form.kind}`)}>
                  <span className="visually-hidden">{t(`documents.consentKinds.${form.kind}`)}: </span>
                  {t(`documents.consentStatuses.${form.status}`)}
                </span>
              ))}
            </span>
          </>
        ),
      }),
    ],
    [t],
  );

  const hostColumns = useMemo(
    () => [
      hostColumn.accessor('name', { header: t('documents.columns.name') }),
      hostColumn.accessor('language', { header: t('documents.columns.language'), cell: (c) => t(`documents.languages.${c.getValue()}`) }),
      hostColumn.accessor('participants', { header: t('documents.columns.participants') }),
      hostColumn.accessor((h) => h.mentors.join(', '), { id: 'mentors', header: t('documents.columns.mentors') }),
    ],
    [t],
  );

  const selectedParticipantId = selection?.kind === 'participant' ? `${selection.personId}-${selection.hostId}` : null;
  const selectedHostId = selection?.kind === 'host' ? String(selection.organisationId) : null;

  return (
    <section aria-labelledby="page-title" className="documents">
      <h1 id="page-title">{t('documents.title')}</h1>
      <p className="muted intro">{t('documents.intro')}</p>

      {programmes.data && list.length === 0 ? <p>{t('documents.noProgrammes')}</p> : null}
      <ProgrammePicker
        id="documents-programme"
        label={t('documents.programme')}
        programmes={list}
        value={programmeId}
        onChange={(id) => {
          setChosenId(id);
          setSelection(null);
        }}
      />

      {programmeId !== null && !data && overview.isLoading ? <p className="muted">{t('app.loading')}</p> : null}
      {data && !hasPlacements ? <p className="card">{t('documents.noPlacements')}</p> : null}

      {data && hasPlacements && programmeId !== null ? (
        <div className="split">
          <div className="documents-lists">
            <section className="card" aria-labelledby="participants-title">
              <h2 id="participants-title">{t('documents.participantsTitle')}</h2>
              <p className="hint">{t('documents.participantsHint')}</p>
              <div className="toolbar">
                <div className="field field-inline">
                  <label htmlFor="documents-search">{t('documents.search')}</label>
                  <input id="documents-search" type="search" value={search} placeholder={t('documents.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
                </div>
                <p className="muted count" aria-live="polite">
                  {t('documents.participantsCount', { count: rows.length })}
                </p>
              </div>
              <div className="table-scroll">
                <DataTable
                  data={rows}
                  columns={participantColumns}
                  getRowId={(p) => `${p.personId}-${p.hostId}`}
                  selectedId={selectedParticipantId}
                  onSelect={(p) => setSelection({ kind: 'participant', personId: p.personId, name: p.name, hostId: p.hostId, hostName: p.hostName })}
                  caption={t('documents.participantsTitle')}
                  empty={t('documents.noPlacements')}
                  initialSort={[{ id: 'name', desc: false }]}
                  testId="documents-participants"
                />
              </div>
              {selectedParticipant ? <ConsentPanel key={selectedParticipantId} programmeId={programmeId} participant={selectedParticipant} onChanged={() => setGeneration((n) => n + 1)} /> : null}
            </section>

            <section className="card" aria-labelledby="hosts-title">
              <h2 id="hosts-title">{t('documents.hostsTitle')}</h2>
              <p className="hint">{t('documents.hostsHint')}</p>
              <p className="muted count">{t('documents.hostsCount', { count: data.hosts.length })}</p>
              <div className="table-scroll">
                <DataTable
                  data={data.hosts}
                  columns={hostColumns}
                  getRowId={(h) => String(h.organisationId)}
                  selectedId={selectedHostId}
                  onSelect={(h) => setSelection({ kind: 'host', organisationId: h.organisationId, name: h.name })}
                  caption={t('documents.hostsTitle')}
                  empty={t('documents.noPlacements')}
                  initialSort={[{ id: 'name', desc: false }]}
                  testId="documents-hosts"
                />
              </div>
            </section>
          </div>

          <ExportPanel key={programmeId} programmeId={programmeId} selection={selection} generation={generation} onExported={() => setGeneration((n) => n + 1)} />
        </div>
      ) : null}
    </section>
  );
}
