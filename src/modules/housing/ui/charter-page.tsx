import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Charter } from '#src/modules/housing/api/housing.schema.ts';

const t = messages.housing;

/** The charter's commitments and, per landlord, the latest yearly value of each commitment it took. */
export function CharterPage() {
  const { state } = useApi<Charter>('/api/housing/charter');
  if (state.status === 'loading') return <Page title={t.charter.title} />;
  if (state.status === 'error')
    return (
      <Page title={t.charter.title}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const charter = state.data.charter;
  if (!charter)
    return (
      <Page title={t.charter.title}>
        <p>{t.charter.none}</p>
      </Page>
    );
  const year = Math.max(0, ...charter.landlords.flatMap((l) => l.reviews.map((r) => r.year)));
  return (
    <Page
      title={charter.title}
      lead={t.charter.version(charter.version, charter.adoptedOn ? formatDate(charter.adoptedOn) : '—')}
    >
      <h2>{t.charter.commitments}</h2>
      <ol>
        {charter.commitments.map((c) => (
          <li key={c.id}>
            <strong>{c.label}</strong> — {c.indicator}
            {c.target ? ` (${t.columns.target.toLowerCase()} : ${c.target})` : ''}
          </li>
        ))}
      </ol>
      <h2>{t.charter.followUp}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.charter.caption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.landlord}</th>
              <th scope="col">{t.columns.signedOn}</th>
              {charter.commitments.map((c) => (
                <th scope="col" key={c.id}>
                  {c.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {charter.landlords.map((l) => (
              <tr key={l.organizationId}>
                <th scope="row">
                  <Link to={`/bailleurs/${l.organizationId}`}>{l.name}</Link>
                </th>
                <td>{l.signedOn ? formatDate(l.signedOn) : t.landlords.notSigned}</td>
                {charter.commitments.map((c) => {
                  const review = l.reviews.find((r) => r.commitmentId === c.id && r.year === year);
                  const taken = l.commitmentCodes.includes(c.code);
                  return <td key={c.id}>{!taken ? t.charter.notTaken : (review?.value ?? t.landlords.noReview)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
