import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { readAttachment, uploadAttachment } from '#src/modules/forms/service/attachments.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { newActor } from '#tests/fixtures/actors.ts';

let database: Database;
let actor: Actor;
let personId = '';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const body = (bytes: Buffer) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId);
  actor = await newActor(db, { workspaceId, organizationId, role: 'referent' });
  personId = await createPerson(db, {
    workspaceId,
    owningOrganizationId: organizationId,
    caseTeam: [{ userId: actor.userId, organizationId }],
  });
});
afterAll(async () => {
  await database.close();
});

describe('uploadAttachment', () => {
  it('stores two racing replays of one upload once, with one audit row, and gives both the same metadata', async () => {
    const id = newId();
    const upload = (requestId: string) =>
      uploadAttachment(
        database.db,
        actor,
        personId,
        { query: { id, kind: 'signature', name: 'signature.png' }, mediaType: 'image/png', body: body(png) },
        requestId,
      );
    const [a, b] = await Promise.all([upload('r1'), upload('r2')]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.attachment).toEqual(b.attachment);
    const { rows } = await database.execute(
      "select (select count(*)::int from form_attachments where id = $1::uuid) as stored, (select count(*)::int from audit_log where entity_id::text = $2 and action = 'form_attachment.created') as audited",
      [id, id],
    );
    expect(rows[0]).toEqual({ stored: 1, audited: 1 });
    const read = await readAttachment(database.db, actor, id, 'r3');
    expect(read.content.equals(png)).toBe(true);
    expect(read.mediaType).toBe('image/png');
  });
});
