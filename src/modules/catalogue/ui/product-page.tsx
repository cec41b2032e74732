import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDate, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Product, ProductHistory } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatEuros } from '#src/modules/catalogue/ui/format.ts';
import { ProductEvidence } from '#src/modules/catalogue/ui/product-evidence.tsx';

const t = messages.catalogue;
const p = t.product;

/** A product sheet: every field, ISO codes formatted, distributors, files, showroom, usage evidence and history. */
export function ProductPage() {
  const { id = '' } = useParams();
  const { state, reload } = useApi<Product>(`/api/catalogue/products/${id}`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={t.search.title}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const product = state.data;
  const none = p.none;
  return (
    <Page title={product.name} lead={t.kinds[product.kind]}>
      <p className="actions">
        <Link to="/catalogue">{p.back}</Link>
        {product.canManage && (
          <Link className="button" to={`/catalogue/produits/${product.id}/modifier`}>
            {p.edit}
          </Link>
        )}
      </p>
      <section aria-labelledby="product-identity">
        <h2 id="product-identity">{p.identity}</h2>
        <dl className="catalogue-facts">
          <dt>{p.manufacturer}</dt>
          <dd>{product.manufacturer ?? none}</dd>
          <dt>{p.description}</dt>
          <dd>{product.description ?? none}</dd>
          <dt>{p.primaryIso}</dt>
          <dd>
            <span className="catalogue-code">{product.primaryIso.display}</span>
            {product.primaryIso.label && ` — ${product.primaryIso.label}`} ({p.isoEdition} {product.isoEdition})
          </dd>
          <dt>{p.isoClass}</dt>
          <dd>{product.isoClassLabel ?? none}</dd>
          <dt>{p.secondaryIso}</dt>
          <dd>
            {product.secondaryIsos.length === 0
              ? none
              : product.secondaryIsos.map((c) => `${c.display}${c.label ? ` — ${c.label}` : ''}`).join(' ; ')}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="product-price">
        <h2 id="product-price">{p.price}</h2>
        <dl className="catalogue-facts">
          <dt>{p.averagePrice}</dt>
          <dd>
            {product.averagePriceCents === null || !product.priceDate
              ? p.noPrice
              : `${formatEuros(product.averagePriceCents)} ${p.priceAsOf(formatDate(product.priceDate), product.priceSource)}`}
          </dd>
          <dt>{p.lppCode}</dt>
          <dd>{product.lppCode ?? p.notReimbursed}</dd>
          {product.lppCode && (
            <>
              <dt>{p.reimbursementBase}</dt>
              <dd>{product.reimbursementBaseCents === null ? none : formatEuros(product.reimbursementBaseCents)}</dd>
              <dt>{p.priceCeiling}</dt>
              <dd>{product.priceCeilingCents === null ? none : formatEuros(product.priceCeilingCents)}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="product-technical">
        <h2 id="product-technical">{p.technical}</h2>
        <dl className="catalogue-facts">
          <dt>{p.dimensions}</dt>
          <dd>{product.dimensions ?? none}</dd>
          {product.features.map((f, i) => (
            <div key={i}>
              <dt>{f.key}</dt>
              <dd>{f.value || none}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="product-uses">
        <h2 id="product-uses">{p.uses}</h2>
        <dl className="catalogue-facts">
          <dt>{p.activities}</dt>
          <dd>{product.activities.map((a) => `${t.activities[a]} (${a})`).join(', ') || none}</dd>
          <dt>{p.rooms}</dt>
          <dd>{product.rooms.map((r) => t.rooms[r]).join(', ') || none}</dd>
        </dl>
      </section>
      <section aria-labelledby="product-distributors">
        <h2 id="product-distributors">{p.distributors}</h2>
        {product.distributors.length === 0 ? (
          <p>{p.noDistributor}</p>
        ) : (
          <ul>
            {product.distributors.map((d) => (
              <li key={d.id}>
                <strong>{d.name}</strong>
                {d.isLocal && ` (${p.local})`} — {[d.addressLine, d.postalCode, d.city].filter(Boolean).join(' ')}
                {d.phone && ` — ${d.phone}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProductFiles product={product} onChange={reload} />
      <section aria-labelledby="product-showroom">
        <h2 id="product-showroom">{p.showroom}</h2>
        {product.showroomItems.length === 0 ? (
          <p>{p.showroomNone}</p>
        ) : (
          <ul>
            {product.showroomItems.map((i) => (
              <li key={i.id}>
                {t.locations[i.location]} — {t.ownerships[i.ownership]} — {t.states[i.state]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProductEvidence productId={product.id} />
      <ProductHistorySection productId={product.id} version={product.version} />
    </Page>
  );
}

function ProductFiles({ product, onChange }: { product: Product; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [caption, setCaption] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const photos = product.files.filter((f) => f.kind === 'photo');
  const documents = product.files.filter((f) => f.kind === 'document');
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    const kind = file.type === 'application/pdf' ? 'document' : 'photo';
    const response = await fetch(
      `/api/catalogue/products/${product.id}/files?${new URLSearchParams({ kind, caption })}`,
      { method: 'POST', headers: { 'content-type': file.type }, body: file, credentials: 'same-origin' },
    );
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        message?: string;
        issues?: { message: string }[];
      } | null;
      setError(body?.issues?.[0]?.message ?? body?.message ?? messages.errors.internal);
      return;
    }
    setCaption('');
    setFile(null);
    onChange();
  };
  const remove = (fileId: string) =>
    api(`/api/catalogue/products/${product.id}/files/${fileId}`, { method: 'DELETE' })
      .then(onChange)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : messages.errors.internal));
  return (
    <section aria-labelledby="product-files">
      <h2 id="product-files">{p.files}</h2>
      {product.files.length === 0 && <p>{p.noFile}</p>}
      {photos.length > 0 && (
        <ul className="catalogue-photos">
          {photos.map((f) => (
            <li key={f.id}>
              <figure>
                <img src={`/api/catalogue/files/${f.id}`} alt={f.caption} />
                <figcaption>{f.caption}</figcaption>
              </figure>
              {product.canManage && (
                <button type="button" className="button button--link" onClick={() => void remove(f.id)}>
                  {p.removeFile(f.caption)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul>
          {documents.map((f) => (
            <li key={f.id}>
              <a href={`/api/catalogue/files/${f.id}`}>{f.caption}</a> (PDF)
              {product.canManage && (
                <button type="button" className="button button--link" onClick={() => void remove(f.id)}>
                  {p.removeFile(f.caption)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {product.canManage && (
        <form onSubmit={(e) => void upload(e)} aria-labelledby="product-add-file">
          <h3 id="product-add-file">{p.addFile}</h3>
          {error && <Alert kind="error">{error}</Alert>}
          <div className="field">
            <label htmlFor="product-file">{p.fileInput}</label>
            <input
              id="product-file"
              type="file"
              accept="image/jpeg,image/png,image/webp,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="field">
            <label htmlFor="product-file-caption">{p.caption}</label>
            <input id="product-file-caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
          </div>
          <button type="submit" className="button">
            {p.upload}
          </button>
        </form>
      )}
    </section>
  );
}

function ProductHistorySection({ productId, version }: { productId: string; version: number }) {
  const { state } = useApi<ProductHistory>(`/api/catalogue/products/${productId}/history?v=${version}`);
  const fieldLabel = (name: string) => t.fields[name] ?? name;
  return (
    <section aria-labelledby="product-history">
      <h2 id="product-history">{p.history}</h2>
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{p.noHistory}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{p.historyCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.version}</th>
                  <th scope="col">{p.changedAt}</th>
                  <th scope="col">{p.changedBy}</th>
                  <th scope="col">{p.changedFields}</th>
                  <th scope="col">{p.averagePrice}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((h) => (
                  <tr key={h.version}>
                    <th scope="row">{p.versionLabel(h.version)}</th>
                    <td>{formatDateTime(h.changedAt)}</td>
                    <td>{h.changedByName ?? p.none}</td>
                    <td>{h.changedFields.map(fieldLabel).join(', ')}</td>
                    <td>
                      {h.previous.averagePriceCents === null ? p.none : formatEuros(h.previous.averagePriceCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
