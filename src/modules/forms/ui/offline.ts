import type { OfflineResources } from '#src/shared/offline/prepare.ts';
import type { ResponseSummary, TemplateSummary } from '#src/modules/forms/api/form.schema.ts';
import { openPathwaysPath } from '#src/modules/forms/ui/visit-choice.tsx';

/**
 * The person's forms, their drafts to continue, and every template to fill a new one (templates are
 * shared by all prepared files).
 */
export const keepPersonForms: OfflineResources = async (personId, keep) => {
  const responses = await keep<{ items: ResponseSummary[] }>(`/api/people/${personId}/form-responses`);
  const templates = await keep<{ items: TemplateSummary[] }>('/api/form-templates', { shared: true });
  await keep(openPathwaysPath(personId));
  const versions = new Set(templates.items.map((t) => t.latestVersionId));
  for (const response of responses.items) {
    await keep(`/api/form-responses/${response.id}`);
    versions.add(response.templateVersionId);
  }
  for (const version of versions) await keep(`/api/form-template-versions/${version}`, { shared: true });
};
