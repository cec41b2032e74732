import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Page } from '#src/shared/ui/page.tsx';

export function NotFoundPage() {
  return (
    <Page title={messages.errors.pageNotFound} lead={messages.errors.pageNotFoundHelp}>
      <p>
        <Link to="/">{messages.errors.backHome}</Link>
      </p>
    </Page>
  );
}

/** Shown when a page crashes: the user keeps a way home, the details go to the console. */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main id="contenu" className="app-main">
        <NotFoundPage />
      </main>
    );
  }
  return (
    <main id="contenu" className="app-main">
      <Page title={messages.errors.unexpected} lead={messages.errors.internal}>
        <p>
          <a href="/">{messages.errors.backHome}</a>
        </p>
      </Page>
    </main>
  );
}
