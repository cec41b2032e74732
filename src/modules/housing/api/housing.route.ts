import { z } from '@hono/zod-openapi';
import type { Db } from '#src/shared/db/client.ts';
import { defineRoute, jsonBody, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  buildingInputSchema,
  charterSchema,
  contactInputSchema,
  createdSchema,
  buildingParamSchema,
  landlordParamSchema,
  photoParamSchema,
  photoQuerySchema,
  programmeParamSchema,
  unitParamSchema,
  landlordDetailSchema,
  landlordListSchema,
  profileInputSchema,
  programmeDetailSchema,
  programmeInputSchema,
  programmeListSchema,
  reviewInputSchema,
  unitDetailSchema,
  unitInputSchema,
  unitListQuerySchema,
  unitListSchema,
} from '#src/modules/housing/api/housing.schema.ts';
import {
  addContact,
  getCharterForActor,
  getLandlordForActor,
  listLandlordsForActor,
  saveProfile,
  saveReview,
} from '#src/modules/housing/service/landlords.ts';
import {
  createBuilding,
  createProgramme,
  createUnit,
  getProgrammeForActor,
  getUnitForActor,
  listProgrammesForActor,
  listUnitsForActor,
  readPhoto,
  updateBuilding,
  updateProgramme,
  updateUnit,
  uploadPhoto,
} from '#src/modules/housing/service/supply.ts';
import { photoMediaTypes } from '#src/modules/housing/domain/photo.ts';

const tags = ['housing'];
const scopeNote = 'landlord staff reach their own organisation only (404 otherwise)';

const listUnits = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/units',
  tags,
  summary: `Units with filters (landlord, commune, typology, level, status, kind of programme) and counts; ${scopeNote}`,
  request: { query: unitListQuerySchema },
  responses: { 200: jsonResponse(unitListSchema, 'The units') },
});
const getUnit = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/units/{housingUnitId}',
  tags,
  summary: `A unit with its measurements and the derived access level explained; ${scopeNote}`,
  request: { params: unitParamSchema },
  responses: { 200: jsonResponse(unitDetailSchema, 'The unit') },
});
const putUnit = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/units/{housingUnitId}',
  tags,
  summary: `Replace a unit's data; the level is derived, contradictory measurements are a 400 (audited); ${scopeNote}`,
  request: { params: unitParamSchema, ...jsonBody(unitInputSchema) },
  responses: { 204: { description: 'Saved' } },
});
const postUnit = defineRoute({
  access: 'housing.supply',
  method: 'post',
  path: '/api/housing/programmes/{housingProgrammeId}/units',
  tags,
  summary: `Add a unit to a programme (audited); ${scopeNote}`,
  request: { params: programmeParamSchema, ...jsonBody(unitInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The new unit') },
});
const listProgrammes = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/programmes',
  tags,
  summary: `Programmes with their unit counts; ${scopeNote}`,
  responses: { 200: jsonResponse(programmeListSchema, 'The programmes') },
});
const getProgramme = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/programmes/{housingProgrammeId}',
  tags,
  summary: `A programme with its buildings, units and photos; ${scopeNote}`,
  request: { params: programmeParamSchema },
  responses: { 200: jsonResponse(programmeDetailSchema, 'The programme') },
});
const postProgramme = defineRoute({
  access: 'housing.supply',
  method: 'post',
  path: '/api/housing/programmes',
  tags,
  summary: 'Create a programme for a landlord (landlord staff: their own organisation) (audited)',
  request: jsonBody(programmeInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new programme') },
});
const putProgramme = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/programmes/{housingProgrammeId}',
  tags,
  summary: `Replace a programme's data (audited); ${scopeNote}`,
  request: { params: programmeParamSchema, ...jsonBody(programmeInputSchema) },
  responses: { 204: { description: 'Saved' } },
});
const postBuilding = defineRoute({
  access: 'housing.supply',
  method: 'post',
  path: '/api/housing/programmes/{housingProgrammeId}/buildings',
  tags,
  summary: `Add a building entrance with the accessibility of its path (audited); ${scopeNote}`,
  request: { params: programmeParamSchema, ...jsonBody(buildingInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The new building') },
});
const putBuilding = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/buildings/{housingBuildingId}',
  tags,
  summary: `Replace a building's measurements; its units' levels are derived again (audited); ${scopeNote}`,
  request: { params: buildingParamSchema, ...jsonBody(buildingInputSchema) },
  responses: { 204: { description: 'Saved' } },
});
const listLandlords = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/landlords',
  tags,
  summary: `The social landlords with their profile summary; ${scopeNote}`,
  responses: { 200: jsonResponse(landlordListSchema, 'The landlords') },
});
const getLandlord = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/landlords/{organizationId}',
  tags,
  summary: `A landlord's profile, contacts, labels, charter follow-up and programmes; ${scopeNote}`,
  request: { params: landlordParamSchema },
  responses: { 200: jsonResponse(landlordDetailSchema, 'The landlord') },
});
const putProfile = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/landlords/{organizationId}/profile',
  tags,
  summary: `Save a landlord's profile (audited); ${scopeNote}`,
  request: { params: landlordParamSchema, ...jsonBody(profileInputSchema) },
  responses: { 204: { description: 'Saved' } },
});
const postContact = defineRoute({
  access: 'housing.supply',
  method: 'post',
  path: '/api/housing/landlords/{organizationId}/contacts',
  tags,
  summary: `Add a contact to a landlord (audited); ${scopeNote}`,
  request: { params: landlordParamSchema, ...jsonBody(contactInputSchema) },
  responses: { 201: jsonResponse(createdSchema, 'The new contact') },
});
const putReview = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/landlords/{organizationId}/charter-reviews',
  tags,
  summary: `Record a landlord's yearly value for a charter commitment it took (audited); ${scopeNote}`,
  request: { params: landlordParamSchema, ...jsonBody(reviewInputSchema) },
  responses: { 204: { description: 'Saved' } },
});
const getCharter = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/charter',
  tags,
  summary: `The "bien vieillir" charter with each landlord's signature and follow-up; ${scopeNote}`,
  responses: { 200: jsonResponse(charterSchema, 'The charter') },
});

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };
const photoContent = Object.fromEntries(photoMediaTypes.map((type) => [type, binary]));
const postPhoto = defineRoute({
  access: 'housing.supply',
  method: 'post',
  path: '/api/housing/programmes/{housingProgrammeId}/photos',
  tags,
  summary: `Add a programme photo as raw bytes (JPEG, PNG or WebP up to 1 MB, type checked on the bytes) (audited); ${scopeNote}`,
  request: { params: programmeParamSchema, query: photoQuerySchema, body: { content: photoContent, required: true } },
  responses: { 201: jsonResponse(createdSchema, 'The new photo') },
});
const getPhoto = defineRoute({
  access: 'housing.read',
  method: 'get',
  path: '/api/housing/programmes/{housingProgrammeId}/photos/{housingProgrammePhotoId}',
  tags,
  summary: `The bytes of a programme photo; ${scopeNote}`,
  request: { params: photoParamSchema },
  responses: { 200: { content: photoContent, description: 'The photo' } },
});

