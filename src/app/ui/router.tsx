import { createBrowserRouter } from 'react-router';
import { SignInPage } from '#src/modules/platform/ui/sign-in-page.tsx';
import { PersonPage } from '#src/modules/people/ui/person-page.tsx';
import { PersonSearchPage } from '#src/modules/people/ui/person-search-page.tsx';
import { ErrorPage, NotFoundPage } from '#src/app/ui/error-pages.tsx';
import { HomePage } from '#src/app/ui/home-page.tsx';
import { Shell } from '#src/app/ui/shell.tsx';

export const router = createBrowserRouter([
  { path: '/connexion', element: <SignInPage />, errorElement: <ErrorPage /> },
  {
    element: <Shell />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'personnes', element: <PersonSearchPage /> },
      { path: 'personnes/:id', element: <PersonPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
