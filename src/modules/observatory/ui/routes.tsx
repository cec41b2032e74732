import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';

// Loaded on demand: the page brings Observable Plot, which the rest of the app does not need.
const IndicatorsPage = lazy(() =>
  import('#src/modules/observatory/ui/indicators-page.tsx').then((m) => ({ default: m.IndicatorsPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const observatoryPages: RouteObject[] = [
  {
    path: 'indicateurs',
    element: (
      <Suspense fallback={<p role="status">{messages.app.loading}</p>}>
        <IndicatorsPage />
      </Suspense>
    ),
  },
];
