import type { Db } from '#src/shared/db/client.ts';
import { workspaces } from '#src/modules/platform/db/schema.ts';

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).limit(1);
  return row !== undefined;
}
