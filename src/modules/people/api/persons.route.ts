import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router, dbOf } from '#src/shared/http/route.ts';
import {
  caseTeamAddSchema,
  caseTeamMemberParamSchema,
  caseTeamSchema,
  consentInputSchema,
  consentParamSchema,
  consentWithdrawSchema,
  landlordListSchema,
  mergedPersonSchema,
  mergeSchema,
  personCaseloadQuerySchema,
  personCreateSchema,
  personFileSchema,
  personIdParamSchema,
  personSearchQuerySchema,
  personSectionSchema,
  personSummarySchema,
} from '#src/modules/people/api/person.schema.ts';
import { addCaseTeamMemberForActor, getCaseTeam, removeCaseTeamMember } from '#src/modules/people/service/case-team.ts';
import { recordConsent, withdrawConsent } from '#src/modules/people/service/consents.ts';
import { createPersonForActor } from '#src/modules/people/service/create-person.ts';
import { listLandlords } from '#src/modules/people/service/landlords.ts';
import { exportPersonsCsv } from '#src/modules/people/service/export-persons.ts';
import { mergePersons } from '#src/modules/people/service/merge-persons.ts';
import { getCaseload, getPersonFile, searchPersons } from '#src/modules/people/service/person-views.ts';
import { updatePersonSection } from '#src/modules/people/service/update-person.ts';

const tags = ['people'];
const created = z.object({ id: z.uuid() });

const search = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/search',
  tags,
  summary: 'Search the persons the user may see (accents and small typos ignored)',
  request: { query: personSearchQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(personSummarySchema) }), 'Matching persons') },
});

const caseload = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/caseload',
  tags,
  summary: 'The persons whose case team the user is on',
  request: { query: personCaseloadQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(personSummarySchema) }), 'The caseload') },
});

const exportCsv = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/export.csv',
  tags,
  summary:
    "Download the files the user may see as CSV (UTF-8 with BOM, ';' separated, fr-FR dates); sensitive columns only with person.read_sensitive (audited)",
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The persons as CSV' } },
});

const landlords = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/landlords',
  tags,
  summary: "The workspace's social landlords, for a social tenant's housing situation",
  responses: { 200: jsonResponse(landlordListSchema, 'The landlords') },
});

const create = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people',
  tags,
  summary:
    "Create a person's file; the creator's organisation owns it and the creator joins its case team. 409 with details.candidates when it may already exist (audited)",
  request: jsonBody(personCreateSchema),
  responses: {
    201: jsonResponse(created, 'The new file'),
    409: jsonResponse(errorBodySchema, 'Possible duplicates in details.candidates; send allowDuplicate to confirm'),
  },
});

const getOne = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/{id}',
  tags,
  summary: "Open a person's file (audited); a merged file answers with the file that absorbed it",
  request: { params: personIdParamSchema },
  responses: { 200: jsonResponse(z.union([personFileSchema, mergedPersonSchema]), 'The person') },
});

const update = defineRoute({
  access: 'person.write',
  method: 'patch',
  path: '/api/people/{id}',
  tags,
  summary: "Change one section of a person's file, given the version read; 409 with details.current if stale (audited)",
  request: { params: personIdParamSchema, ...jsonBody(personSectionSchema) },
  responses: {
    200: jsonResponse(personFileSchema, 'The file after the change'),
    409: jsonResponse(errorBodySchema, 'The file changed since it was read: details.current holds it'),
  },
});

const merge = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/merge',
  tags,
  summary: 'Merge a duplicate into this file: every record of the duplicate is re-pointed here (audited)',
  request: { params: personIdParamSchema, ...jsonBody(mergeSchema) },
  responses: { 200: jsonResponse(created, 'The kept file') },
});

const addConsent = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/consents',
  tags,
  summary: 'Record a consent of the person for one purpose (audited)',
  request: { params: personIdParamSchema, ...jsonBody(consentInputSchema) },
  responses: { 201: jsonResponse(created, 'The consent') },
});

