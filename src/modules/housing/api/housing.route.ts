import { z } from '@hono/zod-openapi';
import { defineRoute, jsonBody, jsonResponse, type Router, dbOf } from '#src/shared/http/route.ts';
import {
  buildingInputSchema,
  charterSchema,
  contactInputSchema,
  createdSchema,
  buildingParamSchema,
  contactParamSchema,
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
  signatureInputSchema,
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
  removeContact,
  saveReview,
  saveSignature,
  updateContact,
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
  removePhoto,
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
const saved = { description: 'Saved' };

/**
 * The two writes of one kind of record: POST adds it under its parent (201 with its id), PUT replaces it
 * (204). Both take the same body and need `housing.supply`.
 */
function writeRoutes<
  Body extends z.ZodType,
  CreateParams extends z.ZodObject | undefined,
  ReplaceParams extends z.ZodObject,
  CreatePath extends string,
  ReplacePath extends string,
>(
  body: Body,
  create: { path: CreatePath; params?: CreateParams; summary: string; created: string },
  replace: { path: ReplacePath; params: ReplaceParams; summary: string },
) {
  return {
    create: defineRoute({
      access: 'housing.supply',
      method: 'post',
      path: create.path,
      tags,
      summary: create.summary,
      request: { params: create.params as CreateParams, ...jsonBody(body) },
      responses: { 201: jsonResponse(createdSchema, create.created) },
    }),
    replace: defineRoute({
      access: 'housing.supply',
      method: 'put',
      path: replace.path,
      tags,
      summary: replace.summary,
      request: { params: replace.params, ...jsonBody(body) },
      responses: { 204: saved },
    }),
  };
}

const unitWrites = writeRoutes(
  unitInputSchema,
  {
    path: '/api/housing/programmes/{housingProgrammeId}/units',
    params: programmeParamSchema,
    summary: `Add a unit to a programme (audited); ${scopeNote}`,
    created: 'The new unit',
  },
  {
    path: '/api/housing/units/{housingUnitId}',
    params: unitParamSchema,
    summary: `Replace a unit's data; the level is derived, contradictory measurements are a 400 (audited); ${scopeNote}`,
  },
);
const programmeWrites = writeRoutes(
  programmeInputSchema,
  {
    path: '/api/housing/programmes',
    summary: 'Create a programme for a landlord (landlord staff: their own organisation) (audited)',
    created: 'The new programme',
  },
  {
    path: '/api/housing/programmes/{housingProgrammeId}',
    params: programmeParamSchema,
    summary: `Replace a programme's data (audited); ${scopeNote}`,
  },
);
const buildingWrites = writeRoutes(
  buildingInputSchema,
  {
    path: '/api/housing/programmes/{housingProgrammeId}/buildings',
    params: programmeParamSchema,
    summary: `Add a building entrance with the accessibility of its path (audited); ${scopeNote}`,
    created: 'The new building',
  },
  {
    path: '/api/housing/buildings/{housingBuildingId}',
    params: buildingParamSchema,
    summary: `Replace a building's measurements; its units' levels are derived again (audited); ${scopeNote}`,
  },
);
const contactWrites = writeRoutes(
  contactInputSchema,
  {
    path: '/api/housing/landlords/{organizationId}/contacts',
    params: landlordParamSchema,
    summary: `Add a contact to a landlord (audited); ${scopeNote}`,
    created: 'The new contact',
  },
  {
    path: '/api/housing/landlords/{organizationId}/contacts/{housingLandlordContactId}',
    params: contactParamSchema,
    summary: `Replace a landlord's contact (audited); ${scopeNote}`,
  },
);
const deleteContact = defineRoute({
  access: 'housing.supply',
  method: 'delete',
  path: '/api/housing/landlords/{organizationId}/contacts/{housingLandlordContactId}',
  tags,
  summary: `Remove a landlord's contact (audited); ${scopeNote}`,
  request: { params: contactParamSchema },
  responses: { 204: { description: 'Removed' } },
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
  responses: { 204: saved },
});
const putReview = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/landlords/{organizationId}/charter-reviews',
  tags,
  summary: `Record a landlord's yearly value for a charter commitment it took (audited); ${scopeNote}`,
  request: { params: landlordParamSchema, ...jsonBody(reviewInputSchema) },
  responses: { 204: saved },
});
const putSignature = defineRoute({
  access: 'housing.supply',
  method: 'put',
  path: '/api/housing/landlords/{organizationId}/charter-signature',
  tags,
  summary: `Record a landlord's signature of the current charter with the commitments it takes (audited); ${scopeNote}`,
  request: { params: landlordParamSchema, ...jsonBody(signatureInputSchema) },
  responses: { 204: saved },
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

const deletePhoto = defineRoute({
  access: 'housing.supply',
  method: 'delete',
  path: '/api/housing/programmes/{housingProgrammeId}/photos/{housingProgrammePhotoId}',
  tags,
  summary: `Remove a programme photo (audited); ${scopeNote}`,
  request: { params: photoParamSchema },
  responses: { 204: { description: 'Removed' } },
});

export function mountHousingRoutes(router: Router) {
  const noContent = (c: { body: (data: null, status: 204) => Response }) => c.body(null, 204);

  router.openapi(listUnits, async (c) =>
    c.json(await listUnitsForActor(dbOf(c), c.var.actor, c.req.valid('query')), 200),
  );
  router.openapi(getUnit, async (c) =>
    c.json(await getUnitForActor(dbOf(c), c.var.actor, c.req.valid('param').housingUnitId), 200),
  );
  router.openapi(unitWrites.create, async (c) => {
    const { housingProgrammeId } = c.req.valid('param');
    return c.json(
      await createUnit(dbOf(c), c.var.actor, housingProgrammeId, c.req.valid('json'), c.var.requestId),
      201,
    );
  });
  router.openapi(unitWrites.replace, async (c) => {
    await updateUnit(dbOf(c), c.var.actor, c.req.valid('param').housingUnitId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(listProgrammes, async (c) => c.json(await listProgrammesForActor(dbOf(c), c.var.actor), 200));
  router.openapi(getProgramme, async (c) =>
    c.json(await getProgrammeForActor(dbOf(c), c.var.actor, c.req.valid('param').housingProgrammeId), 200),
  );
  router.openapi(programmeWrites.create, async (c) =>
    c.json(await createProgramme(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(programmeWrites.replace, async (c) => {
    const { housingProgrammeId } = c.req.valid('param');
    await updateProgramme(dbOf(c), c.var.actor, housingProgrammeId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(buildingWrites.create, async (c) => {
    const { housingProgrammeId } = c.req.valid('param');
    const created = await createBuilding(
      dbOf(c),
      c.var.actor,
      housingProgrammeId,
      c.req.valid('json'),
      c.var.requestId,
    );
    return c.json(created, 201);
  });
  router.openapi(buildingWrites.replace, async (c) => {
    const { housingBuildingId } = c.req.valid('param');
    await updateBuilding(dbOf(c), c.var.actor, housingBuildingId, c.req.valid('json'), c.var.requestId);
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
  router.openapi(contactWrites.create, async (c) =>
    c.json(
      await addContact(dbOf(c), c.var.actor, c.req.valid('param').organizationId, c.req.valid('json'), c.var.requestId),
      201,
    ),
  );
  router.openapi(contactWrites.replace, async (c) => {
    await updateContact(dbOf(c), c.var.actor, c.req.valid('param'), c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(deleteContact, async (c) => {
    await removeContact(dbOf(c), c.var.actor, c.req.valid('param'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(putReview, async (c) => {
    await saveReview(dbOf(c), c.var.actor, c.req.valid('param').organizationId, c.req.valid('json'), c.var.requestId);
    return noContent(c);
  });
  router.openapi(putSignature, async (c) => {
    const { organizationId } = c.req.valid('param');
    await saveSignature(dbOf(c), c.var.actor, organizationId, c.req.valid('json'), c.var.requestId);
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
  router.openapi(deletePhoto, async (c) => {
    const { housingProgrammeId, housingProgrammePhotoId } = c.req.valid('param');
    await removePhoto(dbOf(c), c.var.actor, housingProgrammeId, housingProgrammePhotoId, c.var.requestId);
    return noContent(c);
  });
  router.openapi(getCharter, async (c) => c.json(await getCharterForActor(dbOf(c), c.var.actor), 200));
}
