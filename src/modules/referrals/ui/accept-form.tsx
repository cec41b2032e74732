import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
  type CommuneFieldComponent,
} from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import type { Referral, TriageOptions } from '#src/modules/referrals/api/referral.schema.ts';

const t = messages.referrals;

/** The little the person search and the duplicate check answer about a file. */
type PersonChoice = { id: string; firstName: string; lastName: string; birthDate: string | null };
/** A look-alike file; `person` is null when it belongs to an organisation whose files the user may not open. */
type Candidate = { person: PersonChoice | null; organizationName: string };

const label = (p: PersonChoice) =>
  `${p.firstName} ${p.lastName}${p.birthDate ? ` (${t.birthDate.toLowerCase()} ${formatDate(p.birthDate)})` : ''}`;

function PersonSearch({ chosen, onChoose }: { chosen: string; onChoose: (p: PersonChoice) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PersonChoice[] | null>(null);
  const search = async () => {
    if (q.trim().length < 2) return;
    const found = await api<{ items: PersonChoice[] }>(`/api/people/search?${new URLSearchParams({ q: q.trim() })}`);
    setResults(found.items);
  };
  return (
    <div className="field">
      <label htmlFor="accept-person-search">{t.personSearch}</label>
      <p className="field__hint" id="accept-person-search-hint">
        {t.personSearchHint}
      </p>
      <input
        id="accept-person-search"
        type="search"
        value={q}
        aria-describedby="accept-person-search-hint"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches instead of submitting the whole acceptance.
          if (e.key === 'Enter') {
            e.preventDefault();
            void search();
          }
        }}
      />{' '}
      <button type="button" className="button" onClick={() => void search()}>
        {messages.app.search}
      </button>
      {results && (
        <fieldset className="field" aria-live="polite">
          <legend>{t.personResults}</legend>
          {results.length === 0 && <p>{t.personNoResult}</p>}
          {results.map((p) => (
            <div className="checkbox" key={p.id}>
              <input
                type="radio"
                name="accept-person"
                id={`accept-person-${p.id}`}
                checked={chosen === p.id}
                onChange={() => onChoose(p)}
              />
              <label htmlFor={`accept-person-${p.id}`}>{label(p)}</label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/**
 * Accepting into a pathway: link a file found by search, or create one from the referral's sketch;
 * when the person file finds look-alikes, they are offered before anything is created.
 */
export function AcceptForm({
  referral,
  options,
  onDecided,
  CommuneField,
}: {
  referral: Referral;
  options: TriageOptions;
  onDecided: (notice: string) => void;
  CommuneField: CommuneFieldComponent;
}) {
  const [mode, setMode] = useState<'existing' | 'new'>(referral.personId ? 'existing' : 'new');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const form = useForm({
    initial: {
      personId: referral.personId ?? '',
      firstName: referral.subject.firstName ?? '',
      lastName: referral.subject.lastName ?? '',
      birthDate: referral.subject.birthDate ?? '',
      communeInsee: referral.subject.communeInsee ?? '',
      confirmNotDuplicate: '',
      referentUserId: '',
      owningOrganizationId: options.owningOrganizations.length === 1 ? options.owningOrganizations[0]!.id : '',
      consentConfirmed: '',
    },
    submit: async (v) => {
      const person =
        mode === 'existing'
          ? { personId: v.personId }
          : {
              firstName: v.firstName,
              lastName: v.lastName,
              birthDate: v.birthDate,
              communeInsee: v.communeInsee,
              confirmNotDuplicate: v.confirmNotDuplicate === 'true',
            };
      try {
        await api<Referral>(`/api/referrals/${referral.id}/accept`, {
          body: {
            ...person,
            referentUserId: v.referentUserId,
            owningOrganizationId: v.owningOrganizationId,
            consentConfirmed: v.consentConfirmed === 'true',
          },
        });
      } catch (error) {
        const found = error instanceof ApiError ? (error.details.candidates as Candidate[] | undefined) : undefined;
        setCandidates(found ?? []);
        throw error;
      }
      onDecided(t.accepted);
    },
  });
  const choose = (p: PersonChoice) => {
    setMode('existing');
    setCandidates([]);
    setChosenName(label(p));
    form.setValue('personId', p.id);
  };
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{
          personId: t.personMode,
          firstName: t.firstName,
          lastName: t.lastName,
          birthDate: t.birthDate,
          communeInsee: t.commune,
          referentUserId: t.referent,
          owningOrganizationId: t.owningOrganization,
          consentConfirmed: t.consentConfirmed,
        }}
      />
      <fieldset className="field" id={form.idFor('personId')}>
        <legend>{t.personMode}</legend>
        {form.fieldErrors.personId && <p className="field__error">{form.fieldErrors.personId}</p>}
        <div className="checkbox">
          <input
            type="radio"
            name="accept-mode"
            id="accept-mode-existing"
            checked={mode === 'existing'}
            onChange={() => setMode('existing')}
          />
          <label htmlFor="accept-mode-existing">{t.personExisting}</label>
        </div>
        <div className="checkbox">
          <input
            type="radio"
            name="accept-mode"
            id="accept-mode-new"
            checked={mode === 'new'}
            onChange={() => setMode('new')}
          />
          <label htmlFor="accept-mode-new">{t.personNew}</label>
        </div>
      </fieldset>
      {candidates.length > 0 && (
        <div className="panel" role="group" aria-labelledby="accept-duplicates">
          <p id="accept-duplicates">{t.duplicateFound}</p>
          <ul>
            {candidates.map((c, i) =>
              c.person ? (
                <li key={c.person.id}>
                  <button type="button" className="button" onClick={() => choose(c.person!)}>
                    {t.duplicateChoose(label(c.person))}
                  </button>
                </li>
              ) : (
                <li key={`hidden-${i}`}>{t.duplicateElsewhere(c.organizationName)}</li>
              ),
            )}
          </ul>
          <CheckboxField form={form} name="confirmNotDuplicate" label={t.createAnyway} />
        </div>
      )}
      {mode === 'existing' ? (
        <>
          {chosenName && form.values.personId && <p role="status">{t.personChosen(chosenName)}</p>}
          <PersonSearch chosen={form.values.personId} onChoose={choose} />
        </>
      ) : (
        <>
          <TextField form={form} name="firstName" label={t.firstName} maxLength={100} required />
          <TextField form={form} name="lastName" label={t.lastName} maxLength={100} required />
          <TextField form={form} name="birthDate" label={t.birthDate} type="date" />
          <CommuneField form={form} name="communeInsee" label={t.commune} initialLabel={referral.subject.communeName} />
        </>
      )}
      <SelectField
        form={form}
        name="referentUserId"
        label={t.referent}
        options={[
          { value: '', label: t.chooseReferent },
          ...options.referents.map((r) => ({ value: r.userId, label: `${r.name} (${r.organizationName})` })),
        ]}
        required
      />
      <SelectField
        form={form}
        name="owningOrganizationId"
        label={t.owningOrganization}
        options={[
          { value: '', label: t.chooseOrganization },
          ...options.owningOrganizations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        required
      />
      {referral.consent !== 'agreed' && (
        <CheckboxField form={form} name="consentConfirmed" label={t.consentConfirmed} />
      )}
      <SubmitButton submitting={form.submitting}>{t.accept}</SubmitButton>
    </form>
  );
}
