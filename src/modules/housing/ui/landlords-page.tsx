import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { LandlordDetail, LandlordList } from '#src/modules/housing/api/housing.schema.ts';

const t = messages.housing;
const c = t.columns;

export function LandlordsPage() {
  const { state } = useApi<LandlordList>('/api/housing/landlords');
  return (
    <Page title={t.landlords.title}>
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <div className="table-scroll">
          <table>
            <caption>{t.landlords.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{t.fields.legalCategory}</th>
                <th scope="col">{t.fields.groupName}</th>
                <th scope="col">{t.landlords.programmes}</th>
                <th scope="col">{c.units}</th>
                <th scope="col">{t.landlords.charter}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    <Link to={`/bailleurs/${l.id}`}>{l.name}</Link>
                  </th>
                  <td>{l.legalCategory ? t.legalCategories[l.legalCategory] : '—'}</td>
                  <td>{l.groupName ?? '—'}</td>
                  <td>{l.programmeCount}</td>
                  <td>{l.unitCount.toLocaleString('fr-FR')}</td>
                  <td>{l.signedCharter ? t.unit.yes : t.unit.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** A landlord: profile, contacts per role, labels, its charter commitments with their yearly values, programmes. */
export function LandlordPage() {
  const { id } = useParams();
  const { state } = useApi<LandlordDetail>(`/api/housing/landlords/${id}`);
  if (state.status === 'loading') return <Page title={t.landlords.title} />;
  if (state.status === 'error')
    return (
      <Page title={t.landlords.title}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const l = state.data;
  const years = [...new Set(l.charter?.reviews.map((r) => r.year))].sort();
  const referents = l.contacts.filter((contact) => contact.role === 'senior_referent');
  return (
    <Page title={l.name}>
      <section className="housing-facts">
        <h2>{t.landlords.profile}</h2>
        {l.canEdit && (
          <p className="actions">
            <Link className="button" to={`/bailleurs/${l.id}/profil`}>
              {t.landlords.editProfile}
            </Link>
          </p>
        )}
        <dl>
          <div>
            <dt>SIREN</dt>
            <dd>{l.siren ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.fields.legalCategory}</dt>
            <dd>
              {l.profile.legalCategory ? t.legalCategories[l.profile.legalCategory] : '—'}
              {l.inseeLegalCategory ? ` (${l.inseeLegalCategory})` : ''}
            </dd>
          </div>
          <div>
            <dt>{t.fields.groupName}</dt>
            <dd>{l.profile.groupName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.fields.offerKinds}</dt>
            <dd>{l.profile.offerKinds.map((k) => t.programmeKinds[k]).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t.fields.adaptationPolicy}</dt>
            <dd>{l.profile.adaptationPolicy ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.landlords.seniorReferent}</dt>
            <dd>
              {referents.length ? (
                referents.map((r) => r.name).join(', ')
              ) : l.canEdit ? (
                <Link to={`/bailleurs/${l.id}/contacts/nouveau?role=senior_referent`}>
                  {t.landlords.noSeniorReferent}
                </Link>
              ) : (
                '—'
              )}
            </dd>
          </div>
        </dl>
      </section>
      <h2>{t.landlords.contacts}</h2>
      {l.canEdit && (
        <p className="actions">
          <Link className="button" to={`/bailleurs/${l.id}/contacts/nouveau`}>
            {t.landlords.addContact}
          </Link>
        </p>
      )}
      {l.contacts.length === 0 ? (
        <p>{t.landlords.noContacts}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t.landlords.contacts}</caption>
            <thead>
              <tr>
                <th scope="col">{c.role}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.email}</th>
                <th scope="col">{c.phone}</th>
                {l.canEdit && <th scope="col">{t.landlords.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {l.contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">{t.contactRoles[contact.role]}</th>
                  <td>{contact.name}</td>
                  <td>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</td>
                  <td>{contact.phone ?? '—'}</td>
                  {l.canEdit && (
                    <td>
                      <Link to={`/bailleurs/${l.id}/contacts/${contact.id}`}>
                        {t.form.editContactLink(contact.name)}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.landlords.labels}</h2>
      {l.labels.length === 0 ? (
        <p>{t.landlords.noLabels}</p>
      ) : (
        <ul>
          {l.labels.map((label) => (
            <li key={`${label.label}-${label.awardedOn}`}>
              {label.label}
              {label.awardedOn ? ` — ${c.awardedOn.toLowerCase()} ${formatDate(label.awardedOn)}` : ''}
              {label.expiresOn ? `, ${c.expiresOn.toLowerCase()} ${formatDate(label.expiresOn)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.landlords.charter}</h2>
      {l.canEdit && l.charter && (
        <p className="actions">
          <Link className="button" to={`/bailleurs/${l.id}/charte`}>
            {t.landlords.editCharter}
          </Link>
        </p>
      )}
      {!l.charter?.signedOn ? (
        <p>{t.landlords.notSigned}</p>
      ) : (
        <>
          <p>{t.landlords.signedOn(formatDate(l.charter.signedOn))}</p>
          <div className="table-scroll">
            <table>
              <caption>{t.landlords.charter}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.commitment}</th>
                  <th scope="col">{c.target}</th>
                  {years.map((year) => (
                    <th scope="col" key={year}>
                      {t.landlords.followUp(year)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {l.charter.commitments
                  .filter((commitment) => commitment.taken)
                  .map((commitment) => (
                    <tr key={commitment.id}>
                      <th scope="row">
                        {commitment.label}
                        <br />
                        <span className="field__hint">{commitment.indicator}</span>
                      </th>
                      <td>{commitment.target ?? '—'}</td>
                      {years.map((year) => {
                        const review = l.charter!.reviews.find(
                          (r) => r.commitmentId === commitment.id && r.year === year,
                        );
                        return <td key={year}>{review ? review.value : t.landlords.noReview}</td>;
                      })}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t.landlords.programmes}</h2>
      {l.canEdit && (
        <p className="actions">
          <Link className="button" to={`/logements/programmes/nouveau?bailleur=${l.id}`}>
            {t.list.newProgramme}
          </Link>
        </p>
      )}
      <ul>
        {l.programmes.map((p) => (
          <li key={p.id}>
            <Link to={`/logements/programmes/${p.id}`}>{p.name}</Link> — {t.programmeKinds[p.kind]},{' '}
            {p.communeName ?? '—'}, {t.list.count(p.unitCount)}
          </li>
        ))}
      </ul>
    </Page>
  );
}
