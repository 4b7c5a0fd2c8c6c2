import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../src-shared/schemas/organisation.schema';
import { DataTable } from '../components/DataTable';
import { DeleteButton } from '../components/DeleteButton';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';
import { OrganisationDetails } from './OrganisationDetails';
import { OrganisationForm } from './OrganisationForm';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'new' };

const column = createColumnHelper<Organisation>();

/** All organisations with a server-side search, sortable columns and a panel to view or edit one. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const list = useApiQuery(() => invoke('organisation.list', search.trim() === '' ? {} : { search }), [search]);
  const rows = list.data ?? [];
  const selected = rows.find((o) => o.id === selectedId) ?? null;

  const columns = useMemo(
    () => [
      column.accessor('name', { header: t('organisation.name') }),
      column.accessor((o) => o.municipality ?? '', { id: 'municipality', header: t('organisation.municipality') }),
      column.accessor((o) => o.network ?? '', { id: 'network', header: t('organisation.network') }),
      column.accessor((o) => o.sector ?? '', { id: 'sector', header: t('organisation.sector') }),
      column.accessor('role', { header: t('organisation.role'), cell: (c) => t(`organisation.roles.${c.getValue()}`) }),
    ],
    [t],
  );

  async function remove(o: Organisation) {
    try {
      await invoke('organisation.delete', { id: o.id });
      reportSuccess(t('organisations.deleted', { name: o.name }));
      setSelectedId(null);
      list.reload();
    } catch (e) {
      reportError(e);
    }
  }

  const panelOpen = mode.kind === 'new' || selected !== null;
  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('organisations.title')}</h1>
        <button type="button" className="primary" onClick={() => setMode({ kind: 'new' })}>
          {t('organisations.new')}
        </button>
      </div>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="org-search">{t('app.search')}</label>
          <input id="org-search" type="search" value={search} placeholder={t('organisations.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <p className="muted count" aria-live="polite">
          {list.data ? t('organisations.count', { count: rows.length }) : t('app.loading')}
        </p>
      </div>

      <div className={panelOpen ? 'split' : undefined}>
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(o) => String(o.id)}
          selectedId={selectedId === null ? null : String(selectedId)}
          onSelect={(o) => {
            setSelectedId(o.id);
            setMode({ kind: 'view' });
          }}
          caption={t('organisations.title')}
          empty={list.isLoading ? t('app.loading') : t('organisations.empty')}
          initialSort={[{ id: 'name', desc: false }]}
          testId="organisations-table"
        />
        {panelOpen ? (
          <aside className="panel card" aria-label={mode.kind === 'new' ? t('organisations.newTitle') : (selected?.name ?? '')}>
            {mode.kind === 'new' ? (
              <OrganisationForm
                key="new"
                organisation={null}
                onCancel={() => setMode({ kind: 'view' })}
                onSaved={(o) => {
                  reportSuccess(t('organisations.saved', { name: o.name }));
                  setSelectedId(o.id);
                  setMode({ kind: 'view' });
                  list.reload();
                }}
              />
            ) : selected && mode.kind === 'edit' ? (
              <OrganisationForm
                key={`edit-${selected.id}`}
                organisation={selected}
                onCancel={() => setMode({ kind: 'view' })}
                onSaved={(o) => {
                  reportSuccess(t('organisations.saved', { name: o.name }));
                  setMode({ kind: 'view' });
                  list.reload();
                }}
              />
            ) : selected ? (
              <>
                <OrganisationDetails key={selected.id} organisation={selected} />
                <div className="actions">
                  <button type="button" onClick={() => setMode({ kind: 'edit' })}>
                    {t('app.edit')}
                  </button>
                  <DeleteButton name={selected.name} onConfirm={() => remove(selected)} />
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
