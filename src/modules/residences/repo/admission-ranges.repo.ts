import { eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { residences } from '#src/modules/residences/db/schema.ts';

/** A residence's admission GIR range, as the matching of housing applications reads it. */
export type ResidenceAdmission = { name: string; communeInsee: string; girMin: number; girMax: number };

/** The GIR range of every residence of the workspace (the manager's settings, not legal constants). */
export async function residenceAdmissionRanges(db: Db, workspaceId: string): Promise<ResidenceAdmission[]> {
  return db
    .select({
      name: residences.name,
      communeInsee: residences.communeInsee,
      girMin: residences.girMin,
      girMax: residences.girMax,
    })
    .from(residences)
    .where(eq(residences.workspaceId, workspaceId));
}
