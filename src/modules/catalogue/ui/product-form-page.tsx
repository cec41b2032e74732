import { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  activityCodes,
  CURRENT_ISO_EDITION,
  productKinds,
  roomCodes,
  type Product,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { centsToEuros, eurosToCents } from '#src/modules/catalogue/ui/format.ts';

const t = messages.catalogue;
const p = t.product;

type Values = {
  kind: string;
  name: string;
  description: string;
  manufacturer: string;
  primaryIsoCode: string;
  secondaryIsoCodes: string;
  isoEdition: string;
  averagePriceCents: string;
  priceDate: string;
  priceSource: string;
  lppCode: string;
  reimbursementBaseCents: string;
  priceCeilingCents: string;
  dimensions: string;
  features: string;
  activities: string;
  rooms: string;
  distributorIds: string;
};

const amount = z.string().refine((text) => !Number.isNaN(eurosToCents(text)), t.validation.amount);
// Only what the browser can tell alone: amounts typed as euros; the API checks the rest, field by field.
const clientSchema = z.object({
  averagePriceCents: amount,
  reimbursementBaseCents: amount,
  priceCeilingCents: amount,
});

const valuesOf = (product: Product | null): Values => ({
  kind: product?.kind ?? 'product',
  name: product?.name ?? '',
  description: product?.description ?? '',
  manufacturer: product?.manufacturer ?? '',
  primaryIsoCode: product?.primaryIso.display ?? '',
  secondaryIsoCodes: product?.secondaryIsos.map((c) => c.display).join(', ') ?? '',
  isoEdition: product?.isoEdition ?? CURRENT_ISO_EDITION,
  averagePriceCents: centsToEuros(product?.averagePriceCents ?? null),
  priceDate: product?.priceDate ?? '',
  priceSource: product?.priceSource ?? '',
  lppCode: product?.lppCode ?? '',
  reimbursementBaseCents: centsToEuros(product?.reimbursementBaseCents ?? null),
  priceCeilingCents: centsToEuros(product?.priceCeilingCents ?? null),
  dimensions: product?.dimensions ?? '',
  features: product?.features.map((f) => `${f.key} : ${f.value}`).join('\n') ?? '',
  activities: product?.activities.join(',') ?? '',
  rooms: product?.rooms.join(',') ?? '',
  distributorIds: product?.distributors.map((d) => d.id).join(',') ?? '',
});

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const bodyOf = (v: Values) => ({
  kind: v.kind,
  name: v.name,
  description: v.description,
  manufacturer: v.manufacturer,
  primaryIsoCode: v.primaryIsoCode,
  secondaryIsoCodes: list(v.secondaryIsoCodes),
  isoEdition: v.isoEdition,
  averagePriceCents: eurosToCents(v.averagePriceCents),
  priceDate: v.priceDate,
  priceSource: v.priceSource,
  lppCode: v.lppCode,
  reimbursementBaseCents: eurosToCents(v.reimbursementBaseCents),
  priceCeilingCents: eurosToCents(v.priceCeilingCents),
  dimensions: v.dimensions,
  features: v.features
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    }),
  activities: list(v.activities),
  rooms: list(v.rooms),
  distributorIds: list(v.distributorIds),
});

/** The new-product page, and the edit page of an existing sheet (`/catalogue/produits/:id/modifier`). */
export function ProductFormPage() {
  const { id } = useParams();
  const { state } = useApi<Product>(id ? `/api/catalogue/products/${id}` : null);
  if (!id) return <ProductForm product={null} />;
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={p.titleNew}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  return <ProductForm product={state.data} />;
}

