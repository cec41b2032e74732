import { z } from '@hono/zod-openapi';
import { defineRoute, errorBodySchema, jsonBody, jsonResponse, type Router, dbOf } from '#src/shared/http/route.ts';
import {
  createdSchema,
  distributorInputSchema,
  distributorListSchema,
  fileParamSchema,
  fileQuerySchema,
  idParamSchema,
  importFileSchema,
  importReportSchema,
  isoListSchema,
  productHistorySchema,
  productInputSchema,
  productSchema,
  productUpdateSchema,
  searchQuerySchema,
  searchResultSchema,
  tableFileSchema,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { importProducts, productImportTemplate } from '#src/modules/catalogue/service/product-import.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  createProduct,
  getProduct,
  getProductHistory,
  readProductFile,
  removeProductFile,
  updateProduct,
  uploadProductFile,
} from '#src/modules/catalogue/service/products.ts';
import {
  createDistributor,
  editDistributor,
  getDistributors,
  getIsoList,
  importIsoList,
} from '#src/modules/catalogue/service/reference.ts';
import { searchCatalogue } from '#src/modules/catalogue/service/search.ts';

const tags = ['catalogue'];

const search = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/search',
  tags,
  summary:
    'Search products by words (accents and small typos ignored), ISO class, activity, room, price, reimbursement and showroom; facets with counts; ordered by relevance then name, never by a commercial field',
  request: { query: searchQuerySchema },
  responses: { 200: jsonResponse(searchResultSchema, 'One page of products and the facets') },
});
const getOne = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/products/{id}',
  tags,
  summary: 'A product sheet with its distributors, files and showroom items',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(productSchema, 'The product') },
});
const create = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/products',
  tags,
  summary: "Add a product; its ISO codes must be in the workspace's list, a price needs its date and source (audited)",
  request: jsonBody(productInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new product') },
});
const update = defineRoute({
  access: 'catalogue.manage',
  method: 'put',
  path: '/api/catalogue/products/{id}',
  tags,
  summary:
    'Save a new state of the sheet given the version read; the previous state is kept in the history; 409 if stale (audited)',
  request: { params: idParamSchema, ...jsonBody(productUpdateSchema) },
  responses: {
    200: jsonResponse(z.object({ id: z.uuid(), version: z.number().int() }), 'The new version'),
    409: jsonResponse(errorBodySchema, 'The sheet changed since it was read'),
  },
});
const history = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/products/{id}/history',
  tags,
  summary: 'The previous versions of a product sheet, newest first',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(productHistorySchema, 'The history') },
});

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };
const fileContent = Object.fromEntries(
  ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].map((type) => [type, binary]),
);
const postFile = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/products/{id}/files',
  tags,
  summary:
    'Add a photo (JPEG, PNG, WebP) or a document (PDF) as raw bytes, up to 1 MB, type checked on the bytes (audited)',
  request: { params: idParamSchema, query: fileQuerySchema, body: { content: fileContent, required: true } },
  responses: { 201: jsonResponse(createdSchema, 'The new file') },
});
const getFile = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/files/{id}',
  tags,
  summary: 'The bytes of a product photo or document',
  request: { params: idParamSchema },
  responses: { 200: { content: fileContent, description: 'The file' } },
});
const deleteFile = defineRoute({
  access: 'catalogue.manage',
  method: 'delete',
  path: '/api/catalogue/products/{id}/files/{fileId}',
  tags,
  summary: 'Remove a photo or document of a product (audited)',
  request: { params: fileParamSchema },
  responses: { 204: { description: 'Removed' } },
});

const listDistributors = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/distributors',
  tags,
  summary: 'The distributors, by name',
  responses: { 200: jsonResponse(distributorListSchema, 'The distributors') },
});
const addDistributor = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/distributors',
  tags,
  summary: 'Add a distributor (audited)',
  request: jsonBody(distributorInputSchema),
  responses: { 201: jsonResponse(createdSchema, 'The new distributor') },
});
const putDistributor = defineRoute({
  access: 'catalogue.manage',
  method: 'put',
  path: '/api/catalogue/distributors/{id}',
  tags,
  summary: 'Change a distributor (audited)',
  request: { params: idParamSchema, ...jsonBody(distributorInputSchema) },
  responses: { 204: { description: 'Saved' } },
});

