import type { Router } from '#src/shared/http/route.ts';
import { mountFormRoutes } from '#src/modules/forms/api/forms.route.ts';
import { mountFormSearchRoutes } from '#src/modules/forms/api/search.route.ts';
import { mountAttachmentRoutes } from '#src/modules/forms/api/attachments.route.ts';
import { mountXlsformRoutes } from '#src/modules/forms/api/xlsform.route.ts';
import { mountResponsePdfRoutes } from '#src/modules/forms/api/response-pdf.route.ts';

/**
 * Configurable forms: versioned templates, responses attached to a person, the shipped grids.
 *
 * Contracts for other modules:
 * - `checkResponse(compiled, answers, { today, submitting })` and `compileDefinition(definition)`: the pure
 *   engine (relevance, constraints, calculations, repeat groups), for importers and the offline client.
 * - `parseExpression(source)`: the XLSForm expression subset; throws `ExpressionError` with a French message.
 * - `isAttachmentUpload(method, path)`: the attachment upload route, which enforces its own per-kind body limit
 *   (up to 10 MB) instead of the API-wide one.
 * - `countHomeVisitDifficulties(db, workspaceId, { from, to })`: persons by difficulty and by room recorded in the
 *   submitted home-visit responses of a period (Paris days), labelled by the latest versions; no person leaves it.
 * - `indexResponseForSearch(tx, workspaceId, responseId)`: rewrites a response's searchable text; the service
 *   calls it on every write, a seed inserting rows directly must call it too.
 */
export { compileDefinition, definitionSchema, type FormDefinition } from '#src/modules/forms/domain/definition.ts';
export { checkResponse, type Answers } from '#src/modules/forms/domain/response.ts';
export { parseExpression, ExpressionError } from '#src/modules/forms/domain/expression.ts';
export {
  countHomeVisitDifficulties,
  type HomeVisitDifficulties,
  type DifficultyTally,
} from '#src/modules/forms/service/form-indicators.ts';
export { indexResponseForSearch } from '#src/modules/forms/service/search.ts';
export { isAttachmentUpload } from '#src/modules/forms/api/attachments.route.ts';
/** Upload checks shared with other modules: the real type of uploaded bytes, and an .xlsx read as plain rows. */
export { sniffMediaType } from '#src/modules/forms/service/attachments-content.ts';
export { readWorkbook } from '#src/modules/forms/service/xlsform.ts';

export function createFormRoutes(router: Router) {
  mountFormSearchRoutes(router);
  mountFormRoutes(router);
  mountAttachmentRoutes(router);
  mountXlsformRoutes(router);
  mountResponsePdfRoutes(router);
}
