import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { PersonListItem } from '../../../src-shared/schemas/person.schema';
import { DataTable } from '../components/DataTable';
import { DeleteButton } from '../components/DeleteButton';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';
import { PersonForm } from './PersonForm';

type Role = 'all' | 'participant' | 'mentor';
type Mode = 'view' | 'edit' | 'new';

const column = createColumnHelper<PersonListItem>();
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** Participants and mentors: role filter, server-side search, sortable columns, edit panel. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role>('all');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const list = useApiQuery(() => invoke('person.list', search.trim() === '' ? { role } : { role, search }), [search, role]);
  // The form's organisation choice; loaded once per visit to the page.
  const organisations = useApiQuery(() => invoke('organisation.list', {}), []);
  const rows = list.data ?? [];
  const selected = rows.find((p) => p.id === selectedId) ?? null;

  const columns = useMemo(
    () => [
      column.accessor((p) => `${p.lastName} ${p.firstName}`, { id: 'name', header: t('person.name'), cell: (c) => fullName(c.row.original) }),
      column.accessor((p) => p.organisationName ?? '', { id: 'organisation', header: t('person.organisation') }),
      column.accessor((p) => p.functionTitle ?? '', { id: 'function', header: t('person.functionTitle') }),
      column.accessor((p) => (p.isParticipant ? 1 : 0) + (p.isMentor ? 2 : 0), {
        id: 'roles',
        header: t('person.roles'),
        cell: (c) => (
          <span className="badges">
            {c.row.original.isParticipant ? <span className="badge">{t('people.participantBadge')}</span> : null}
            {c.row.original.isMentor ? <span className="badge badge-mentor">{t('people.mentorBadge')}</span> : null}
          </span>
        ),
      }),
      column.accessor((p) => p.email ?? '', { id: 'email', header: t('person.email') }),
    ],
    [t],
  );

  async function remove(p: PersonListItem) {
    try {
      await invoke('person.delete', { id: p.id });
      reportSuccess(t('people.deleted', { name: fullName(p) }));
      setSelectedId(null);
      list.reload();
    } catch (e) {
      reportError(e);
    }
  }

  const panelOpen = mode === 'new' || selected !== null;
  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('people.title')}</h1>
        <button type="button" className="primary" onClick={() => setMode('new')}>
          {t('people.new')}
        </button>
      </div>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="people-search">{t('app.search')}</label>
          <input id="people-search" type="search" value={search} placeholder={t('people.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field field-inline">
          <label htmlFor="people-role">{t('people.roleFilter')}</label>
          <select id="people-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(['all', 'participant', 'mentor'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`people.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted count" aria-live="polite">
          {list.data ? t('people.count', { count: rows.length }) : t('app.loading')}
        </p>
      </div>

      <div className={panelOpen ? 'split' : undefined}>
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(p) => String(p.id)}
          selectedId={selectedId === null ? null : String(selectedId)}
          onSelect={(p) => {
            setSelectedId(p.id);
            setMode('view');
          }}
          caption={t('people.title')}
          empty={list.isLoading ? t('app.loading') : t('people.empty')}
          initialSort={[{ id: 'name', desc: false }]}
          testId="people-table"
        />
        {panelOpen ? (
          <aside className="panel card" aria-label={mode === 'new' ? t('people.newTitle') : selected ? fullName(selected) : ''}>
            {mode === 'new' || (selected && mode === 'edit') ? (
              <PersonForm
                key={mode === 'new' ? 'new' : `edit-${selected?.id ?? 0}`}
                person={mode === 'new' ? null : selected}
                organisations={organisations.data ?? []}
                onCancel={() => setMode('view')}
                onSaved={(p) => {
                  reportSuccess(t('people.saved', { name: fullName(p) }));
                  setSelectedId(p.id);
                  setMode('view');
                  list.reload();
                }}
              />
            ) : selected ? (
              <>
                <PersonDetails person={selected} />
                <div className="actions">
                  <button type="button" onClick={() => setMode('edit')}>
                    {t('app.edit')}
                  </button>
                  <DeleteButton name={fullName(selected)} onConfirm={() => remove(selected)} />
                  <button type="button" className="link-button" onClick={() => setSelectedId(null)}>
                    {t('app.close')}
                  </button>
                </div>
              </>
            ) : null}
          </aside>
        ) : null}
      </div>
    </section>
  );
}

function PersonDetails({ person: p }: { person: PersonListItem }) {
  const { t } = useTranslation();
  const none = t('app.none');
  return (
    <div className="details">
      <h2>{fullName(p)}</h2>
      <dl className="facts">
        <dt>{t('person.organisation')}</dt>
        <dd>{p.organisationName ?? none}</dd>
        <dt>{t('person.functionTitle')}</dt>
        <dd>{p.functionTitle ?? none}</dd>
        <dt>{t('person.email')}</dt>
        <dd>{p.email ?? none}</dd>
        <dt>{t('person.phone')}</dt>
        <dd>{p.phone ?? none}</dd>
        <dt>{t('person.language')}</dt>
        <dd>{t(`languages.${p.language}`)}</dd>
        <dt>{t('person.network')}</dt>
        <dd>{p.network ?? none}</dd>
        {p.isMentor ? (
          <>
            <dt>{t('person.mentorCapacity')}</dt>
            <dd>{p.mentorCapacity ?? none}</dd>
          </>
        ) : null}
      </dl>
      {p.learningQuestions ? (
        <>
          <h3>{t('person.learningQuestions')}</h3>
          <p className="pre">{p.learningQuestions}</p>
        </>
      ) : null}
      {p.notes ? (
        <>
          <h3>{t('person.notes')}</h3>
          <p className="pre">{p.notes}</p>
        </>
      ) : null}
    </div>
  );
}
