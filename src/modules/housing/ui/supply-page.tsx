import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useForm, type CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { typologies, type UnitList } from '#src/modules/housing/api/housing.schema.ts';
import { codeLabels, options, rentWithCharges } from '#src/modules/housing/ui/display.ts';

const t = messages.housing;
const filterNames = ['q', 'organizationId', 'communeInsee', 'typology', 'level', 'status', 'kind'] as const;
const PAGE = 50;

/** The supply: every unit the user may see, filtered through the address bar so a filtered view can be shared. */
export function SupplyPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const [params, setParams] = useSearchParams();
  const limit = Number(params.get('limit') ?? PAGE);
  const query = new URLSearchParams();
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  query.set('limit', String(limit));
  const { state } = useApi<UnitList>(`/api/housing/units?${query.toString()}`);

  const data = state.status === 'ready' ? state.data : null;
  const filters = new URLSearchParams(query);
  filters.delete('limit');

  return (
    <Page title={t.list.title} lead={t.list.intro}>
      <p className="actions">
        <Link to="/bailleurs">{t.list.landlords}</Link> · <Link to="/charte">{t.nav.charter}</Link>
        {data?.canAddProgrammes && (
          <>
            {' '}
            ·{' '}
            <Link className="button" to="/logements/programmes/nouveau">
              {t.list.newProgramme}
            </Link>
          </>
        )}
      </p>
      {/* Shown once the list has answered, then mounted again when the filters change, so every box shows what
          is applied and the commune its name (the list names it), not its code. */}
      {state.status !== 'loading' && (
        <Filters
          key={`${filters.toString()}|${data?.communeName ?? ''}`}
          params={params}
          data={data}
          onApply={setParams}
          CommuneField={CommuneField}
        />
      )}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <Results data={state.data} onMore={() => setMore(params, setParams, limit)} />}
    </Page>
  );
}

function Filters({
  params,
  data,
  onApply,
  CommuneField,
}: {
  params: URLSearchParams;
  data: UnitList | null;
  onApply: (next: URLSearchParams) => void;
  CommuneField: CommuneFieldComponent;
}) {
  const value = (name: (typeof filterNames)[number]) => params.get(name) ?? '';
  // The commune is picked from the official list; the picker keeps its code in a form state of its own.
  const commune = useForm({ initial: { communeInsee: value('communeInsee') }, submit: async () => {} });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set('communeInsee', commune.values.communeInsee);
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const entry = data.get(name);
      const value = typeof entry === 'string' ? entry.trim() : '';
      if (value) next.set(name, value);
    }
    onApply(next);
  };
  return (
    <form className="housing-filters" onSubmit={onSubmit} aria-label={t.list.filters}>
      <div className="field">
        <label htmlFor="housing-q">{t.list.search}</label>
        <input id="housing-q" name="q" type="search" defaultValue={value('q')} />
      </div>
      <div className="field">
        <label htmlFor="housing-landlord">{t.list.landlord}</label>
        <select id="housing-landlord" name="organizationId" defaultValue={value('organizationId')}>
          <option value="">{t.list.all}</option>
          {data?.landlords.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <CommuneField form={commune} name="communeInsee" label={t.list.commune} initialLabel={data?.communeName} />
      {(
        [
          ['typology', t.list.typology, codeLabels(typologies)],
          ['level', t.list.level, t.levels],
          ['status', t.list.status, t.statuses],
          ['kind', t.list.kind, t.programmeKinds],
        ] as const
      ).map(([name, label, labels]) => (
        <div className="field" key={name}>
          <label htmlFor={`housing-${name}`}>{label}</label>
          <select id={`housing-${name}`} name={name} defaultValue={value(name)}>
            {options(labels as Record<string, string>, t.list.all).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p className="actions">
        <button type="submit" className="button button--primary">
          {t.list.apply}
        </button>
        <Link to="/logements">{t.list.reset}</Link>
      </p>
    </form>
  );
}

function setMore(params: URLSearchParams, setParams: (p: URLSearchParams) => void, limit: number) {
  const next = new URLSearchParams(params);
  next.set('limit', String(Math.min(limit + PAGE, 200)));
  setParams(next);
}

function Results({ data, onMore }: { data: UnitList; onMore: () => void }) {
  return (
    <>
      <h2 aria-live="polite">{t.list.count(data.total)}</h2>
      <div className="housing-counts">
        <dl aria-label={t.list.countsByLevel}>
          {data.byLevel.map((c) => (
            <div key={c.key}>
              <dt>{t.levels[c.key as keyof typeof t.levels] ?? c.key}</dt>
              <dd>{c.count.toLocaleString('fr-FR')}</dd>
            </div>
          ))}
        </dl>
        <dl aria-label={t.list.countsByStatus}>
          {data.byStatus.map((c) => (
            <div key={c.key}>
              <dt>{t.statuses[c.key as keyof typeof t.statuses] ?? c.key}</dt>
              <dd>{c.count.toLocaleString('fr-FR')}</dd>
            </div>
          ))}
        </dl>
      </div>
      {data.items.length === 0 ? <p>{t.list.empty}</p> : <UnitTable items={data.items} caption={t.list.caption} />}
      {data.items.length < data.total && data.items.length < 200 && (
        <button type="button" className="button" onClick={onMore}>
          {t.list.more}
        </button>
      )}
    </>
  );
}

export function UnitTable({ items, caption }: { items: UnitList['items']; caption: string }) {
  const c = t.columns;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.ref}</th>
            <th scope="col">{c.programme}</th>
            <th scope="col">{c.landlord}</th>
            <th scope="col">{c.commune}</th>
            <th scope="col">{c.floor}</th>
            <th scope="col">{c.typology}</th>
            <th scope="col">{c.rent}</th>
            <th scope="col">{c.level}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.available}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                <Link to={`/logements/${u.id}`}>{u.landlordUnitRef}</Link>
              </th>
              <td>
                <Link to={`/logements/programmes/${u.programmeId}`}>{u.programmeName}</Link>
              </td>
              <td>{u.landlordName}</td>
              <td>{u.communeName ?? '—'}</td>
              <td>{u.floor}</td>
              <td>{u.typology}</td>
              <td>{rentWithCharges(u.rentEur, u.chargesEur)}</td>
              <td>{t.levels[u.accessLevel]}</td>
              <td>{t.statuses[u.status]}</td>
              <td>{u.availableFrom ? formatDate(u.availableFrom) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
