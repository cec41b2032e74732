import { z } from '@hono/zod-openapi';
import { defineRoute, jsonResponse, type Router } from '#src/shared/http/route.ts';
import {
  attachmentMediaTypes,
  attachmentSchema,
  attachmentUploadQueryDocSchema,
} from '#src/modules/forms/api/attachments.schema.ts';
import { idParamSchema } from '#src/modules/forms/api/form.schema.ts';
import { bareMediaType } from '#src/modules/forms/service/attachments-content.ts';
import { readAttachment, uploadAttachment } from '#src/modules/forms/service/attachments.ts';

const tags = ['forms'];
const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };
const everyMediaType = [...new Set(Object.values(attachmentMediaTypes).flat())];
const binaryContent = Object.fromEntries(everyMediaType.map((type) => [type, binary]));

/**
 * The upload is the file's raw bytes with its own Content-Type (no multipart): the offline outbox
 * keeps a Blob and replays it as is. The API-wide 1 MB body limit does not apply to this path;
 * each kind's limit is enforced while reading (see `isAttachmentUpload`).
 */
const uploadRoute = defineRoute({
  access: 'person.write',
  method: 'post',
  path: '/api/people/{id}/attachments',
  tags,
  summary:
    'Upload a photo, document or consent signature about a person (raw bytes); replaying the same client id stores it once',
  request: {
    params: idParamSchema,
    query: attachmentUploadQueryDocSchema,
    body: { content: binaryContent, required: true },
  },
  responses: {
    201: jsonResponse(attachmentSchema, 'Stored'),
    200: jsonResponse(attachmentSchema, 'Already stored'),
  },
});

const downloadRoute = defineRoute({
  access: 'person.read',
  method: 'get',
  path: '/api/attachments/{id}',
  tags,
  summary: 'The bytes of an attachment (audited read)',
  request: { params: idParamSchema },
  responses: { 200: { content: binaryContent, description: 'The attachment' } },
});

const uploadPath = /^\/api\/people\/[^/]+\/attachments$/;

/** True for the upload route, which enforces its own, larger, per-kind body limit. */
export const isAttachmentUpload = (method: string, path: string) => method === 'POST' && uploadPath.test(path);

export function mountAttachmentRoutes(router: Router) {
  router.openapi(uploadRoute, async (c) => {
    const { id: personId } = c.req.valid('param');
    const { attachment, created } = await uploadAttachment(
      c.var.deps.database.db,
      c.var.actor,
      personId,
      { query: c.req.valid('query'), mediaType: bareMediaType(c.req.header('content-type')), body: c.req.raw.body },
      c.var.requestId,
    );
    return c.json(attachment, created ? 201 : 200);
  });
  router.openapi(downloadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const file = await readAttachment(c.var.deps.database.db, c.var.actor, id, c.var.requestId);
    // Pictures show in the page; a PDF is downloaded rather than rendered from our origin.
    const disposition = file.mediaType.startsWith('image/') ? 'inline' : 'attachment';
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
    });
  });
}