export function mountHousingRoutes(router: Router) {
  const dbOf = (c: { var: { deps: { database: { db: Db } } } }) => c.var.deps.database.db;
  const noContent = (c: { body: (data: null, status: 204) => Response }) => c.body(null, 204);

  router.openapi(listUnits, async (c) =>
    c.json(await listUnitsForActor(dbOf(c), c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(getUnit, async (c) =>
    c.json(await getUnitForActor(dbOf(c), c.var.actor, c.req.valid('param').housingUnitId), 200),
  );
  router.openapi(putUnit, async (c) => {
    await updateUnit(dbOf(c), c.var.actor, c.req.valid('param').housingUnitId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(postUnit, async (c) =>
    c.json(
      await createUnit(
        dbOf(c),
        c.var.actor,
        c.req.valid('param').housingProgrammeId,
        c.req.valid('json'),
        c.var.requestId,
      ),
      201,
    ),
  );
  router.openapi(listProgrammes, async (c) => c.json(await listProgrammesForActor(dbOf(c), c.var.actor), 200));
  router.openapi(getProgramme, async (c) =>
    c.json(await getProgrammeForActor(dbOf(c), c.var.actor, c.req.valid('param').housingProgrammeId), 200),
  );
  router.openapi(postProgramme, async (c) =>
    c.json(await createProgramme(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(putProgramme, async (c) => {
    await updateProgramme(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').housingProgrammeId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return noContent(c);
  });
  router.openapi(postBuilding, async (c) =>
    c.json(
      await createBuilding(
        dbOf(c),
        c.var.actor,
        c.req.valid('param').housingProgrammeId,
        c.req.valid('json'),
        c.var.requestId,
      ),
      201,
    ),
  );
  router.openapi(putBuilding, async (c) => {
    await updateBuilding(
      dbOf(c),
      c.var.actor,
      c.req.valid('param').housingBuildingId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return noContent(c);
  });
  router.openapi(listLandlords, async (c) => c.json(await listLandlordsForActor(dbOf(c), c.var.actor), 200));
  router.openapi(getLandlord, async (c) =>
    c.json(await getLandlordForActor(dbOf(c), c.var.actor, c.req.valid('param').organizationId), 200),
  );
  router.openapi(putProfile, async (c) => {
    await saveProfile(dbOf(c), c.var.actor, c.req.valid('param').organizationId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(postContact, async (c) =>
    c.json(
      await addContact(dbOf(c), c.var.actor, c.req.valid('param').organizationId, c.req.valid('json'), c.var.requestId),
      201,
    ),
  );
  router.openapi(putReview, async (c) => {
    await saveReview(dbOf(c), c.var.actor, c.req.valid('param').organizationId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(postPhoto, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const { housingProgrammeId } = c.req.valid('param');
    const upload = { mediaType, bytes, caption: c.req.valid('query').caption ?? '' };
    return c.json(await uploadPhoto(dbOf(c), c.var.actor, housingProgrammeId, upload, c.var.requestId), 201);
  });
  router.openapi(getPhoto, async (c) => {
    const { housingProgrammeId, housingProgrammePhotoId } = c.req.valid('param');
    const photo = await readPhoto(dbOf(c), c.var.actor, housingProgrammeId, housingProgrammePhotoId);
    return c.body(new Uint8Array(photo.content), 200, {
      'Content-Type': photo.mediaType,
      'Cache-Control': 'private, no-store',
    });
  });
  router.openapi(getCharter, async (c) => c.json(await getCharterForActor(dbOf(c), c.var.actor), 200));
}
