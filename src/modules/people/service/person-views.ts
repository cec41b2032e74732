import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import type { PersonSummary } from '#src/modules/people/api/person.schema.ts';
import { ageOn, personScopeOf } from '#src/modules/people/domain/visibility.ts';
import {
  findVisiblePerson,
  listCaseload,
  searchVisiblePersons,
  type PersonRow,
} from '#src/modules/people/repo/persons.repo.ts';

const toSummary = (row: PersonRow, today: Date): PersonSummary => ({
  id: row.id,
  firstName: row.firstName,
  lastName: row.lastName,
  birthDate: row.birthDate,
  age: row.birthDate ? ageOn(row.birthDate, today) : null,
  communeInsee: row.communeInsee,
});

export async function searchPersons(
  db: Db,
  actor: Actor,
  input: { q: string; limit: number },
): Promise<PersonSummary[]> {
  const rows = await searchVisiblePersons(db, personScopeOf(actor), input.q, input.limit);
  const today = new Date();
  return rows.map((r) => toSummary(r, today));
}

export async function getCaseload(db: Db, actor: Actor, limit: number): Promise<PersonSummary[]> {
  const rows = await listCaseload(db, personScopeOf(actor), limit);
  const today = new Date();
  return rows.map((r) => toSummary(r, today));
}

/** Opening a person's file is itself audited, in the same transaction as the read. */
export async function getPersonFile(db: Db, actor: Actor, id: string, requestId: string): Promise<PersonSummary> {
  return db.transaction(async (tx) => {
    const row = await findVisiblePerson(tx, personScopeOf(actor), id);
    if (!row) throw notFound();
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'person.read',
      entityType: 'person',
      entityId: id,
      personId: id,
      requestId,
    });
    return toSummary(row, new Date());
  });
}
