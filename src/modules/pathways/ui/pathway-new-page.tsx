import { useNavigate, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { ReferentChoice } from '#src/modules/pathways/api/pathway.schema.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';

const t = messages.pathways;
const u = t.ui;

/** The part of the person file this page shows (read by URL from the people module). */
type PersonHeader = { firstName: string; lastName: string };

/** `/parcours/nouveau?personne=<id>`: opens a pathway for a person, with its channel and referent. */
export function PathwayNewPage() {
  const [params] = useSearchParams();
  const personId = params.get('personne');
  const person = useApi<PersonHeader>(personId ? `/api/people/${personId}` : null).state;
  const referents = useApi<{ items: ReferentChoice[] }>('/api/pathway-referents').state;
  if (!personId)
    return (
      <Page title={u.newTitle}>
        <Alert kind="info">{u.newNoPerson}</Alert>
      </Page>
    );
  if (person.status === 'loading' || referents.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  const failed = person.status === 'error' ? person.error : referents.status === 'error' ? referents.error : null;
  if (failed || person.status !== 'ready' || referents.status !== 'ready')
    return (
      <Page title={u.newTitle}>
        <Alert kind="error">{failed?.message}</Alert>
      </Page>
    );
  return (
    <Page title={u.newTitle} lead={u.newLead(`${person.data.firstName} ${person.data.lastName}`)}>
      <NewPathwayForm personId={personId} choices={referents.data.items} />
    </Page>
  );
}

function NewPathwayForm({ personId, choices }: { personId: string; choices: ReferentChoice[] }) {
  const navigate = useNavigate();
  const organizations = [...new Map(choices.map((c) => [c.organizationId, c.organizationName])).entries()];
  const form = useForm({
    initial: { owningOrganizationId: organizations[0]?.[0] ?? '', referentUserId: '', channel: '' },
    submit: async (values) => {
      const { id } = await api<{ id: string }>('/api/pathways', { body: { personId, ...values } });
      await navigate(`/parcours/${id}`);
    },
  });
  const referents = [...new Map(choices.map((c) => [c.userId, c.name])).entries()];
  const labels = { owningOrganizationId: u.owningOrganization, referentUserId: u.referent, channel: u.channel };
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        form={form}
        name="owningOrganizationId"
        label={labels.owningOrganizationId}
        required
        options={organizations.map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        form={form}
        name="referentUserId"
        label={labels.referentUserId}
        required
        options={[{ value: '', label: u.choose }, ...referents.map(([value, label]) => ({ value, label }))]}
      />
      <SelectField
        form={form}
        name="channel"
        label={labels.channel}
        required
        options={[
          { value: '', label: u.choose },
          ...entryChannels.map((c) => ({ value: c, label: messages.entryChannels[c] ?? c })),
        ]}
      />
      <SubmitButton submitting={form.submitting}>{u.open}</SubmitButton>
    </form>
  );
}
