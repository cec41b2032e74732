import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  admitInputSchema,
  createdSchema,
  entryParamSchema,
  moveInputSchema,
  moveOutInputSchema,
  residenceIdParamSchema,
  residenceInputSchema,
  residenceListSchema,
  residenceOptionsSchema,
  residenceSchema,
  statusInputSchema,
  unitInputSchema,
  unitParamSchema,
  waitingEntryInputSchema,
} from '#src/modules/residences/api/residence.schema.ts';
import {
  addUnit,
  createResidence,
  getResidence,
  listResidencesForActor,
  recordMoveOut,
  residenceOptions,
  updateResidence,
  updateUnit,
} from '#src/modules/residences/service/residences.ts';
import {
  addWaitingEntry,
  admitWaitingEntry,
  moveWaitingEntry,
  setWaitingStatus,
} from '#src/modules/residences/service/waiting-list.ts';

const tags = ['residences'];
const ok = z.object({ ok: z.literal(true) });
const conflict = { 409: jsonResponse(errorBodySchema, 'The unit or the entry is no longer in that state') };

const list = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/residences',
  tags,
  summary: 'The résidences autonomie of the workspace with occupancy and waiting counts',
  responses: { 200: jsonResponse(residenceListSchema, 'Residences') },
});

const options = defineRoute({
  access: 'housing.manage',
  method: 'get',
  path: '/api/residences/options',
  tags,
  summary: 'The organisations that may manage a residence',
  responses: { 200: jsonResponse(residenceOptionsSchema, 'Options') },
});

const create = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences',
  tags,
  summary: 'Record a résidence autonomie with its admission conditions (audited)',
  request: jsonBody(residenceInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'Recorded') },
});

const getOne = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/residences/{id}',
  tags,
  summary: 'A residence: conditions, units and occupants, waiting list and its history (names per the file rule)',
  request: { params: residenceIdParamSchema },
  responses: { 200: jsonResponse(residenceSchema, 'The residence') },
});

const update = defineRoute({
  access: 'housing.manage',
  method: 'put',
  path: '/api/residences/{id}',
  tags,
  summary: 'Change a residence and its admission conditions (audited)',
  request: { params: residenceIdParamSchema, ...jsonBody(residenceInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved') },
});

const createUnit = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/units',
  tags,
  summary: 'Add a unit to a residence (audited)',
  request: { params: residenceIdParamSchema, ...jsonBody(unitInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});

const editUnit = defineRoute({
  access: 'housing.manage',
  method: 'put',
  path: '/api/residences/{id}/units/{unitId}',
  tags,
  summary: 'Change a unit; an occupied unit keeps its status until the move out (audited)',
  request: { params: unitParamSchema, ...jsonBody(unitInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved'), ...conflict },
});

const moveOut = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/units/{unitId}/move-out',
  tags,
  summary: 'Record that the occupant left; the unit becomes vacant (audited)',
  request: { params: unitParamSchema, ...jsonBody(moveOutInputSchema) },
  responses: { 200: jsonResponse(ok, 'Recorded'), ...conflict },
});

const addEntry = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/waiting-list',
  tags,
  summary: 'Put a person the user may see at the end of the waiting list (audited)',
  request: { params: residenceIdParamSchema, ...jsonBody(waitingEntryInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});

const move = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/waiting-list/{residenceWaitingEntryId}/move',
  tags,
  summary: 'Move an entry to another position; every shift is kept in the history (audited)',
  request: { params: entryParamSchema, ...jsonBody(moveInputSchema) },
  responses: { 200: jsonResponse(z.object({ position: z.number().int() }), 'Moved'), ...conflict },
});

const status = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/waiting-list/{residenceWaitingEntryId}/status',
  tags,
  summary: 'Mark an entry as offered a unit, back to waiting, or withdrawn with a reason (audited)',
  request: { params: entryParamSchema, ...jsonBody(statusInputSchema) },
  responses: { 200: jsonResponse(ok, 'Saved'), ...conflict },
});

const admit = defineRoute({
  access: 'housing.manage',
  method: 'post',
  path: '/api/residences/{id}/waiting-list/{residenceWaitingEntryId}/admit',
  tags,
  summary: 'Admit the person into a vacant unit and take them off the list, atomically (audited)',
  request: { params: entryParamSchema, ...jsonBody(admitInputSchema) },
  responses: { 200: jsonResponse(ok, 'Admitted'), ...conflict },
});

export function mountResidenceRoutes(router: Router) {
  router.openapi(list, async (c) => c.json(await listResidencesForActor(c.var.deps.database.db, c.var.actor), 200));
  router.openapi(options, async (c) => c.json(await residenceOptions(c.var.deps.database.db, c.var.actor), 200));
  router.openapi(create, async (c) =>
    c.json(await createResidence(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(getOne, async (c) =>
    c.json(await getResidence(c.var.deps.database.db, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    await updateResidence(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(createUnit, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await addUnit(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId), 201);
  });
  router.openapi(editUnit, async (c) => {
    const { id, unitId } = c.req.valid('param');
    await updateUnit(c.var.deps.database.db, c.var.actor, id, unitId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(moveOut, async (c) => {
    const { id, unitId } = c.req.valid('param');
    await recordMoveOut(c.var.deps.database.db, c.var.actor, id, unitId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(addEntry, async (c) => {
    const { id } = c.req.valid('param');
    const created = await addWaitingEntry(
      c.var.deps.database.db,
      c.var.actor,
      id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(created, 201);
  });
  router.openapi(move, async (c) => {
    const { id, residenceWaitingEntryId: entryId } = c.req.valid('param');
    const moved = await moveWaitingEntry(
      c.var.deps.database.db,
      c.var.actor,
      id,
      entryId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(moved, 200);
  });
  router.openapi(status, async (c) => {
    const { id, residenceWaitingEntryId: entryId } = c.req.valid('param');
    await setWaitingStatus(c.var.deps.database.db, c.var.actor, id, entryId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(admit, async (c) => {
    const { id, residenceWaitingEntryId: entryId } = c.req.valid('param');
    await admitWaitingEntry(c.var.deps.database.db, c.var.actor, id, entryId, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
}
