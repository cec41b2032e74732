import type { ReactNode } from 'react';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import type { Loadable } from '#src/shared/ui/use-api.ts';

/**
 * A page that needs records before it can show its form: the title alone while they load, the API's
 * message when one fails (a record out of reach answers 404 like a missing one), the content once all are in.
 */
export function LoadedPage({
  title,
  states,
  children,
}: {
  title: string;
  states: Loadable<unknown>[];
  children: () => ReactNode;
}) {
  const failed = states.find((s) => s.status === 'error');
  if (failed?.status === 'error')
    return (
      <Page title={title}>
        <Alert kind="error">{failed.error.message}</Alert>
      </Page>
    );
  if (states.some((s) => s.status !== 'ready')) return <Page title={title} />;
  return <Page title={title}>{children()}</Page>;
}
