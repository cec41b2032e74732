import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { CaseReviewList } from '#src/modules/case-reviews/api/case-review.schema.ts';

const t = messages.caseReviews;

/** The meetings the user attends or oversees, upcoming or past (the choice lives in the address). */
export function CaseReviewsPage() {
  const [params] = useSearchParams();
  const when = params.get('quand') === 'passees' ? 'past' : 'upcoming';
  const { state } = useApi<CaseReviewList>(`/api/case-reviews?when=${when}`);
  const label = when === 'past' ? t.past : t.upcoming;
  return (
    <Page title={t.listTitle} lead={t.listLead}>
      <p>
        <Link className="button" to="/syntheses/nouvelle">
          {t.newReview}
        </Link>
      </p>
      <nav aria-label={t.listTitle} className="case-review-tabs">
        <Link to="/syntheses" aria-current={when === 'upcoming' ? 'page' : undefined}>
          {t.upcoming}
        </Link>
        <Link to="/syntheses?quand=passees" aria-current={when === 'past' ? 'page' : undefined}>
          {t.past}
        </Link>
      </nav>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table>
            <caption>{t.caption(label)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.when}</th>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.place}</th>
                <th scope="col">{t.columns.organizer}</th>
                <th scope="col">{t.columns.items}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.scheduledAt)}</td>
                  <td>
                    <Link to={`/syntheses/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{r.place ?? '—'}</td>
                  <td>{r.organizerName}</td>
                  <td>{r.itemCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}
