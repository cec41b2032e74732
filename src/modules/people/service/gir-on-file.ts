import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { findVisiblePersonRecord } from '#src/modules/people/repo/persons.repo.ts';

/**
 * The GIR on a file the actor may open, for rules that compare it with a threshold (admission to a
 * résidence autonomie); null when unknown or the file is hidden. The caller decides what it may
 * show: the value itself stays behind `person.read_sensitive`.
 */
export async function girOnFileForActor(db: Db, actor: Actor, personId: string): Promise<number | null> {
  const record = await findVisiblePersonRecord(db, personScopeOf(actor), personId);
  return record?.gir ?? null;
}
