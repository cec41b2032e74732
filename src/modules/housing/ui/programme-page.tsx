import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { ProgrammeDetail } from '#src/modules/housing/api/housing.schema.ts';
import { shown } from '#src/modules/housing/ui/display.ts';
import { UnitTable } from '#src/modules/housing/ui/supply-page.tsx';

const t = messages.housing;
const c = t.columns;

/** A programme: its address and plan, the accessibility of each building's path, its units and photos. */
export function ProgrammePage() {
  const { id } = useParams();
  const { state, reload } = useApi<ProgrammeDetail>(`/api/housing/programmes/${id}`);
  if (state.status === 'loading') return <Page title={t.programme.title('…')} />;
  if (state.status === 'error')
    return (
      <Page title={t.programme.title('')}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const p = state.data;
  const address = [p.addressLine, p.postalCode, p.communeName].filter(Boolean).join(' ');
  return (
    <Page
      title={t.programme.title(p.name)}
      lead={
        <>
          <Link to={`/bailleurs/${p.organizationId}`}>{p.landlordName}</Link> · {t.programmeKinds[p.kind]} ·{' '}
          {t.phases[p.phase]}
        </>
      }
    >
      {p.canEdit && (
        <p className="actions">
          <Link className="button" to={`/logements/programmes/${p.id}/modifier`}>
            {t.programme.edit}
          </Link>
        </p>
      )}
      <section className="housing-facts">
        <h2>{t.programme.summary}</h2>
        <dl>
          <div>
            <dt>{t.programme.address}</dt>
            <dd>{address || '—'}</dd>
          </div>
          <div>
            <dt>{t.programme.delivery}</dt>
            <dd>{p.deliveryDate ? formatDate(p.deliveryDate) : '—'}</dd>
          </div>
          <div>
            <dt>{t.programme.services}</dt>
            <dd>
              {p.services.length
                ? p.services.map((s) => t.services[s as keyof typeof t.services] ?? s).join(', ')
                : t.programme.none}
            </dd>
          </div>
          <div>
            <dt>{t.programme.labels}</dt>
            <dd>
              {p.labels.length
                ? p.labels.map((l) => `${l.label}${l.awardedOn ? ` (${formatDate(l.awardedOn)})` : ''}`).join(', ')
                : t.programme.none}
            </dd>
          </div>
          <div>
            <dt>{t.programme.qpv}</dt>
            <dd>{shown(p.qpv)}</dd>
          </div>
        </dl>
      </section>
      {p.unitsPlanned.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t.programme.planned}</caption>
            <thead>
              <tr>
                <th scope="col">{c.typology}</th>
                <th scope="col">{c.financing}</th>
                <th scope="col">{c.count}</th>
              </tr>
            </thead>
            <tbody>
              {p.unitsPlanned.map((row) => (
                <tr key={`${row.typology}-${row.financing}`}>
                  <th scope="row">{row.typology}</th>
                  <td>{row.financing}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.programme.buildings}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.programme.buildings}</caption>
          <thead>
            <tr>
              <th scope="col">{c.entrance}</th>
              <th scope="col">{c.floors}</th>
              <th scope="col">{c.steps}</th>
              <th scope="col">{c.lift}</th>
              <th scope="col">{c.lastCheck}</th>
              {p.canEdit && <th scope="col">{t.landlords.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {p.buildings.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.entranceLabel}</th>
                <td>{shown(b.floorsAboveGround)}</td>
                <td>
                  {b.rampPresent
                    ? `${shown(b.stepsStreetToLobby)} (${t.fields.rampPresent.toLowerCase()})`
                    : shown(b.stepsStreetToLobby)}
                </td>
                <td>
                  {b.liftCount === null
                    ? t.unit.notMeasured
                    : b.liftCount === 0
                      ? t.unit.no
                      : `${b.liftCount}${b.liftServesAllLandings ? ` — ${t.fields.liftServesAllLandings.toLowerCase()}` : ''}`}
                </td>
                <td>
                  {b.lastCheckOn
                    ? `${formatDate(b.lastCheckOn)}${b.lastCheckMethod ? ` (${t.checkMethods[b.lastCheckMethod]})` : ''}`
                    : '—'}
                </td>
                {p.canEdit && (
                  <td>
                    <Link to={`/logements/programmes/${p.id}/batiments/${b.id}/modifier`}>
                      {t.form.editBuildingLink(b.entranceLabel)}
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canEdit && (
        <p className="actions">
          <Link className="button" to={`/logements/programmes/${p.id}/nouveau-batiment`}>
            {t.programme.addBuilding}
          </Link>
        </p>
      )}
      <h2>{t.programme.units}</h2>
      {p.canEdit && p.buildings.length > 0 && (
        <p className="actions">
          <Link className="button" to={`/logements/programmes/${p.id}/nouveau-logement`}>
            {t.programme.addUnit}
          </Link>
        </p>
      )}
      <UnitTable items={p.units} caption={t.programme.units} />
      <h2>{t.programme.photos}</h2>
      {p.photos.length === 0 ? (
        <p>{t.programme.noPhotos}</p>
      ) : (
        <ul className="housing-photos">
          {p.photos.map((photo) => (
            <li key={photo.id}>
              <figure>
                <img src={`/api/housing/programmes/${p.id}/photos/${photo.id}`} alt={photo.caption} loading="lazy" />
                <figcaption>{photo.caption}</figcaption>
              </figure>
              {p.canEdit && <RemovePhoto programmeId={p.id} photo={photo} onRemoved={reload} />}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit && <PhotoForm programmeId={p.id} onSaved={reload} />}
    </Page>
  );
}

/** Removes one photo; the page reloads the list and says so. */
function RemovePhoto({
  programmeId,
  photo,
  onRemoved,
}: {
  programmeId: string;
  photo: { id: string; caption: string };
  onRemoved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    api(`/api/housing/programmes/${programmeId}/photos/${photo.id}`, { method: 'DELETE' })
      .then(onRemoved)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : messages.errors.internal));
  };
  return (
    <>
      {error && <Alert kind="error">{error}</Alert>}
      <button type="button" className="button button--link" onClick={remove}>
        {t.form.removePhoto(photo.caption)}
      </button>
    </>
  );
}

/** Sends the chosen picture as raw bytes with its own type; the server checks the bytes and the size. */
function PhotoForm({ programmeId, onSaved }: { programmeId: string; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const file = data.get('photo');
    const caption = data.get('caption');
    if (!(file instanceof File) || file.size === 0) return setError(t.photos.empty);
    if (typeof caption !== 'string' || !caption.trim()) return setError(t.validation.photoCaption);
    setBusy(true);
    fetch(`/api/housing/programmes/${programmeId}/photos?caption=${encodeURIComponent(caption.trim())}`, {
      method: 'POST',
      headers: { 'content-type': file.type },
      body: file,
    })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as {
            message?: string;
            issues?: { message: string }[];
          } | null;
          setError(body?.issues?.[0]?.message ?? body?.message ?? messages.errors.internal);
          return;
        }
        setError(null);
        formElement.reset();
        onSaved();
      })
      .catch(() => setError(messages.errors.internal))
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={onSubmit} className="housing-form" aria-labelledby="housing-photo-title">
      <h3 id="housing-photo-title">{t.programme.addPhoto}</h3>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="field">
        <label htmlFor="housing-photo-file">{t.programme.photoFile}</label>
        <input id="housing-photo-file" name="photo" type="file" accept="image/jpeg,image/png,image/webp" />
      </div>
      <div className="field">
        <label htmlFor="housing-photo-caption">{t.programme.photoCaption}</label>
        <input id="housing-photo-caption" name="caption" type="text" maxLength={200} />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {t.programme.upload}
      </button>
    </form>
  );
}
