import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import type { RouteObject } from 'react-router';

const PathwaysPage = lazy(() =>
  import('#src/modules/pathways/ui/pathways-page.tsx').then((m) => ({ default: m.PathwaysPage })),
);
const PathwayNewPage = lazy(() =>
  import('#src/modules/pathways/ui/pathway-new-page.tsx').then((m) => ({ default: m.PathwayNewPage })),
);
const PathwayPage = lazy(() =>
  import('#src/modules/pathways/ui/pathway-page.tsx').then((m) => ({ default: m.PathwayPage })),
);
const TasksPage = lazy(() => import('#src/modules/pathways/ui/tasks-page.tsx').then((m) => ({ default: m.TasksPage })));
const StagesAdminPage = lazy(() =>
  import('#src/modules/pathways/ui/stages-admin-page.tsx').then((m) => ({ default: m.StagesAdminPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const pathwayPages: RouteObject[] = [
  { path: 'parcours', element: onDemand(<PathwaysPage />) },
  { path: 'parcours/nouveau', element: onDemand(<PathwayNewPage />) },
  { path: 'parcours/:id', element: onDemand(<PathwayPage />) },
  { path: 'taches', element: onDemand(<TasksPage />) },
  { path: 'admin/etapes-parcours', element: onDemand(<StagesAdminPage />) },
];