const isoList = defineRoute({
  access: 'catalogue.read',
  method: 'get',
  path: '/api/catalogue/iso-codes',
  tags,
  summary: "The shipped ISO 9999 classes (our labels) and the workspace's imported subclasses and divisions",
  responses: { 200: jsonResponse(isoListSchema, 'The ISO list') },
});
const isoImport = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/iso-codes/import',
  tags,
  summary:
    "Import the workspace's licensed ISO 9999 list (CSV or XLSX, base64, code and label rows); any bad line refuses the file (400, report in details.report) (audited)",
  request: jsonBody(importFileSchema),
  responses: { 200: jsonResponse(importReportSchema, 'The line-by-line report') },
});

const productImport = defineRoute({
  access: 'catalogue.manage',
  method: 'post',
  path: '/api/catalogue/product-imports',
  tags,
  summary:
    'Import products from a CSV or XLSX file (base64), each line checked like the product form; any bad line refuses the file (400, report in details.report), otherwise all are created in one transaction (audited)',
  request: jsonBody(tableFileSchema),
  responses: { 200: jsonResponse(importReportSchema, 'The line-by-line report') },
});
const productImportTemplateRoute = defineRoute({
  access: 'catalogue.manage',
  method: 'get',
  path: '/api/catalogue/product-imports/template.csv',
  tags,
  summary: "The product import template: the header line (CSV, UTF-8 with BOM, ';' separated)",
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The template' } },
});

export function mountCatalogueRoutes(router: Router) {
  router.openapi(search, async (c) => c.json(await searchCatalogue(dbOf(c), c.var.actor, c.req.valid('query')), 200));
  router.openapi(create, async (c) =>
    c.json(await createProduct(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(getOne, async (c) => c.json(await getProduct(dbOf(c), c.var.actor, c.req.valid('param').id), 200));
  router.openapi(update, async (c) =>
    c.json(
      await updateProduct(dbOf(c), c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  );
  router.openapi(history, async (c) =>
    c.json(await getProductHistory(dbOf(c), c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(postFile, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const { kind, caption } = c.req.valid('query');
    const upload = { kind, mediaType, bytes, caption: caption ?? '' };
    return c.json(await uploadProductFile(dbOf(c), c.var.actor, c.req.valid('param').id, upload, c.var.requestId), 201);
  });
  router.openapi(getFile, async (c) => {
    const file = await readProductFile(dbOf(c), c.var.actor, c.req.valid('param').id);
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.mediaType,
      'Cache-Control': 'private, no-store',
    });
  });
  router.openapi(deleteFile, async (c) => {
    const { id, fileId } = c.req.valid('param');
    await removeProductFile(dbOf(c), c.var.actor, id, fileId, c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(listDistributors, async (c) => c.json(await getDistributors(dbOf(c), c.var.actor), 200));
  router.openapi(addDistributor, async (c) =>
    c.json(await createDistributor(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 201),
  );
  router.openapi(putDistributor, async (c) => {
    await editDistributor(dbOf(c), c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.requestId);
    return c.body(null, 204);
  });
  router.openapi(productImport, async (c) =>
    c.json(await importProducts(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 200),
  );
  router.openapi(productImportTemplateRoute, (c) =>
    c.body(productImportTemplate(), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${messages.catalogue.productImport.templateFile}"`,
    }),
  );
  router.openapi(isoList, async (c) => c.json(await getIsoList(dbOf(c), c.var.actor), 200));
  router.openapi(isoImport, async (c) =>
    c.json(await importIsoList(dbOf(c), c.var.actor, c.req.valid('json'), c.var.requestId), 200),
  );
}
