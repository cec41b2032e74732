import { z } from '@hono/zod-openapi';
import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  adminStageSchema,
  createdSchema,
  idParamSchema,
  journalCreateSchema,
  okSchema,
  optionChoiceSchema,
  optionInputSchema,
  pathwayCreateSchema,
  pathwayDetailSchema,
  pathwayListQuerySchema,
  pathwaySummarySchema,
  pathwayUpdateSchema,
  referentChoiceSchema,
  stageCreateSchema,
  stageOrderSchema,
  stageSchema,
  stageUpdateSchema,
  taskCreateSchema,
  taskListQuerySchema,
  taskUpdateSchema,
  taskWithPersonSchema,
  transitionCreateSchema,
} from '#src/modules/pathways/api/pathway.schema.ts';
import { addJournalEntry } from '#src/modules/pathways/service/journal.ts';
import { addOption, chooseOption, editOption } from '#src/modules/pathways/service/options.ts';
import { openPathway, transitionPathway, updateQualification } from '#src/modules/pathways/service/pathways.ts';
import {
  addStage,
  changeStage,
  getStages,
  listStagesForAdmin,
  removeStage,
  reorderStages,
} from '#src/modules/pathways/service/stages.ts';
import { changeTaskStatus, createPathwayTask } from '#src/modules/pathways/service/tasks.ts';
import {
  exportPathwaysCsv,
  getPathwayDetail,
  listPathways,
  listTasks,
  referentChoices,
} from '#src/modules/pathways/service/views.ts';

const tags = ['pathways'];
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

const listStagesRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/pathway-stages',
  tags,
  summary: "The workspace's pathway stages, in order (the Lomme template on first use)",
  responses: { 200: jsonResponse(items(stageSchema), 'Stages') },
});
const adminStagesRoute = defineRoute({
  access: 'workspace.admin',
  method: 'get',
  path: '/api/admin/pathway-stages',
  tags,
  summary: 'Stages with how many pathways are in each, for their administration',
  responses: { 200: jsonResponse(items(adminStageSchema), 'Stages and their use') },
});
const createStageRoute = defineRoute({
  access: 'workspace.admin',
  method: 'post',
  path: '/api/admin/pathway-stages',
  tags,
  summary: 'Add a stage (placed before the closing stage)',
  request: jsonBody(stageCreateSchema),
  responses: { 201: jsonResponse(createdSchema, 'Created') },
});
const orderStagesRoute = defineRoute({
  access: 'workspace.admin',
  method: 'put',
  path: '/api/admin/pathway-stages/order',
  tags,
  summary: 'Set the order of every stage',
  request: jsonBody(stageOrderSchema),
  responses: { 200: jsonResponse(okSchema, 'Reordered') },
});
const updateStageRoute = defineRoute({
  access: 'workspace.admin',
  method: 'patch',
  path: '/api/admin/pathway-stages/{id}',
  tags,
  summary: 'Rename a stage, change its required fields, deactivate or reactivate it',
  request: { params: idParamSchema, ...jsonBody(stageUpdateSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const deleteStageRoute = defineRoute({
  access: 'workspace.admin',
  method: 'delete',
  path: '/api/admin/pathway-stages/{id}',
  tags,
  summary: 'Remove a stage no pathway ever used',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(okSchema, 'Removed') },
});

const listRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/pathways',
  tags,
  summary: 'My caseload or my team’s, with filters (the board groups it by stage)',
  request: { query: pathwayListQuerySchema },
  responses: { 200: jsonResponse(items(pathwaySummarySchema), 'Pathways') },
});
const exportRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/pathways/export.csv',
  tags,
  summary: 'The same list as CSV (UTF-8 with BOM, semicolons), audited',
  request: { query: pathwayListQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' } },
});
const referentsRoute = defineRoute({
  access: 'pathway.write',
  method: 'get',
  path: '/api/pathway-referents',
  tags,
  summary: 'Who may be made referent of a new pathway',
  responses: { 200: jsonResponse(items(referentChoiceSchema), 'Referent choices') },
});
const createRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathways',
  tags,
  summary: 'Open a pathway for a person',
  request: jsonBody(pathwayCreateSchema),
  responses: { 201: jsonResponse(createdSchema, 'Opened') },
});
const detailRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/pathways/{id}',
  tags,
  summary: 'A pathway with its stages, history, journal, tasks and options (audited)',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(pathwayDetailSchema, 'The pathway') },
});
const updateRoute = defineRoute({
  access: 'pathway.write',
  method: 'patch',
  path: '/api/pathways/{id}',
  tags,
  summary: 'Record the qualification summary',
  request: { params: idParamSchema, ...jsonBody(pathwayUpdateSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const transitionRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathways/{id}/transitions',
  tags,
  summary: 'Move the pathway to another stage: forward, skip, back, close or reopen',
  request: { params: idParamSchema, ...jsonBody(transitionCreateSchema) },
  responses: { 201: jsonResponse(okSchema, 'Moved') },
});
const journalRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathways/{id}/journal',
  tags,
  summary: 'Append a journal entry or a correction (replayed with the same id: the stored entry, 200)',
  request: { params: idParamSchema, ...jsonBody(journalCreateSchema) },
  responses: {
    200: jsonResponse(createdSchema, 'Already stored under this id'),
    201: jsonResponse(createdSchema, 'Added'),
  },
});
const createTaskRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathways/{id}/tasks',
  tags,
  summary: 'Add a task with a due date, an assignee and a reminder',
  request: { params: idParamSchema, ...jsonBody(taskCreateSchema) },
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});
const optionCreateRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathways/{id}/options',
  tags,
  summary: 'Add a solution option with the person’s view',
  request: { params: idParamSchema, ...jsonBody(optionInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'Added') },
});
const taskListRoute = defineRoute({
  access: 'pathway.read',
  method: 'get',
  path: '/api/pathway-tasks',
  tags,
  summary: 'My open tasks, my overdue tasks or my team’s overdue tasks',
  request: { query: taskListQuerySchema },
  responses: { 200: jsonResponse(items(taskWithPersonSchema), 'Tasks') },
});
const taskUpdateRoute = defineRoute({
  access: 'pathway.write',
  method: 'patch',
  path: '/api/pathway-tasks/{id}',
  tags,
  summary: 'Mark a task done or open again',
  request: { params: idParamSchema, ...jsonBody(taskUpdateSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const optionUpdateRoute = defineRoute({
  access: 'pathway.write',
  method: 'put',
  path: '/api/pathway-options/{id}',
  tags,
  summary: 'Edit a solution option',
  request: { params: idParamSchema, ...jsonBody(optionInputSchema) },
  responses: { 200: jsonResponse(okSchema, 'Updated') },
});
const optionChoiceRoute = defineRoute({
  access: 'pathway.write',
  method: 'post',
  path: '/api/pathway-options/{id}/choice',
  tags,
  summary: 'Record that the person chose this option',
  request: { params: idParamSchema, ...jsonBody(optionChoiceSchema) },
  responses: { 200: jsonResponse(okSchema, 'Chosen') },
});

export function mountPathwayRoutes(router: Router) {
  router.openapi(listStagesRoute, async (c) => {
    const stages = await getStages(c.var.deps.database.db, c.var.actor, c.var.requestId);
    return c.json({ items: stages }, 200);
  });
  router.openapi(adminStagesRoute, async (c) => {
    const stages = await listStagesForAdmin(c.var.deps.database.db, c.var.actor, c.var.requestId);
    return c.json({ items: stages }, 200);
  });
  router.openapi(createStageRoute, async (c) => {
    const id = await addStage(c.var.deps.database.db, c.var.actor, c.req.valid('json'), c.var.requestId);
    return c.json({ id }, 201);
  });
  router.openapi(orderStagesRoute, async (c) => {
    await reorderStages(c.var.deps.database.db, c.var.actor, c.req.valid('json').stageIds, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(updateStageRoute, async (c) => {
    const { id } = c.req.valid('param');
    await changeStage(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(deleteStageRoute, async (c) => {
    await removeStage(c.var.deps.database.db, c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });

  router.openapi(listRoute, async (c) => {
    const list = await listPathways(c.var.deps.database.db, c.var.actor, c.req.valid('query'), c.var.requestId);
    return c.json({ items: list }, 200);
  });
  router.openapi(exportRoute, async (c) => {
    const csv = await exportPathwaysCsv(c.var.deps.database.db, c.var.actor, c.req.valid('query'), c.var.requestId);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="parcours.csv"');
    return c.body(csv, 200);
  });
  router.openapi(referentsRoute, async (c) => {
    return c.json({ items: await referentChoices(c.var.deps.database.db, c.var.actor) }, 200);
  });
  router.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const id = await c.var.deps.database.db.transaction((tx) =>
      openPathway(tx, c.var.actor, { ...input, requestId: c.var.requestId }),
    );
    return c.json({ id }, 201);
  });
  router.openapi(detailRoute, async (c) => {
    const detail = await getPathwayDetail(
      c.var.deps.database.db,
      c.var.actor,
      c.req.valid('param').id,
      c.var.requestId,
    );
    return c.json(detail, 200);
  });
  router.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await updateQualification(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(transitionRoute, async (c) => {
    const { id } = c.req.valid('param');
    await transitionPathway(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 201);
  });
  router.openapi(journalRoute, async (c) => {
    const { id } = c.req.valid('param');
    const added = await addJournalEntry(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return added.created ? c.json({ id: added.id }, 201) : c.json({ id: added.id }, 200);
  });
  router.openapi(createTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const taskId = await c.var.deps.database.db.transaction((tx) =>
      createPathwayTask(tx, c.var.actor, {
        pathwayId: id,
        title: input.title,
        dueDate: input.dueDate,
        assigneeUserId: input.assigneeUserId,
        remindAt: input.remindAt ? new Date(input.remindAt) : undefined,
        requestId: c.var.requestId,
      }),
    );
    return c.json({ id: taskId }, 201);
  });
  router.openapi(optionCreateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const optionId = await addOption(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ id: optionId }, 201);
  });
  router.openapi(taskListRoute, async (c) => {
    return c.json({ items: await listTasks(c.var.deps.database.db, c.var.actor, c.req.valid('query')) }, 200);
  });
  router.openapi(taskUpdateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await changeTaskStatus(c.var.deps.database.db, c.var.actor, id, c.req.valid('json').status, c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(optionUpdateRoute, async (c) => {
    const { id } = c.req.valid('param');
    await editOption(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
  router.openapi(optionChoiceRoute, async (c) => {
    const { id } = c.req.valid('param');
    await chooseOption(c.var.deps.database.db, c.var.actor, id, c.req.valid('json'), c.var.requestId);
    return c.json({ ok: true as const }, 200);
  });
}
