import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import type { RouteObject } from 'react-router';

const CaseReviewsPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-reviews-page.tsx').then((m) => ({ default: m.CaseReviewsPage })),
);
const CaseReviewFormPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-review-form-page.tsx').then((m) => ({ default: m.CaseReviewFormPage })),
);
const CaseReviewPage = lazy(() =>
  import('#src/modules/case-reviews/ui/case-review-page.tsx').then((m) => ({ default: m.CaseReviewPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const caseReviewPages: RouteObject[] = [
  { path: 'syntheses', element: onDemand(<CaseReviewsPage />) },
  { path: 'syntheses/nouvelle', element: onDemand(<CaseReviewFormPage />) },
  { path: 'syntheses/:id', element: onDemand(<CaseReviewPage />) },
];
