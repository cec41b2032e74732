import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import { createBrowserRouter } from 'react-router';
import { SignInPage } from '#src/modules/platform/ui/sign-in-page.tsx';
import { CommuneField } from '#src/modules/platform/ui/commune-field.tsx';
import { personPages } from '#src/modules/people/ui/routes.tsx';
import { referralPages } from '#src/modules/referrals/ui/routes.tsx';
import { pathwayPages } from '#src/modules/pathways/ui/routes.tsx';
import { caseReviewPages } from '#src/modules/case-reviews/ui/routes.tsx';
import { notificationPages } from '#src/modules/notifications/ui/routes.tsx';
import { observatoryPages } from '#src/modules/observatory/ui/routes.tsx';
import { assessmentPages } from '#src/modules/assessments/ui/routes.tsx';
import { formPages } from '#src/modules/forms/ui/routes.tsx';
import { housingPages } from '#src/modules/housing/ui/routes.tsx';
import { residencesPages } from '#src/modules/residences/ui/routes.tsx';
import { applicationsPages } from '#src/modules/applications/ui/routes.tsx';
import { offersPages } from '#src/modules/offers/ui/routes.tsx';
import { cataloguePages } from '#src/modules/catalogue/ui/routes.tsx';
import { trialsPages } from '#src/modules/trials/ui/routes.tsx';
import { recommendationsPages } from '#src/modules/recommendations/ui/routes.tsx';
import { fundingPages } from '#src/modules/funding/ui/routes.tsx';
import { ErrorPage, NotFoundPage } from '#src/app/ui/error-pages.tsx';
import { HomePage } from '#src/app/ui/home-page.tsx';
import { Shell } from '#src/app/ui/shell.tsx';
import { useSession } from '#src/app/ui/session.tsx';

/** The set-up page changes the session; the shell reloads it so permissions follow at once. */
const TwoFactorRoute = lazy(async () => {
  const { TwoFactorPage } = await import('#src/modules/platform/ui/two-factor-page.tsx');
  return {
    default: function TwoFactorRoute() {
      const { me, refresh } = useSession();
      return <TwoFactorPage me={me} onSessionChanged={refresh} />;
    },
  };
});

// Pages most users rarely open load on demand, keeping the first download small for old machines.
const InvitationPage = lazy(() =>
  import('#src/modules/platform/ui/invitation-page.tsx').then((m) => ({ default: m.InvitationPage })),
);
const OrganizationsPage = lazy(() =>
  import('#src/modules/platform/ui/organizations-page.tsx').then((m) => ({ default: m.OrganizationsPage })),
);
const UsersPage = lazy(() => import('#src/modules/platform/ui/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('#src/modules/platform/ui/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const PasswordResetPage = lazy(() =>
  import('#src/modules/platform/ui/password-reset-page.tsx').then((m) => ({ default: m.PasswordResetPage })),
);
const OfflinePage = lazy(() => import('#src/app/ui/offline-page.tsx').then((m) => ({ default: m.OfflinePage })));
const PasswordResetRequestPage = lazy(() =>
  import('#src/modules/platform/ui/password-reset-request-page.tsx').then((m) => ({
    default: m.PasswordResetRequestPage,
  })),
);

export const router = createBrowserRouter([
  { path: '/connexion', element: <SignInPage />, errorElement: <ErrorPage /> },
  { path: '/invitation/:token', element: onDemand(<InvitationPage />), errorElement: <ErrorPage /> },
  { path: '/mot-de-passe-oublie', element: onDemand(<PasswordResetRequestPage />), errorElement: <ErrorPage /> },
  { path: '/reinitialiser-mot-de-passe', element: onDemand(<PasswordResetPage />), errorElement: <ErrorPage /> },
  {
    element: <Shell />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      ...personPages({ CommuneField }),
      ...referralPages({ CommuneField }),
      ...pathwayPages,
      ...caseReviewPages,
      ...notificationPages,
      ...observatoryPages,
      ...assessmentPages,
      ...formPages,
      ...housingPages({ CommuneField }),
      ...residencesPages({ CommuneField }),
      ...applicationsPages,
      ...offersPages,
      ...cataloguePages,
      ...trialsPages,
      ...recommendationsPages,
      ...fundingPages,
      { path: 'hors-ligne', element: onDemand(<OfflinePage />) },
      { path: 'admin/organisations', element: onDemand(<OrganizationsPage />) },
      { path: 'admin/utilisateurs', element: onDemand(<UsersPage />) },
      { path: 'admin/audit', element: onDemand(<AuditPage />) },
      { path: 'securite/double-authentification', element: onDemand(<TwoFactorRoute />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
