import { useMemo, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  AUDIENCE_ROLES,
  SESSION_KINDS,
  SessionInputSchema,
  type Session,
  type SessionInput,
  type Unassigned,
} from '../../../../src-shared/schemas/planner.schema';
import { DataTable } from '../../components/DataTable';
import { DeleteButton } from '../../components/DeleteButton';
import { FormField } from '../../components/FormField';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useNotices } from '../../hooks/useNotices';
import { errorMessage, invoke } from '../../lib/api';
import { numberOrNull } from '../../lib/form-values';
import { formatDate } from './dates';
import { overlapText, unassignedText } from './texts';

const column = createColumnHelper<Session>();

/** Preparation, debrief and intervision sessions: list, edit, assign everyone, attendance. */
export function SessionsSection({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const list = useApiQuery(() => invoke('planner.sessions', { programmeId }), [programmeId]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [isAssigning, setIsAssigning] = useState(false);
  const sessions = list.data?.sessions ?? [];
  const unassigned = list.data?.unassigned ?? [];
  const overlaps = list.data?.overlaps ?? [];
  const selected = sessions.find((s) => s.id === selectedId) ?? null;
  const lang = i18n.language;

  async function assignAll() {
    setIsAssigning(true);
    try {
      const r = await invoke('planner.sessionsAssign', { programmeId });
      reportSuccess(t('planner.sessions.assigned', { added: r.added, count: r.unassigned.length }));
      list.reload();
    } catch (e) {
      reportError(e);
    } finally {
      setIsAssigning(false);
    }
  }

  const columns = useMemo(
    () => [
      column.accessor('title', { header: t('planner.sessions.titleField') }),
      column.accessor('kind', { header: t('planner.sessions.kind'), cell: (c) => t(`planner.sessionKinds.${c.getValue()}`) }),
      column.accessor((s) => `${s.date} ${s.startTime}`, { id: 'when', header: t('planner.sessions.when'), cell: (c) => `${formatDate(c.row.original.date, lang)} ${c.row.original.startTime}–${c.row.original.endTime}` }),
      column.accessor('location', { header: t('planner.sessions.location') }),
      column.accessor((s) => s.audienceNetwork ?? '', {
        id: 'audience',
        header: t('planner.sessions.audience'),
        cell: (c) => `${c.row.original.audienceNetwork ?? t('planner.sessions.everyone')} · ${t(`planner.audienceRoles.${c.row.original.audienceRoles}`)}`,
      }),
      column.accessor((s) => s.attendees.length, {
        id: 'attendees',
        header: t('planner.sessions.attendees'),
        cell: (c) => (c.row.original.capacity === null ? String(c.getValue()) : t('planner.sessions.fill', { n: c.getValue(), capacity: c.row.original.capacity })),
      }),
    ],
    [t, lang],
  );

  return (
    <div className="planner-sessions">
      <div className="toolbar">
        <button type="button" className="primary" disabled={isAssigning || sessions.length === 0} onClick={() => void assignAll()}>
          {isAssigning ? t('planner.sessions.assigning') : t('planner.sessions.assignAll')}
        </button>
        <button
          type="button"
          onClick={() => {
            setIsCreating(true);
            setSelectedId(null);
          }}
        >
          {t('planner.sessions.new')}
        </button>
        <p className="muted count" aria-live="polite">
          {list.data ? t('planner.sessions.count', { count: sessions.length }) : t('app.loading')}
        </p>
      </div>
      <p className="hint">{t('planner.sessions.assignHint')}</p>

      {isCreating ? (
        <SessionForm
          programmeId={programmeId}
          session={null}
          onDone={(s) => {
            setIsCreating(false);
            if (s) {
              setSelectedId(s.id);
              list.reload();
            }
          }}
        />
      ) : null}

      <div className={selected ? 'split' : undefined}>
        <div className="table-scroll">
          <DataTable
            data={sessions}
            columns={columns}
            getRowId={(s) => String(s.id)}
            selectedId={selectedId === null ? null : String(selectedId)}
            onSelect={(s) => {
              setSelectedId(s.id);
              setIsCreating(false);
            }}
            caption={t('planner.sessions.tableCaption')}
            empty={list.isLoading ? t('app.loading') : t('planner.sessions.empty')}
            initialSort={[{ id: 'when', desc: false }]}
            testId="sessions-table"
          />
        </div>
        {selected ? (
          <SessionPanel
            key={selected.id}
            session={selected}
            unassigned={unassigned}
            programmeId={programmeId}
            onChanged={list.reload}
            onDeleted={() => {
              setSelectedId(null);
              list.reload();
            }}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>

      <section className="unassigned" aria-labelledby="unassigned-title">
        <h3 id="unassigned-title">{t('planner.sessions.unassignedTitle', { count: unassigned.length })}</h3>
        {unassigned.length === 0 ? (
          <p className="muted">{list.data ? t('planner.sessions.nobodyUnassigned') : t('app.loading')}</p>
        ) : (
          <ul className="plain-list">
            {unassigned.map((u) => (
              <li key={`${u.personId}-${u.kind}-${u.role}`}>{unassignedText(t, u)}</li>
            ))}
          </ul>
        )}
      </section>

      {/* Only when someone was put in two sessions at once (by hand, or a session moved afterwards). */}
      {overlaps.length > 0 ? (
        <section className="session-overlaps" aria-labelledby="session-overlaps-title">
          <h3 id="session-overlaps-title">{t('planner.sessions.overlapsTitle', { count: overlaps.length })}</h3>
          <ul className="plain-list">
            {overlaps.map((o) => (
              <li key={`${o.personId}-${o.sessionId}-${o.otherSessionId}`} className="field-error">
                {overlapText(t, lang, o)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function SessionPanel({ session: s, unassigned, programmeId, onChanged, onDeleted, onClose }: { session: Session; unassigned: Unassigned[]; programmeId: number; onChanged: () => void; onDeleted: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [isEditing, setIsEditing] = useState(false);
  const [addId, setAddId] = useState('');
  const candidates = [...new Map(unassigned.filter((u) => u.kind === s.kind).map((u) => [u.personId, u])).values()];

  async function attendance(personId: number, status: (typeof ATTENDANCE_STATUSES)[number] | null, name: string) {
    try {
      await invoke('planner.attendance', { sessionId: s.id, personId, status });
      reportSuccess(status === null ? t('planner.sessions.removed', { name }) : t('planner.sessions.statusSaved', { name, status: t(`planner.attendance.${status}`) }));
      onChanged();
    } catch (e) {
      reportError(e);
    }
  }

  return (
    <aside className="card panel" aria-label={s.title}>
      <div className="page-head">
        <h3>{s.title}</h3>
        <button type="button" className="link-button" onClick={onClose} aria-label={t('app.close')}>
          ✕
        </button>
      </div>
      {isEditing ? (
        <SessionForm
          programmeId={programmeId}
          session={s}
          onDone={(saved) => {
            setIsEditing(false);
            if (saved) onChanged();
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>{t('planner.sessions.kind')}</dt>
            <dd>{t(`planner.sessionKinds.${s.kind}`)}</dd>
            <dt>{t('planner.sessions.when')}</dt>
            <dd>
              {formatDate(s.date, i18n.language)} {s.startTime}–{s.endTime}
            </dd>
            <dt>{t('planner.sessions.location')}</dt>
            <dd>{s.location || t('app.none')}</dd>
            <dt>{t('planner.sessions.audience')}</dt>
            <dd>
              {s.audienceNetwork ?? t('planner.sessions.everyone')} · {t(`planner.audienceRoles.${s.audienceRoles}`)}
            </dd>
            <dt>{t('planner.sessions.capacity')}</dt>
            <dd>{s.capacity ?? t('planner.sessions.noLimit')}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setIsEditing(true)}>
              {t('app.edit')}
            </button>
            <DeleteButton
              name={s.title}
              onConfirm={async () => {
                try {
                  await invoke('planner.sessionDelete', { id: s.id });
                  reportSuccess(t('planner.sessions.deleted', { title: s.title }));
                  onDeleted();
                } catch (e) {
                  reportError(e);
                }
              }}
            />
          </div>
        </>
      )}

      <h4>{t('planner.sessions.attendeesTitle', { count: s.attendees.length })}</h4>
      {s.attendees.length === 0 ? <p className="muted">{t('planner.sessions.noAttendees')}</p> : null}
      <ul className="plain-list attendee-list" aria-label={t('planner.sessions.attendeesTitle', { count: s.attendees.length })}>
        {s.attendees.map((a) => (
          <li key={a.personId} className="attendee">
            <span>
              {a.name}
              <span className="cell-sub">
                {t(`planner.roles.${a.role}`)}
                {a.network ? ` · ${a.network}` : ''}
              </span>
            </span>
            <select aria-label={t('planner.sessions.attendanceOf', { name: a.name })} value={a.status} onChange={(e) => void attendance(a.personId, e.target.value as (typeof ATTENDANCE_STATUSES)[number], a.name)}>
              {ATTENDANCE_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(`planner.attendance.${st}`)}
                </option>
              ))}
            </select>
            <button type="button" className="small-button" aria-label={t('planner.sessions.removeFrom', { name: a.name })} onClick={() => void attendance(a.personId, null, a.name)}>
              {t('planner.sessions.remove')}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <div className="toolbar">
          <div className="field field-inline">
            <label htmlFor={`session-${s.id}-add`}>{t('planner.sessions.addPerson')}</label>
            <select id={`session-${s.id}-add`} value={addId} onChange={(e) => setAddId(e.target.value)}>
              <option value="">{t('planner.sessions.choosePerson')}</option>
              {candidates.map((u) => (
                <option key={u.personId} value={u.personId}>
                  {u.name} ({t(`planner.roles.${u.role}`)}
                  {u.network ? `, ${u.network}` : ''})
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            disabled={addId === ''}
            onClick={() => {
              const u = candidates.find((c) => String(c.personId) === addId);
              if (u) void attendance(u.personId, 'assigned', u.name).then(() => setAddId(''));
            }}
          >
            {t('planner.sessions.add')}
          </button>
        </div>
      ) : null}
    </aside>
  );
}

function SessionForm({ programmeId, session, onDone }: { programmeId: number; session: Session | null; onDone: (saved: Session | null) => void }) {
  const { t } = useTranslation();
  const { reportSuccess } = useNotices();
  const [serverError, setServerError] = useState<string | null>(null);
  const idp = session ? `session-${session.id}` : 'session-new';
  const form = useForm({
    resolver: zodResolver(SessionInputSchema),
    defaultValues: (session
      ? { programmeId, kind: session.kind, title: session.title, date: session.date, startTime: session.startTime, endTime: session.endTime, location: session.location, audienceNetwork: session.audienceNetwork, audienceRoles: session.audienceRoles, capacity: session.capacity }
      : { programmeId, kind: 'preparation', title: '', date: '', startTime: '09:30', endTime: '12:30', location: '', audienceNetwork: null, audienceRoles: 'both', capacity: null }) satisfies SessionInput,
  });
  const { register, handleSubmit, formState } = form;
  // The shared schema's messages are English (the CLI prints them); say the known ones in the UI language.
  const local = (error: FieldError | undefined, text: string): FieldError | undefined => (error ? { ...error, message: text } : undefined);
  const errors = {
    ...formState.errors,
    title: local(formState.errors.title, t('planner.sessions.titleRequired')),
    date: local(formState.errors.date, t('planner.sessions.dateRequired')),
    endTime: formState.errors.endTime?.message === 'The session must end after it starts.' ? local(formState.errors.endTime, t('planner.block.endAfterStart')) : formState.errors.endTime,
  };

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const { programmeId: _ignored, ...patch } = values;
      const saved = session ? await invoke('planner.sessionUpdate', { id: session.id, patch }) : await invoke('planner.sessionCreate', values);
      reportSuccess(t('planner.sessions.saved', { title: saved.title }));
      onDone(saved);
    } catch (e) {
      setServerError(errorMessage(e));
    }
  });

  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${idp}-form-title`}>
      <h3 id={`${idp}-form-title`}>{session ? t('planner.sessions.editTitle') : t('planner.sessions.newTitle')}</h3>
      {serverError ? (
        <p role="alert" className="notice notice-error">
          {serverError}
        </p>
      ) : null}
      <div className="form-grid">
        <FormField id={`${idp}-title`} label={t('planner.sessions.titleField')} error={errors.title} wide>
          <input id={`${idp}-title`} {...register('title')} aria-invalid={errors.title ? true : undefined} />
        </FormField>
        <FormField id={`${idp}-kind`} label={t('planner.sessions.kind')} error={errors.kind}>
          <select id={`${idp}-kind`} {...register('kind')}>
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`planner.sessionKinds.${k}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${idp}-date`} label={t('planner.sessions.date')} error={errors.date}>
          <input id={`${idp}-date`} type="date" {...register('date')} aria-invalid={errors.date ? true : undefined} />
        </FormField>
        <FormField id={`${idp}-start`} label={t('planner.sessions.startTime')} error={errors.startTime}>
          <input id={`${idp}-start`} type="time" {...register('startTime')} />
        </FormField>
        <FormField id={`${idp}-end`} label={t('planner.sessions.endTime')} error={errors.endTime}>
          <input id={`${idp}-end`} type="time" {...register('endTime')} aria-invalid={errors.endTime ? true : undefined} />
        </FormField>
        <FormField id={`${idp}-location`} label={t('planner.sessions.location')} error={errors.location} wide>
          <input id={`${idp}-location`} {...register('location')} />
        </FormField>
        <FormField id={`${idp}-network`} label={t('planner.sessions.network')} error={errors.audienceNetwork} hint={t('planner.sessions.networkHint')}>
          <input id={`${idp}-network`} {...register('audienceNetwork')} />
        </FormField>
        <FormField id={`${idp}-roles`} label={t('planner.sessions.roles')} error={errors.audienceRoles}>
          <select id={`${idp}-roles`} {...register('audienceRoles')}>
            {AUDIENCE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`planner.audienceRoles.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${idp}-capacity`} label={t('planner.sessions.capacity')} error={errors.capacity} hint={t('planner.sessions.capacityHint')}>
          <input id={`${idp}-capacity`} type="number" min={1} inputMode="numeric" {...register('capacity', { setValueAs: numberOrNull })} />
        </FormField>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('app.saving') : t('app.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
