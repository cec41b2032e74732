import { messages } from '#src/shared/i18n/fr.ts';
import { Alert } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const u = messages.pathways.ui;

/** The part of the people module's case-team answer this page shows (read by URL, not by import). */
type CaseTeam = {
  items: { id: string; user: { name: string }; organization: { name: string }; roleLabel: string | null }[];
};

/** The person's case team, read-only here: it is managed from the person's file, with their consent. */
export function TeamPanel({ personId }: { personId: string }) {
  const { state } = useApi<CaseTeam>(`/api/people/${personId}/case-team`);
  return (
    <section className="panel" aria-labelledby="pathway-team">
      <h2 id="pathway-team">{u.teamTitle}</h2>
      <p>{u.teamLead}</p>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{u.teamEmpty}</p>
        ) : (
          <ul>
            {state.data.items.map((m) => (
              <li key={m.id}>
                {m.user.name} — {m.organization.name}
                {m.roleLabel && ` (${m.roleLabel})`}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
