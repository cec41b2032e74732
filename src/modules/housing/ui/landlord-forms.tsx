import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { Alert } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { offerKinds, type LandlordDetail } from '#src/modules/housing/api/housing.schema.ts';
import { options } from '#src/modules/housing/ui/display.ts';
import { LoadedPage } from '#src/modules/housing/ui/loaded-page.tsx';
import { formValuesOf } from '#src/modules/housing/ui/measure-form.ts';

const t = messages.housing;
const f = t.fields;

const profileKinds = {
  numbers: [],
  tris: [],
  texts: ['tradeName', 'legalCategory', 'groupName', 'offerKinds', 'adaptationPolicy'],
} as const;
type ProfileValues = Record<(typeof profileKinds.texts)[number], string>;
const profileLabels: Record<keyof ProfileValues, string> = {
  tradeName: f.tradeName,
  legalCategory: f.legalCategory,
  groupName: f.groupName,
  offerKinds: f.offerKinds,
  adaptationPolicy: f.adaptationPolicy,
};

/** The landlord's own description (`/bailleurs/:id/profil`); its senior referent is one of its contacts. */
export function ProfileFormPage() {
  const { id } = useParams();
  const { state } = useApi<LandlordDetail>(`/api/housing/landlords/${id}`);
  const title = t.form.editProfile(state.status === 'ready' ? state.data.name : '…');
  return (
    <LoadedPage title={title} states={[state]}>
      {() => state.status === 'ready' && <ProfileForm landlord={state.data} />}
    </LoadedPage>
  );
}

function ProfileForm({ landlord }: { landlord: LandlordDetail }) {
  const navigate = useNavigate();
  const back = `/bailleurs/${landlord.id}`;
  const form = useForm<ProfileValues>({
    initial: formValuesOf<ProfileValues>(landlord.profile, profileKinds),
    submit: async (values) => {
      const body = { ...values, offerKinds: values.offerKinds.split(',').filter(Boolean) };
      await api(`/api/housing/landlords/${landlord.id}/profile`, { method: 'PUT', body });
      await navigate(back);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form">
      <ErrorSummary form={form} labels={profileLabels} />
      <TextField form={form} name="tradeName" label={f.tradeName} maxLength={120} />
      <SelectField
        form={form}
        name="legalCategory"
        label={f.legalCategory}
        options={options(t.legalCategories, f.unknown)}
      />
      <TextField form={form} name="groupName" label={f.groupName} maxLength={120} />
      <CheckboxGroupField
        form={form}
        name="offerKinds"
        label={f.offerKinds}
        options={offerKinds.map((k) => ({ value: k, label: t.programmeKinds[k] }))}
      />
      <TextAreaField form={form} name="adaptationPolicy" label={f.adaptationPolicy} maxLength={1000} rows={4} />
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.form.save}</SubmitButton>
        <Link to={back}>{t.form.cancel}</Link>
      </p>
    </form>
  );
}

type ContactValues = { role: string; name: string; email: string; phone: string };
const contactLabels: Record<keyof ContactValues, string> = {
  role: f.role,
  name: f.contactName,
  email: f.email,
  phone: f.phone,
};

/**
 * Adds a contact to a landlord (`/bailleurs/:id/contacts/nouveau`, `?role=` preselects a role) or changes or
 * removes one (`/bailleurs/:id/contacts/:contactId`).
 */
export function ContactFormPage() {
  const { id, contactId } = useParams();
  const { state } = useApi<LandlordDetail>(`/api/housing/landlords/${id}`);
  const landlord = state.status === 'ready' ? state.data : null;
  const contact = contactId ? (landlord?.contacts.find((c) => c.id === contactId) ?? null) : null;
  const title = contactId ? t.form.editContact(contact?.name ?? '…') : t.form.newContact;
  const missing = landlord && contactId && !contact;
  return (
    <LoadedPage
      title={title}
      states={[
        missing
          ? { status: 'error' as const, error: new ApiError(404, 'not_found', messages.errors.not_found) }
          : state,
      ]}
    >
      {() => <ContactForm landlord={landlord!} contact={contact} />}
    </LoadedPage>
  );
}

function ContactForm({
  landlord,
  contact,
}: {
  landlord: LandlordDetail;
  contact: LandlordDetail['contacts'][number] | null;
}) {
  const navigate = useNavigate();
  const back = `/bailleurs/${landlord.id}`;
  const presetRole = useSearchParams()[0].get('role') ?? '';
  const form = useForm<ContactValues>({
    initial: {
      role: contact?.role ?? (presetRole in t.contactRoles ? presetRole : ''),
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
    },
    submit: async (values) => {
      const contacts = `/api/housing/landlords/${landlord.id}/contacts`;
      if (contact) await api(`${contacts}/${contact.id}`, { method: 'PUT', body: values });
      else await api(contacts, { body: values });
      await navigate(back);
    },
  });
  return (
    <>
      <form onSubmit={form.onSubmit} noValidate className="housing-form">
        <ErrorSummary form={form} labels={contactLabels} />
        <SelectField
          form={form}
          name="role"
          label={f.role}
          required
          options={[{ value: '', label: '—' }, ...options(t.contactRoles)]}
        />
        <TextField form={form} name="name" label={f.contactName} required maxLength={120} autoComplete="off" />
        <TextField form={form} name="email" label={f.email} type="email" autoComplete="off" />
        <TextField form={form} name="phone" label={f.phone} type="tel" maxLength={30} autoComplete="off" />
        <p className="actions">
          <SubmitButton submitting={form.submitting}>{t.form.save}</SubmitButton>
          <Link to={back}>{t.form.cancel}</Link>
        </p>
      </form>
      {contact && <RemoveContact landlordId={landlord.id} contact={contact} />}
    </>
  );
}

/** Removing asks once more on the spot, so a stray Enter does not delete a contact. */
function RemoveContact({ landlordId, contact }: { landlordId: string; contact: { id: string; name: string } }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    api(`/api/housing/landlords/${landlordId}/contacts/${contact.id}`, { method: 'DELETE' })
      .then(() => navigate(`/bailleurs/${landlordId}`))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : messages.errors.internal));
  };
  return (
    <section className="housing-danger" aria-labelledby="housing-remove-contact">
      <h2 id="housing-remove-contact">{t.form.removeContact}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {confirming ? (
        <p className="actions">
          <button type="button" className="button button--danger" onClick={remove} autoFocus>
            {t.form.confirmRemoveContact(contact.name)}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t.form.keepContact}
          </button>
        </p>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t.form.removeContact}
        </button>
      )}
    </section>
  );
}
