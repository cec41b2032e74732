import { useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PersonSummary } from '#src/modules/people/api/person.schema.ts';

export function PersonPage() {
  const { id = '' } = useParams();
  const { state: result } = useApi<PersonSummary>(`/api/people/${encodeURIComponent(id)}`);
  if (result.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (result.status === 'error') {
    return (
      <Page title={result.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{result.error.message}</Alert>
      </Page>
    );
  }
  const p = result.data;
  return (
    <Page title={messages.people.fileTitle(`${p.firstName} ${p.lastName}`)}>
      <section aria-labelledby="identity">
        <h2 id="identity">{messages.people.identity}</h2>
        <dl className="facts">
          {p.birthDate && (
            <>
              <dt>{messages.people.born}</dt>
              <dd>
                {formatDate(p.birthDate)} {p.age !== null && `(${messages.people.age(p.age)})`}
              </dd>
            </>
          )}
          {p.communeInsee && (
            <>
              <dt>{messages.people.commune}</dt>
              <dd>{p.communeInsee}</dd>
            </>
          )}
        </dl>
      </section>
    </Page>
  );
}
