import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';

const CaseReviewsPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-reviews-page.tsx').then((m) => ({ default: m.CaseReviewsPage })),
);
const CaseReviewFormPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-review-form-page.tsx').then((m) => ({ default: m.CaseReviewFormPage })),
);
const CaseReviewPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-review-page.tsx').then((m) => ({ default: m.CaseReviewPage })),
);

const onDemand = (element: ReactNode) => (
  <Suspense fallback={<p role="status">{messages.app.loading}</p>}>{element}</Suspense>
);

/** The pages of this module, mounted inside the signed-in shell. */
export const caseReviewPages: RouteObject[] = [
  { path: 'syntheses', element: onDemand(<CaseReviewsPage />) },
  { path: 'syntheses/nouvelle', element: onDemand(<CaseReviewFormPage />) },
  { path: 'syntheses/:id', element: onDemand(<CaseReviewPage />) },
];
