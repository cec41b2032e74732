import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PersonSummary } from '#src/modules/people/api/person.schema.ts';
import { PersonList } from '#src/modules/people/ui/person-list.tsx';

export function PersonSearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const { state: result } = useApi<{ items: PersonSummary[] }>(
    q.length >= 2 ? `/api/people/search?${new URLSearchParams({ q, limit: '50' })}` : null,
  );
  return (
    <Page title={messages.people.searchLabel} lead={q ? `« ${q} »` : messages.people.searchHint}>
      <p className="person-links">
        <Link to="/personnes/nouvelle" className="button button--primary">
          {messages.people.ui.newPerson}
        </Link>
        <a href="/api/people/export.csv" download>
          {messages.people.ui.exportCsv}
        </a>
      </p>
      {q.length >= 2 && result.status === 'error' && <Alert kind="error">{result.error.message}</Alert>}
      {q.length >= 2 && result.status === 'ready' && (
        <>
          <p role="status">{messages.people.searchResults(result.data.items.length)}</p>
          <PersonList items={result.data.items} />
        </>
      )}
      {q.length >= 2 && result.status === 'loading' && <p role="status">{messages.app.loading}</p>}
    </Page>
  );
}
