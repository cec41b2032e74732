import { createBrowserRouter } from 'react-router';
import { SignInPage } from '#src/modules/platform/ui/sign-in-page.tsx';
import { InvitationPage } from '#src/modules/platform/ui/invitation-page.tsx';
import { OrganizationsPage } from '#src/modules/platform/ui/organizations-page.tsx';
import { UsersPage } from '#src/modules/platform/ui/users-page.tsx';
import { AuditPage } from '#src/modules/platform/ui/audit-page.tsx';
import { PasswordResetPage } from '#src/modules/platform/ui/password-reset-page.tsx';
import { PasswordResetRequestPage } from '#src/modules/platform/ui/password-reset-request-page.tsx';
import { TwoFactorPage } from '#src/modules/platform/ui/two-factor-page.tsx';
import { PersonPage } from '#src/modules/people/ui/person-page.tsx';
import { PersonSearchPage } from '#src/modules/people/ui/person-search-page.tsx';
import { ErrorPage, NotFoundPage } from '#src/app/ui/error-pages.tsx';
import { HomePage } from '#src/app/ui/home-page.tsx';
import { Shell } from '#src/app/ui/shell.tsx';
import { useSession } from '#src/app/ui/session.tsx';

/** The set-up page changes the session; the shell reloads it so permissions follow at once. */
function TwoFactorRoute() {
  const { me, refresh } = useSession();
  return <TwoFactorPage me={me} onSessionChanged={refresh} />;
}

export const router = createBrowserRouter([
  { path: '/connexion', element: <SignInPage />, errorElement: <ErrorPage /> },
  { path: '/invitation/:token', element: <InvitationPage />, errorElement: <ErrorPage /> },
  { path: '/mot-de-passe-oublie', element: <PasswordResetRequestPage />, errorElement: <ErrorPage /> },
  { path: '/reinitialiser-mot-de-passe', element: <PasswordResetPage />, errorElement: <ErrorPage /> },
  {
    element: <Shell />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'personnes', element: <PersonSearchPage /> },
      { path: 'personnes/:id', element: <PersonPage /> },
      { path: 'admin/organisations', element: <OrganizationsPage /> },
      { path: 'admin/utilisateurs', element: <UsersPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'securite/double-authentification', element: <TwoFactorRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
