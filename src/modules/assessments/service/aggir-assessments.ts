import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { listMemberRows } from '#src/modules/platform/index.ts';
import { AGGIR_GRID_SOURCE, findPersonForActor, recordGirForActor } from '#src/modules/people/index.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import type {
  AggirAssessment,
  AggirAssessmentInput,
  AggirContext,
  AggirCreated,
} from '#src/modules/assessments/api/assessment.schema.ts';
import { girOfRatings, ratingFields, type Ratings } from '#src/modules/assessments/domain/aggir.ts';
import {
  insertAggirAssessment,
  listAggirAssessments,
  type AggirAssessmentRow,
} from '#src/modules/assessments/repo/assessments.repo.ts';

/** The person, if the actor may open the file and read its health data; 404 otherwise, as for a missing file. */
async function assessablePerson(db: Db, actor: Actor, personId: string) {
  if (!actor.permissions.has('person.read_sensitive')) throw notFound();
  const person = await findPersonForActor(db, actor, personId);
  if (!person) throw notFound();
  return person;
}

const ratingsOf = (input: AggirAssessmentInput): Ratings =>
  Object.fromEntries(ratingFields.map((f) => [f, input[f]])) as Ratings;

function toView(row: AggirAssessmentRow, names: Map<string, string>): AggirAssessment {
  return {
    id: row.id,
    personId: row.personId,
    pathwayId: row.pathwayId,
    assessedOn: row.assessedOn,
    evaluator: { id: row.evaluatorUserId, name: names.get(row.evaluatorUserId) ?? '' },
    ratings: row.ratings as Ratings,
    gir: row.gir,
    rank: row.rank,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getAggirContext(db: Db, actor: Actor, personId: string): Promise<AggirContext> {
  const person = await assessablePerson(db, actor, personId);
  const [rows, members] = await Promise.all([
    listAggirAssessments(db, actor.workspaceId, personId),
    listMemberRows(db, actor.workspaceId),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return {
    person: { id: person.id, firstName: person.firstName, lastName: person.lastName },
    items: rows.map((r) => toView(r, names)),
  };
}

/**
 * Records a filled grid and its GIR, computed here with the same function as in the browser, and
 * writes the GIR on the person's file in the same transaction (both audited).
 */
export async function createAggirAssessment(
  db: Db,
  actor: Actor,
  personId: string,
  input: AggirAssessmentInput,
  requestId: string,
): Promise<AggirCreated> {
  return db.transaction(async (tx) => {
    await assessablePerson(tx, actor, personId);
    if (input.pathwayId) {
      const pathway = await findPathwayForActor(tx, actor, input.pathwayId);
      if (pathway?.personId !== personId) throw fieldError('pathwayId', messages.assessments.validation.pathwayUnknown);
    }
    const ratings = ratingsOf(input);
    // The schema requires every answer, so the grid is complete.
    const result = girOfRatings(ratings)!;
    const id = newId();
    await insertAggirAssessment(tx, {
      workspaceId: actor.workspaceId,
      id,
      personId,
      pathwayId: input.pathwayId,
      assessedOn: input.assessedOn,
      evaluatorUserId: actor.userId,
      ratings,
      gir: result.gir,
      rank: result.rank,
      note: input.note,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'aggir_assessment.create',
      entityType: 'aggir_assessment',
      entityId: id,
      personId,
      changedFields: ['assessedOn', 'gir', 'rank', 'ratings', ...(input.pathwayId ? ['pathwayId'] : [])],
      requestId,
    });
    const fileUpdated = await recordGirForActor(tx, actor, {
      personId,
      gir: result.gir,
      assessedOn: input.assessedOn,
      source: AGGIR_GRID_SOURCE,
      requestId,
    });
    return { id, gir: result.gir, fileUpdated };
  });
}
