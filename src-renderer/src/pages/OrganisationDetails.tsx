import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Organisation } from '../../../src-shared/schemas/organisation.schema';
import type { Place } from '../../../src-shared/schemas/place.schema';
import { ContactForm } from '../components/ContactForm';
import { DeleteButton } from '../components/DeleteButton';
import { PlaceForm } from '../components/PlaceForm';
import { useApiQuery } from '../hooks/useApiQuery';
import { useNotices } from '../hooks/useNotices';
import { invoke } from '../lib/api';

/** At most one form is open in the panel, so a half-filled form never hides behind another. */
type Editing = { kind: 'none' } | { kind: 'contact'; contactId: number | null } | { kind: 'place'; placeId: number | null };

/** One organisation: its facts, contact persons and the places it offers, with forms to change the last two. */
export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const { reportSuccess, reportError } = useNotices();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const contacts = useApiQuery(() => invoke('contact.list', { organisationId: o.id }), [o.id]);
  const places = useApiQuery(() => invoke('place.list', { organisationId: o.id }), [o.id]);
  const programmes = useApiQuery(() => invoke('programme.list', {}), []);
  const mentors = useApiQuery(() => invoke('person.list', { role: 'mentor', organisationId: o.id }), [o.id]);
  const none = t('app.none');
  const close = () => setEditing({ kind: 'none' });
  const contactForm = (contact: Contact | null) => (
    <ContactForm
      organisationId={o.id}
      contact={contact}
      onCancel={close}
      onSaved={(c) => {
        reportSuccess(t(contact ? 'organisations.contactUpdated' : 'organisations.contactSaved', { name: c.name }));
        close();
        contacts.reload();
      }}
    />
  );

  const format = (p: Place) => (p.format === 'hours' ? t('organisations.formats.hours', { hours: p.hours ?? '?' }) : t(`organisations.formats.${p.format}`));
  const programmeName = (p: Place) => programmes.data?.find((x) => x.id === p.programmeId)?.name ?? '';
  const mentorName = (p: Place) => {
    const m = mentors.data?.find((x) => x.id === p.mentorId);
    return m ? `${m.firstName} ${m.lastName}`.trim() : null;
  };

  async function removeContact(c: Contact) {
    try {
      await invoke('contact.delete', { id: c.id });
      reportSuccess(t('organisations.contactDeleted', { name: c.name }));
      contacts.reload();
    } catch (e) {
      reportError(e);
    }
  }

  async function removePlace(p: Place) {
    try {
      await invoke('place.delete', { id: p.id });
      reportSuccess(t('organisations.placeDeleted', { team: p.team }));
      if (editing.kind === 'place' && editing.placeId === p.id) close();
      places.reload();
    } catch (e) {
      reportError(e);
    }
  }

  const placeForm = (place: Place | null) => (
    <PlaceForm
      key={place ? `place-${place.id}` : 'place-new'}
      organisationId={o.id}
      place={place}
      programmes={programmes.data ?? []}
      mentors={mentors.data ?? []}
      onCancel={close}
      onSaved={(saved) => {
        reportSuccess(t('organisations.placeSaved', { team: saved.team }));
        close();
        places.reload();
      }}
    />
  );
  const hasProgrammes = (programmes.data?.length ?? 0) > 0;

  return (
    <div className="details">
      <h2>{o.name}</h2>
      <dl className="facts">
        <dt>{t('organisation.sector')}</dt>
        <dd>{o.sector ?? none}</dd>
        <dt>{t('organisation.network')}</dt>
        <dd>{o.network ?? none}</dd>
        <dt>{t('organisation.address')}</dt>
        <dd>{[o.address, [o.postcode, o.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ') || none}</dd>
        <dt>{t('organisation.languages')}</dt>
        <dd>{o.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
        <dt>{t('organisation.role')}</dt>
        <dd>{t(`organisation.roles.${o.role}`)}</dd>
        <dt>{t('organisation.website')}</dt>
        <dd>{o.website ?? none}</dd>
        {o.preconditionNotes ? (
          <>
            <dt>{t('organisation.preconditionNotes')}</dt>
            <dd className="pre">{o.preconditionNotes}</dd>
          </>
        ) : null}
      </dl>

      <h3>{t('organisations.contacts')}</h3>
      {contacts.data && contacts.data.length === 0 ? <p className="muted">{t('organisations.noContacts')}</p> : null}
      <ul className="plain-list" aria-label={t('organisations.contacts')}>
        {contacts.data?.map((c) =>
          editing.kind === 'contact' && editing.contactId === c.id ? (
            <li key={c.id}>{contactForm(c)}</li>
          ) : (
            <li key={c.id} className="item-with-actions">
              <div>
                <strong>{c.name}</strong> <span className="muted">({t(`organisations.contactRoles.${c.role}`)})</span>
                <br />
                {[c.email, c.phone].filter(Boolean).join(' · ')}
              </div>
              <div className="item-actions">
                <button type="button" aria-label={t('organisations.editContactLabel', { name: c.name })} onClick={() => setEditing({ kind: 'contact', contactId: c.id })}>
                  {t('organisations.editPlace')}
                </button>
                <DeleteButton name={c.name} onConfirm={() => removeContact(c)} />
              </div>
            </li>
          ),
        )}
      </ul>
      {editing.kind === 'contact' && editing.contactId === null ? (
        contactForm(null)
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing({ kind: 'contact', contactId: null })}>
            {t('organisations.addContact')}
          </button>
        </div>
      )}

      <h3>{t('organisations.places')}</h3>
      {places.data && places.data.length === 0 ? <p className="muted">{t('organisations.noPlaces')}</p> : null}
      <ul className="plain-list" aria-label={t('organisations.places')}>
        {places.data?.map((p) =>
          editing.kind === 'place' && editing.placeId === p.id ? (
            <li key={p.id}>{placeForm(p)}</li>
          ) : (
            <li key={p.id} className="item-with-actions">
              <div>
                <strong>{p.team}</strong>{' '}
                <span className="muted">
                  · {format(p)} · {t('organisations.placeCapacity', { count: p.capacity })}
                  {programmeName(p) ? ` · ${programmeName(p)}` : ''}
                  {mentorName(p) ? ` · ${t('organisations.placeMentor', { name: mentorName(p) ?? '' })}` : ''}
                </span>
                {p.description ? <p className="pre">{p.description}</p> : null}
              </div>
              <div className="item-actions">
                <button type="button" aria-label={t('organisations.editPlaceLabel', { team: p.team })} onClick={() => setEditing({ kind: 'place', placeId: p.id })}>
                  {t('organisations.editPlace')}
                </button>
                <DeleteButton name={p.team} onConfirm={() => removePlace(p)} />
              </div>
            </li>
          ),
        )}
      </ul>
      {editing.kind === 'place' && editing.placeId === null ? (
        placeForm(null)
      ) : programmes.data && !hasProgrammes ? (
        <p className="muted">{t('organisations.needProgramme')}</p>
      ) : (
        <div className="actions">
          <button type="button" disabled={!hasProgrammes} onClick={() => setEditing({ kind: 'place', placeId: null })}>
            {t('organisations.addPlace')}
          </button>
        </div>
      )}
    </div>
  );
}
