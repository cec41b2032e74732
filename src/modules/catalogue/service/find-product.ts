import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { productSummaries, type ProductSummary } from '#src/modules/catalogue/repo/summaries.repo.ts';

/**
 * The summary of a product of the actor's workspace; throws 404 when it does not exist there. The catalogue
 * is shared by the whole workspace, so there is no finer row rule.
 */
export async function findProductForActor(db: Db, actor: Actor, productId: string): Promise<ProductSummary> {
  const [summary] = await productSummaries(db, actor.workspaceId, [productId]);
  if (!summary) throw notFound();
  return summary;
}
