import { messages } from '#src/shared/i18n/fr.ts';
import { Alert } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PersonSummary } from '#src/modules/people/api/person.schema.ts';
import { PersonList } from '#src/modules/people/ui/person-list.tsx';

export function CaseloadSection() {
  const { state: result } = useApi<{ items: PersonSummary[] }>('/api/people/caseload?limit=50');
  return (
    <section aria-labelledby="caseload-title" className="panel">
      <h2 id="caseload-title">{messages.home.caseload}</h2>
      {result.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {result.status === 'error' && <Alert kind="error">{result.error.message}</Alert>}
      {result.status === 'ready' &&
        (result.data.items.length === 0 ? (
          <p>{messages.home.caseloadEmpty}</p>
        ) : (
          <>
            <p>{messages.home.caseloadCount(result.data.items.length)}</p>
            <PersonList items={result.data.items} />
          </>
        ))}
    </section>
  );
}
