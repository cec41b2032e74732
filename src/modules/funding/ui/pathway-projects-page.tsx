import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { useCan } from '#src/shared/ui/permissions.tsx';
import { projectCreateSchema } from '#src/modules/funding/api/funding.schema.ts';

const p = messages.funding.pages;
type Projects = {
  items: { id: string; title: string; createdAt: string; quotes: number; outOfPocketCents: number | null }[];
};

/** The adaptation projects of a pathway, and a new one. */
export function PathwayProjectsPage() {
  const { pathwayId = '' } = useParams();
  const navigate = useNavigate();
  const { state } = useApi<Projects>(`/api/pathways/${pathwayId}/funding-projects`);
  const mayWrite = useCan('funding.write');
  const form = useForm({
    initial: { title: '' },
    schema: projectCreateSchema.pick({ title: true }),
    submit: async (v) => {
      const created = await api<{ id: string }>('/api/funding/projects', { body: { pathwayId, title: v.title } });
      await navigate(`/financements/projets/${created.id}`);
    },
  });
  return (
    <Page title={p.projectsTitle} lead={p.projectsIntro}>
      <p>
        <Link to={`/parcours/${pathwayId}`}>{p.backToPathway}</Link>
      </p>
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{p.noProjects}</p>
        ) : (
          <ul>
            {state.data.items.map((item) => (
              <li key={item.id}>
                <Link to={`/financements/projets/${item.id}`} aria-label={p.openProject(item.title)}>
                  {item.title}
                </Link>{' '}
                — {formatDate(item.createdAt)}
                {item.outOfPocketCents !== null
                  ? ` — ${p.outOfPocket} : ${messages.funding.euros(item.outOfPocketCents)}`
                  : ''}
              </li>
            ))}
          </ul>
        ))}
      {mayWrite && (
        <form onSubmit={form.onSubmit} noValidate aria-labelledby="funding-new-project">
          <h2 id="funding-new-project">{p.newProject}</h2>
          <ErrorSummary form={form} labels={{ title: p.projectTitle }} />
          <TextField form={form} name="title" label={p.projectTitle} required maxLength={200} />
          <SubmitButton submitting={form.submitting}>{p.createProject}</SubmitButton>
        </form>
      )}
    </Page>
  );
}
