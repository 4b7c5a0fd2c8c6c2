import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../src-shared/schemas/organisation.schema';
import type { Place } from '../../../src-shared/schemas/place.schema';
import { useApiQuery } from '../hooks/useApiQuery';
import { invoke } from '../lib/api';

/** One organisation: its facts, contact persons and the places it offers. */
export function OrganisationDetails({ organisation: o }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const contacts = useApiQuery(() => invoke('contact.list', { organisationId: o.id }), [o.id]);
  const places = useApiQuery(() => invoke('place.list', { organisationId: o.id }), [o.id]);
  const none = t('app.none');

  const format = (p: Place) => (p.format === 'hours' ? t('organisations.formats.hours', { hours: p.hours ?? '?' }) : t(`organisations.formats.${p.format}`));

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
        {contacts.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> <span className="muted">({t(`organisations.contactRoles.${c.role}`)})</span>
            <br />
            {[c.email, c.phone].filter(Boolean).join(' · ')}
          </li>
        ))}
      </ul>

      <h3>{t('organisations.places')}</h3>
      {places.data && places.data.length === 0 ? <p className="muted">{t('organisations.noPlaces')}</p> : null}
      <ul className="plain-list" aria-label={t('organisations.places')}>
        {places.data?.map((p) => (
          <li key={p.id}>
            <strong>{p.team}</strong> <span className="muted">· {format(p)} · {t('organisations.placeCapacity', { count: p.capacity })}</span>
            {p.description ? <p className="pre">{p.description}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
