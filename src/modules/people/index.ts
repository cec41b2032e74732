import type { Router } from '#src/shared/http/route.ts';
import { mountPersonRoutes } from '#src/modules/people/api/persons.route.ts';

/**
 * Persons, their files and the row-level rule for them (the case team).
 *
 * Contracts for other modules (all scoped to the actor's workspace; a file the actor may not see
 * behaves as missing):
 * - `findPersonForActor(db, actor, personId)`: the summary of a file the actor may open, or null.
 * - `createPersonForActor(tx, actor, input, { allowDuplicate, requestId })`: creates a file in the
 *   caller's transaction (creator's organisation owns it, creator joins the case team); throws
 *   409 `conflict` with `details.candidates` on a possible duplicate unless `allowDuplicate`.
 *   `input` is validated with `personCreateSchema` (French field errors).
 * - `addCaseTeamMemberForActor(tx, actor, { personId, userId, organizationId, roleLabel, consentId?, requestId })`:
 *   adds a member in the caller's transaction; another organisation than the owning one needs the
 *   person's active sharing consent (the latest is used when none is named), else a field error.
 * - `isOnCaseTeam(db, workspaceId, personId, userId)`: active membership of the case team.
 * - `personScopeOf(actor)`: who may open which files, for modules sharing the case-team rule.
 * - `findDuplicatesForActor(db, actor, { firstName, lastName, birthDate })`: possible duplicates.
 * - `recordGirForActor(tx, actor, { personId, gir, assessedOn, source, requestId })`: writes the GIR, its
 *   date and source on the file in the caller's transaction (audited), unless the file holds a more
 *   recent GIR; needs `person.read_sensitive` (404 otherwise, as for a hidden file).
 */
export { findPersonForActor, getPersonFile } from '#src/modules/people/service/person-views.ts';
export { createPersonForActor, findDuplicatesForActor } from '#src/modules/people/service/create-person.ts';
export { recordGirForActor } from '#src/modules/people/service/update-person.ts';
/** `girOnFileForActor(db, actor, personId)`: the GIR on a visible file for threshold checks, or null. */
export { girOnFileForActor } from '#src/modules/people/service/gir-on-file.ts';
export { AGGIR_GRID_SOURCE } from '#src/modules/people/domain/person-file.ts';
export { addCaseTeamMemberForActor, isOnCaseTeam } from '#src/modules/people/service/case-team.ts';
export { ageOn, personScopeOf, type PersonScope } from '#src/modules/people/domain/visibility.ts';
export {
  personCreateSchema,
  type PersonSummary,
  type PersonCreateInput,
  type DuplicateCandidate,
} from '#src/modules/people/api/person.schema.ts';
/** The case-team rule as SQL, for modules whose rows hang on a person (pathways lists, boards, exports). */
export { activeCaseTeamUserIds, caseTeamIncludes } from '#src/modules/people/repo/persons.repo.ts';
/** Seed factories write rows directly (demo data, tests, benchmarks). */
export { insertPerson } from '#src/modules/people/repo/persons.repo.ts';
export { addCaseTeamMember } from '#src/modules/people/repo/case-team.repo.ts';

export function createPeopleRoutes(router: Router) {
  mountPersonRoutes(router);
}