function ProductForm({ product }: { product: Product | null }) {
  const navigate = useNavigate();
  const distributors = useApi<{ items: { id: string; name: string; isLocal: boolean }[] }>(
    '/api/catalogue/distributors',
  );
  const form = useForm<Values>({
    initial: valuesOf(product),
    schema: clientSchema,
    submit: async (values) => {
      const body = bodyOf(values);
      const saved = product
        ? await api<{ id: string }>(`/api/catalogue/products/${product.id}`, {
            method: 'PUT',
            body: { ...body, version: product.version },
          })
        : await api<{ id: string }>('/api/catalogue/products', { body });
      void navigate(`/catalogue/produits/${saved.id}`);
    },
  });
  const labels: Partial<Record<keyof Values, string>> = {
    kind: p.kind,
    name: p.name,
    description: p.description,
    manufacturer: p.manufacturer,
    primaryIsoCode: p.primaryIso,
    secondaryIsoCodes: p.secondaryIso,
    isoEdition: p.isoEdition,
    averagePriceCents: p.averagePrice,
    priceDate: p.priceDate,
    priceSource: p.priceSource,
    lppCode: p.lppCode,
    reimbursementBaseCents: p.reimbursementBase,
    priceCeilingCents: p.priceCeiling,
    dimensions: p.dimensions,
    features: p.features,
    activities: p.activities,
    rooms: p.rooms,
    distributorIds: p.distributors,
  };
  return (
    <Page title={product ? p.titleEdit(product.name) : p.titleNew}>
      {!product && (
        <p>
          <Link to="/catalogue/produits/import">{t.productImport.link}</Link>
        </p>
      )}
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <fieldset>
          <legend>{p.identity}</legend>
          <SelectField
            form={form}
            name="kind"
            label={p.kind}
            options={productKinds.map((k) => ({ value: k, label: t.kinds[k] }))}
          />
          <TextField form={form} name="name" label={p.name} required maxLength={200} />
          <TextField form={form} name="manufacturer" label={p.manufacturer} maxLength={200} />
          <TextAreaField form={form} name="description" label={p.description} rows={4} />
        </fieldset>
        <fieldset>
          <legend>{p.iso}</legend>
          <TextField form={form} name="primaryIsoCode" label={p.primaryIso} hint={p.primaryIsoHint} required />
          <TextField form={form} name="secondaryIsoCodes" label={p.secondaryIso} hint={p.secondaryIsoHint} />
          <TextField form={form} name="isoEdition" label={p.isoEdition} inputMode="numeric" maxLength={4} />
        </fieldset>
        <fieldset>
          <legend>{p.price}</legend>
          <TextField form={form} name="averagePriceCents" label={p.averagePrice} />
          <TextField form={form} name="priceDate" label={p.priceDate} type="date" />
          <TextField form={form} name="priceSource" label={p.priceSource} hint={p.priceSourceHint} />
          <TextField form={form} name="lppCode" label={p.lppCode} hint={p.lppCodeHint} inputMode="numeric" />
          <TextField form={form} name="reimbursementBaseCents" label={p.reimbursementBase} />
          <TextField form={form} name="priceCeilingCents" label={p.priceCeiling} />
        </fieldset>
        <fieldset>
          <legend>{p.technical}</legend>
          <TextField form={form} name="dimensions" label={p.dimensions} />
          <TextAreaField form={form} name="features" label={p.features} hint={p.featuresHint} rows={4} />
        </fieldset>
        <CheckboxGroupField
          form={form}
          name="activities"
          label={p.activities}
          options={activityCodes.map((code) => ({ value: code, label: t.activities[code] }))}
        />
        <CheckboxGroupField
          form={form}
          name="rooms"
          label={p.rooms}
          options={roomCodes.map((code) => ({ value: code, label: t.rooms[code] }))}
        />
        {distributors.state.status === 'ready' && (
          <CheckboxGroupField
            form={form}
            name="distributorIds"
            label={p.distributors}
            options={distributors.state.data.items.map((d) => ({
              value: d.id,
              label: d.isLocal ? `${d.name} (${p.local})` : d.name,
            }))}
          />
        )}
        <SubmitButton submitting={form.submitting}>{messages.app.save}</SubmitButton>
      </form>
    </Page>
  );
}
