import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { formatDate, Page } from '#src/shared/ui/page.tsx';
import { civilities, type DuplicateCandidate } from '#src/modules/people/api/person.schema.ts';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';

const t = messages.people.ui;
const f = t.fields;

/**
 * Creating a file. A possible duplicate stops the creation and lists the candidates; the user
 * opens one, or states it is another person and creates anyway, without retyping anything.
 */
export function PersonNewPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const navigate = useNavigate();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  // Set by the "not the same person" button for the one submission it triggers.
  const allowDuplicate = useRef(false);
  const form = useForm({
    initial: {
      civility: '',
      firstName: '',
      lastName: '',
      birthName: '',
      birthDate: '',
      phone: '',
      email: '',
      addressLine: '',
      postalCode: '',
      communeInsee: '',
    },
    submit: async (values) => {
      const body = {
        ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === '' ? null : v])),
        allowDuplicate: allowDuplicate.current,
      };
      allowDuplicate.current = false;
      try {
        const { id } = await api<{ id: string }>('/api/people', { body });
        void navigate(`/personnes/${id}`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'conflict' && Array.isArray(error.details.candidates)) {
          setCandidates(error.details.candidates as DuplicateCandidate[]);
        }
        throw error;
      }
    },
  });
  const labels = {
    civility: f.civility,
    firstName: f.firstName,
    lastName: f.lastName,
    birthName: f.birthName,
    birthDate: f.birthDate,
    phone: f.phone,
    email: f.email,
    addressLine: f.addressLine,
    postalCode: f.postalCode,
    communeInsee: f.communeInsee,
    owningOrganizationId: t.owningOrganization,
  };
  return (
    <Page title={t.newPersonTitle} lead={t.newPersonLead}>
      <form onSubmit={form.onSubmit} noValidate className="panel">
        <ErrorSummary form={form} labels={labels} />
        {candidates && candidates.length > 0 && (
          <section aria-labelledby="duplicates-title" className="person-duplicates">
            <h2 id="duplicates-title">{t.duplicateTitle}</h2>
            <p>{t.duplicateHelp}</p>
            <ul className="person-items">
              {candidates.map((c, i) =>
                c.person ? (
                  <li key={c.person.id}>
                    <strong>
                      {c.person.firstName} {c.person.lastName}
                    </strong>
                    {c.person.birthDate && ` — ${formatDate(c.person.birthDate)}`} — {c.organizationName}{' '}
                    <Link to={`/personnes/${c.person.id}`}>{t.openThisFile}</Link>
                  </li>
                ) : (
                  <li key={`hidden-${i}`}>{t.duplicateHidden(c.organizationName)}</li>
                ),
              )}
            </ul>
            <button type="submit" className="button button--secondary" onClick={() => (allowDuplicate.current = true)}>
              {t.notSamePerson}
            </button>
          </section>
        )}
        <SelectField
          form={form}
          name="civility"
          label={f.civility!}
          options={[
            { value: '', label: t.notProvided },
            ...civilities.map((c) => ({ value: c, label: messages.people.civilities[c]! })),
          ]}
        />
        <TextField form={form} name="firstName" label={f.firstName!} required autoComplete="off" maxLength={100} />
        <TextField form={form} name="lastName" label={f.lastName!} required autoComplete="off" maxLength={100} />
        <TextField form={form} name="birthName" label={f.birthName!} autoComplete="off" maxLength={100} />
        <TextField form={form} name="birthDate" label={f.birthDate!} type="date" />
        <TextField form={form} name="phone" label={f.phone!} type="tel" autoComplete="off" />
        <TextField form={form} name="email" label={f.email!} type="email" autoComplete="off" />
        <TextField form={form} name="addressLine" label={f.addressLine!} autoComplete="off" maxLength={300} />
        <TextField form={form} name="postalCode" label={f.postalCode!} inputMode="numeric" autoComplete="off" />
        <CommuneField form={form} name="communeInsee" label={f.communeInsee!} />
        <SubmitButton submitting={form.submitting} busyLabel={t.creating}>
          {t.create}
        </SubmitButton>
      </form>
    </Page>
  );
}
