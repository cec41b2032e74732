import type { Router } from '#src/shared/http/route.ts';
import { mountPersonRoutes } from '#src/modules/people/api/persons.route.ts';

export type { PersonSummary } from '#src/modules/people/api/person.schema.ts';
export { insertPerson, addCaseTeamMember } from '#src/modules/people/repo/persons.repo.ts';

/** Persons and the row-level rule for their files. */
export function createPeopleRoutes(router: Router) {
  mountPersonRoutes(router);
}
