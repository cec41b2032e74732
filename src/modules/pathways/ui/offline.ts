import type { OfflineResources } from '#src/shared/offline/prepare.ts';
import { pathwaysApiPath } from '#src/modules/pathways/ui/pathways-page.tsx';

/** The person's pathways (the list reached from the file, and each open pathway with its journal). */
export const keepPersonPathways: OfflineResources = async (personId, keep) => {
  await keep(pathwaysApiPath(new URLSearchParams({ personne: personId })));
  // The list answers open pathways unless asked otherwise.
  const open = await keep<{ items: { id: string }[] }>(
    pathwaysApiPath(new URLSearchParams({ personne: personId, scope: 'team' })),
  );
  for (const pathway of open.items) await keep(`/api/pathways/${pathway.id}`);
};