const withdraw = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/consents/{consentId}/withdraw',
  tags,
  summary:
    'Withdraw a consent; withdrawing the sharing consent removes the members of other organisations who relied on it (audited)',
  request: { params: consentParamSchema, ...jsonBody(consentWithdrawSchema) },
  responses: {
    200: jsonResponse(z.object({ removedMembers: z.number().int() }), 'How many members lost access'),
    409: jsonResponse(errorBodySchema, 'Already withdrawn'),
  },
});

const caseTeam = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/people/{id}/case-team',
  tags,
  summary: "The file's case team and the users who may be added",
  request: { params: personIdParamSchema },
  responses: { 200: jsonResponse(caseTeamSchema, 'The case team') },
});

const addMember = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/case-team',
  tags,
  summary:
    "Add a user to the file's case team; from another organisation than the owning one, only with the sharing consent (audited)",
  request: { params: personIdParamSchema, ...jsonBody(caseTeamAddSchema) },
  responses: { 201: jsonResponse(created, 'The membership') },
});

const removeMember = defineRoute({
  access: 'person.write',
  method: 'delete',
  path: '/api/people/{id}/case-team/{caseTeamMemberId}',
  tags,
  summary: "Remove a member from the file's case team (audited)",
  request: { params: caseTeamMemberParamSchema },
  responses: { 204: { description: 'Removed' } },
});

export function mountPersonRoutes(router: Router) {
  router.openapi(search, async (c) => {
    const items = await searchPersons(dbOf(c), c.var.actor, c.req.valid('query'));
    return c.json({ items }, 200);
  });
  router.openapi(caseload, async (c) => {
    const items = await getCaseload(dbOf(c), c.var.actor, c.req.valid('query').limit);
    return c.json({ items }, 200);
  });
  router.openapi(exportCsv, async (c) => {
    const csv = await exportPersonsCsv(dbOf(c), c.var.actor, c.var.requestId);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="personnes-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  });
  router.openapi(landlords, async (c) => c.json({ items: await listLandlords(dbOf(c), c.var.actor) }, 200));
  router.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const result = await dbOf(c).transaction((tx) =>
      createPersonForActor(tx, c.var.actor, input, { requestId: c.var.requestId }),
    );
    return c.json(result, 201);
  });
  router.openapi(getOne, async (c) => {
    const person = await getPersonFile(dbOf(c), c.var.actor, c.req.valid('param').id, c.var.requestId);
    return c.json(person, 200);
  });
  router.openapi(update, async (c) => {
    const file = await updatePersonSection(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(file, 200);
  });
  router.openapi(merge, async (c) => {
    const result = await mergePersons(dbOf(c), c.var.actor, {
      keptId: c.req.valid('param').id,
      duplicateId: c.req.valid('json').duplicateId,
      requestId: c.var.requestId,
    });
    return c.json(result, 200);
  });
  router.openapi(addConsent, async (c) => {
    const result = await recordConsent(dbOf(c), c.var.actor, {
      personId: c.req.valid('param').id,
      consent: c.req.valid('json'),
      requestId: c.var.requestId,
    });
    return c.json(result, 201);
  });
  router.openapi(withdraw, async (c) => {
    const { id, consentId } = c.req.valid('param');
    const result = await withdrawConsent(dbOf(c), c.var.actor, {
      personId: id,
      consentId,
      reason: c.req.valid('json').reason,
      requestId: c.var.requestId,
    });
    return c.json(result, 200);
  });
  router.openapi(caseTeam, async (c) => c.json(await getCaseTeam(dbOf(c), c.var.actor, c.req.valid('param').id), 200));
  router.openapi(addMember, async (c) => {
    const personId = c.req.valid('param').id;
    const input = c.req.valid('json');
    const result = await dbOf(c).transaction((tx) =>
      addCaseTeamMemberForActor(tx, c.var.actor, { ...input, personId, requestId: c.var.requestId }),
    );
    return c.json(result, 201);
  });
  router.openapi(removeMember, async (c) => {
    const { id, caseTeamMemberId } = c.req.valid('param');
    await removeCaseTeamMember(dbOf(c), c.var.actor, {
      personId: id,
      memberId: caseTeamMemberId,
      requestId: c.var.requestId,
    });
    return c.body(null, 204);
  });
}
