import type { Router } from '#src/shared/http/route.ts';

/** Social landlords' offer: charter, programmes, buildings, units with measured accessibility. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createHousingRoutes(router: Router) {}
