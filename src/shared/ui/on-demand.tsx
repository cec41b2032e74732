import { Suspense, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';

/** Wraps a lazily loaded page: pages load on first visit, which keeps the first download small for old machines. */
export const onDemand = (element: ReactNode) => (
  <Suspense fallback={<p role="status">{messages.app.loading}</p>}>{element}</Suspense>
);
