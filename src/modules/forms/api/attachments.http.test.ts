import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'admin' | 'otherWorkspace', RoleSession>;
let personId = '';
let otherPersonId = '';
let versionId = '';

// A real 1×1 PNG; the other "files" only need the right first bytes.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = (size = 64) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size)]);
const jpeg = (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size)]);

async function upload(
  cookie: string,
  options: { person?: string; id?: string; kind: string; type: string; bytes: Buffer; name?: string },
) {
  const query = new URLSearchParams({ kind: options.kind, name: options.name ?? 'fichier', id: options.id ?? newId() });
  const res = await t.app.request(
    `${TEST_ORIGIN}/api/people/${options.person ?? personId}/attachments?${query.toString()}`,
    {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie, 'content-type': options.type },
      body: new Uint8Array(options.bytes),
    },
  );
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  s.referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  s.outsider = await signInWithRole(t, database, {
    workspaceId: ws,
    organizationId: await createOrganization(db, ws, { kind: 'ccas' }),
    role: 'referent',
  });
  s.admin = await signInAdmin(t, database, ws, ccas);
  const otherWs = await createWorkspace(db);
  s.otherWorkspace = await signInWithRole(t, database, {
    workspaceId: otherWs,
    organizationId: await createOrganization(db, otherWs),
    role: 'referent',
  });
  const caseTeam = [{ userId: s.referent.userId, organizationId: ccas }];
  personId = await createPerson(db, { workspaceId: ws, owningOrganizationId: ccas, caseTeam });
  otherPersonId = await createPerson(db, { workspaceId: ws, owningOrganizationId: ccas, caseTeam });
  const created = await t.call('/api/admin/form-templates', {
    cookie: s.admin.cookie,
    body: {
      key: 'visite_photos',
      title: 'Visite avec photos',
      kind: 'home_visit',
      definition: {
        sections: [
          {
            name: 'visite',
            title: 'Visite',
            items: [
              { type: 'signature', name: 'accord', label: 'J’accepte la visite' },
              {
                type: 'repeat',
                name: 'pieces',
                label: 'Pièces',
                itemLabel: 'Pièce',
                questions: [
                  { type: 'text', name: 'piece', label: 'Pièce' },
                  { type: 'photo', name: 'photo', label: 'Photo de la pièce' },
                ],
              },
            ],
          },
        ],
      },
    },
  });
  expect(created.status).toBe(201);
  versionId = created.json.versionId;
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('upload', () => {
  it('stores a signature once: a replay answers 200 with the same metadata and writes no second audit row', async () => {
    const id = newId();
    const first = await upload(s.referent.cookie, {
      id,
      kind: 'signature',
      type: 'image/png',
      bytes: png,
      name: 'signature.png',
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      id,
      personId,
      kind: 'signature',
      fileName: 'signature.png',
      mediaType: 'image/png',
      byteSize: png.length,
    });
    expect(first.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const replay = await upload(s.referent.cookie, {
      id,
      kind: 'signature',
      type: 'image/png',
      bytes: png,
      name: 'signature.png',
    });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect((await auditRowsOf(database, id)).map((r) => [r.action, r.changedFields])).toEqual([
      ['form_attachment.created', ['content', 'fileName', 'kind', 'mediaType']],
    ]);
    const elsewhere = await upload(s.referent.cookie, {
      id,
      person: otherPersonId,
      kind: 'signature',
      type: 'image/png',
      bytes: png,
    });
    expect(elsewhere.status).toBe(409);
  });

  it('refuses a photo over 5 MB and a document over 10 MB on the field "file", but takes a 2 MB one (over the 1 MB of other routes)', async () => {
    const bigPhoto = await upload(s.referent.cookie, {
      kind: 'photo',
      type: 'image/jpeg',
      bytes: jpeg(5 * 1024 * 1024),
    });
    expect(bigPhoto.status).toBe(400);
    expect(bigPhoto.json.issues).toEqual([{ path: 'file', message: 'Le fichier dépasse la taille maximale de 5 Mo.' }]);
    const bigFile = await upload(s.referent.cookie, {
      kind: 'file',
      type: 'application/pdf',
      bytes: pdf(10 * 1024 * 1024),
    });
    expect(bigFile.json.issues).toEqual([{ path: 'file', message: 'Le fichier dépasse la taille maximale de 10 Mo.' }]);
    const scan = await upload(s.referent.cookie, {
      kind: 'file',
      type: 'application/pdf',
      bytes: pdf(2 * 1024 * 1024),
    });
    expect(scan.status).toBe(201);
    expect(scan.json.byteSize).toBe(2 * 1024 * 1024 + 9);
  });

  it('checks the first bytes, not only the declared type', async () => {
    const renamed = await upload(s.referent.cookie, { kind: 'photo', type: 'image/png', bytes: pdf() });
    expect(renamed.status).toBe(400);
    expect(renamed.json.issues).toEqual([
      { path: 'file', message: 'Choisissez une photo au format JPEG, PNG ou WebP.' },
    ]);
    const jpegSignature = await upload(s.referent.cookie, { kind: 'signature', type: 'image/jpeg', bytes: jpeg() });
    expect(jpegSignature.json.issues).toEqual([{ path: 'file', message: 'La signature doit être une image PNG.' }]);
    const text = await upload(s.referent.cookie, { kind: 'file', type: 'text/plain', bytes: Buffer.from('bonjour') });
    expect(text.json.issues).toEqual([
      { path: 'file', message: 'Choisissez un document PDF ou une image JPEG ou PNG.' },
    ]);
    const empty = await upload(s.referent.cookie, { kind: 'file', type: 'application/pdf', bytes: Buffer.alloc(0) });
    expect(empty.json.issues).toEqual([{ path: 'file', message: 'Le fichier est vide.' }]);
  });

  it('answers 404 for a person outside the case team or in another workspace, whatever the parameters', async () => {
    for (const session of [s.outsider, s.otherWorkspace]) {
      expect((await upload(session.cookie, { kind: 'photo', type: 'image/png', bytes: png })).status).toBe(404);
      expect((await upload(session.cookie, { kind: 'video', type: 'image/png', bytes: png })).status).toBe(404);
    }
    const visible = await upload(s.referent.cookie, { kind: 'video', type: 'image/png', bytes: png });
    expect(visible.status).toBe(400);
    expect(visible.json.issues.map((i: { path: string }) => i.path)).toEqual(['kind']);
  });
});

describe('download', () => {
  it('streams the bytes privately to the case team, audits the read, and hides it from others', async () => {
    const id = newId();
    await upload(s.referent.cookie, { id, kind: 'photo', type: 'image/png', bytes: png, name: 'salle de bain é.png' });
    const res = await t.app.request(`${TEST_ORIGIN}/api/attachments/${id}`, {
      headers: { origin: TEST_ORIGIN, cookie: s.referent.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''salle%20de%20bain%20%C3%A9.png");
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    for (const session of [s.outsider, s.otherWorkspace]) {
      expect((await t.call(`/api/attachments/${id}`, { cookie: session.cookie })).status).toBe(404);
    }
    expect((await auditRowsOf(database, id)).map((r) => [r.action, r.actorUserId])).toEqual([
      ['form_attachment.created', s.referent.userId],
      ['form_attachment.read', s.referent.userId],
    ]);
  });
});

describe('answers referring to attachments', () => {
  it('refuses, on the question path, an attachment of another person, of another kind, or missing', async () => {
    const mine = (await upload(s.referent.cookie, { kind: 'photo', type: 'image/png', bytes: png })).json.id;
    const theirs = (
      await upload(s.referent.cookie, { person: otherPersonId, kind: 'photo', type: 'image/png', bytes: png })
    ).json.id;
    const res = await t.call(`/api/people/${personId}/form-responses`, {
      cookie: s.referent.cookie,
      body: {
        templateVersionId: versionId,
        answers: {
          accord: mine,
          pieces: [
            { piece: 'Cuisine', photo: mine },
            { piece: 'Salle de bain', photo: theirs },
            { piece: 'Chambre', photo: newId() },
          ],
        },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'answers.accord', message: 'Cette pièce jointe n’est pas du type attendu par la question.' },
      { path: 'answers.pieces.1.photo', message: 'Cette pièce jointe concerne une autre personne.' },
      { path: 'answers.pieces.2.photo', message: 'Cette pièce jointe est introuvable : ajoutez-la à nouveau.' },
    ]);
    const signature = (await upload(s.referent.cookie, { kind: 'signature', type: 'image/png', bytes: png })).json.id;
    const ok = await t.call(`/api/people/${personId}/form-responses`, {
      cookie: s.referent.cookie,
      body: {
        templateVersionId: versionId,
        answers: { accord: signature, pieces: [{ piece: 'Cuisine', photo: mine }] },
      },
    });
    expect(ok.status).toBe(201);
  });
});
