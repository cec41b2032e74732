import type { OfflineResources } from '#src/shared/offline/prepare.ts';

/** What a person's file page reads, kept on the device for a visit without network. */
export const keepPersonFile: OfflineResources = async (personId, keep) => {
  const file = await keep<{ canWrite: boolean }>(`/api/people/${personId}`);
  await keep(`/api/people/${personId}/case-team`);
  if (file.canWrite) await keep('/api/people/landlords', { shared: true });
};
