import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Page } from '#src/shared/ui/page.tsx';
import { CaseloadSection } from '#src/modules/people/ui/caseload-section.tsx';
import { visibleNavigation } from '#src/app/ui/navigation.ts';
import { useSession } from '#src/app/ui/session.tsx';

/** One home page, composed per role: each section appears for the roles it serves. */
export function HomePage() {
  const { me, can } = useSession();
  const roles = [...new Set(me.memberships.map((m) => m.role))];
  const shortcuts = visibleNavigation(can)
    .flatMap((s) => s.items)
    .filter((i) => i.to !== '/');
  return (
    <Page title={messages.home.title(me.user.name)}>
      <section aria-labelledby="roles-title" className="panel">
        <h2 id="roles-title">{messages.home.organizations}</h2>
        <ul className="role-list">
          {me.memberships.map((m) => (
            <li key={`${m.organizationId}-${m.role}`}>
              <strong>{messages.roles[m.role] ?? m.role}</strong> — {m.organizationName}
              <p>{messages.home.roleIntro[m.role]}</p>
            </li>
          ))}
        </ul>
      </section>
      {roles.some((r) => r !== 'admin') && can('person.read') && <CaseloadSection />}
      {shortcuts.length > 0 && (
        <section aria-labelledby="shortcuts-title" className="panel">
          <h2 id="shortcuts-title">{messages.home.quickLinks}</h2>
          <ul className="shortcut-list">
            {shortcuts.map((s) => (
              <li key={s.to}>
                <Link to={s.to}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
