import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditRecord } from '#src/shared/audit/chain.ts';
import { verifyAuditChain } from '#src/shared/audit/verify.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { notFound } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { exportAuditLog } from '#src/modules/platform/service/export-audit-log.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  createOrganization,
  createPerson,
  createUser,
  createWorkspace,
  TEST_PASSWORD,
} from '#tests/fixtures/factories.ts';
import { signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;

// Workspace A: the one under test. Workspace B: its neighbour, whose rows must never show.
const a = { workspaceId: '', personId: '', otherPersonId: '' };
const b = { workspaceId: '', personId: '' };
let manager: RoleSession;
let admin: RoleSession;
let referent: RoleSession;
let trickyReferent: RoleSession;
let managerB: RoleSession;
let referentB: RoleSession;

const TRICKY_NAME = 'Dupont; "Jo"\nMartin';

/**
 * Appends rows dated in the past, chained exactly as writeAudit does (same lock, same hash), so
 * date filters can be tested on known instants and the chain still verifies.
 */
async function appendDated(workspaceId: string, rows: { at: string; action: string }[]) {
  for (const row of rows) {
    const { rows: lastRows } = await database.execute(
      'select seq::int as seq, hash from audit_log where workspace_id = $1 order by seq desc limit 1',
      [workspaceId],
    );
    const last = lastRows[0] as { seq: number; hash: string } | undefined;
    const record = {
      workspaceId,
      seq: (last?.seq ?? 0) + 1,
      id: newId(),
      at: row.at,
      actorUserId: manager.userId,
      action: row.action,
      entityType: 'test',
      entityId: null,
      personId: null,
      changedFields: [],
      requestId: null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await database.execute(
      `insert into audit_log (workspace_id, seq, id, at, actor_user_id, action, entity_type, changed_fields, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, '[]'::jsonb, $8, $9)`,
      [
        workspaceId,
        record.seq,
        record.id,
        record.at,
        record.actorUserId,
        record.action,
        record.entityType,
        record.prevHash,
        hashAuditRecord(record),
      ],
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  a.workspaceId = await createWorkspace(db, { name: 'Espace Camargue' });
  b.workspaceId = await createWorkspace(db, { name: 'Espace Vercors' });
  const ccasA = await createOrganization(db, a.workspaceId);
  const ccasB = await createOrganization(db, b.workspaceId);
  // The manager exists before the dated rows (their author) but signs in after them, so those rows
  // are seq 1–5 whatever the sign-ins add to the log.
  const managerUser = await createUser(db, {
    workspaceId: a.workspaceId,
    organizationId: ccasA,
    role: 'manager',
    name: 'Mireille Directrice',
  });
  manager = { role: 'manager', ...managerUser, cookie: '' };
  // Paris days: 2025-01-15 runs from 2025-01-14T23:00Z to 2025-01-15T23:00Z (winter, UTC+1).
  await appendDated(a.workspaceId, [
    { at: '2025-01-14T22:59:59.000Z', action: 'organization.create' },
    { at: '2025-01-14T23:00:00.000Z', action: 'person_note.read' },
    { at: '2025-01-15T12:00:00.000Z', action: 'persona.read' },
    { at: '2025-01-15T22:59:59.999Z', action: 'organization.update' },
    { at: '2025-01-15T23:00:00.000Z', action: 'person.update' },
  ]);

  manager.cookie = await t.signIn(managerUser.email, TEST_PASSWORD);
  admin = await signInWithRole(t, database, { workspaceId: a.workspaceId, organizationId: ccasA, role: 'admin' });
  referent = await signInWithRole(t, database, {
    workspaceId: a.workspaceId,
    organizationId: ccasA,
    role: 'referent',
    name: 'Claire Référente',
  });
  trickyReferent = await signInWithRole(t, database, {
    workspaceId: a.workspaceId,
    organizationId: ccasA,
    role: 'referent',
    name: TRICKY_NAME,
  });
  managerB = await signInWithRole(t, database, { workspaceId: b.workspaceId, organizationId: ccasB, role: 'manager' });
  referentB = await signInWithRole(t, database, {
    workspaceId: b.workspaceId,
    organizationId: ccasB,
    role: 'referent',
  });

  const caseTeam = (...users: RoleSession[]) => users.map((u) => ({ userId: u.userId, organizationId: ccasA }));
  a.personId = await createPerson(db, {
    workspaceId: a.workspaceId,
    owningOrganizationId: ccasA,
    caseTeam: caseTeam(referent, trickyReferent),
  });
  a.otherPersonId = await createPerson(db, {
    workspaceId: a.workspaceId,
    owningOrganizationId: ccasA,
    caseTeam: caseTeam(referent),
  });
  b.personId = await createPerson(db, {
    workspaceId: b.workspaceId,
    owningOrganizationId: ccasB,
    caseTeam: [{ userId: referentB.userId, organizationId: ccasB }],
  });
  for (const [session, personId] of [
    [trickyReferent, a.personId],
    [referent, a.otherPersonId],
    [referent, a.otherPersonId],
    [referentB, b.personId],
    [referentB, b.personId],
  ] as const) {
    expect((await t.call(`/api/people/${personId}`, { cookie: session.cookie })).status).toBe(200);
  }
});
afterAll(async () => {
  t.close();
  await database.close();
});

type Entry = {
  seq: number;
  at: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  action: string;
  personId: string | null;
  requestId: string | null;
};

const search = async (query: string, cookie = manager.cookie) => {
  const res = await t.call(`/api/audit${query ? `?${query}` : ''}`, { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json as { items: Entry[]; nextBefore: number | null };
};
const seqsOf = async (query: string) => (await search(query)).items.map((e) => e.seq);

/** Follows nextBefore to the end. */
async function allPages(query: string, cookie = manager.cookie): Promise<Entry[]> {
  const items: Entry[] = [];
  let before: number | null = null;
  do {
    const page = await search(`${query}&limit=200${before ? `&before=${before}` : ''}`, cookie);
    items.push(...page.items);
    before = page.nextBefore;
  } while (before !== null);
  return items;
}

async function sqlSeqs(where: string, values: unknown[]): Promise<number[]> {
  const { rows } = await database.execute(
    `select seq::int as seq from audit_log where ${where} order by seq desc`,
    values,
  );
  return rows.map((r) => r.seq as number);
}

/** The raw bytes of a download: Response.text() would silently drop the byte order mark. */
async function download(query: string, cookie = manager.cookie) {
  const res = await t.app.request(`${TEST_ORIGIN}/api/audit/export.csv${query ? `?${query}` : ''}`, {
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** RFC 4180 with ';': quoted cells may hold separators, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) throw new Error(`unterminated last line: ${JSON.stringify([...row, cell])}`);
  return rows;
}

describe('who may read the audit log', () => {
  it('answers 404, like a missing page, to a role without audit.read', async () => {
    for (const path of ['/api/audit', '/api/audit/export.csv']) {
      const res = await t.call(path, { cookie: referent.cookie });
      expect({ path, status: res.status, body: res.json }).toEqual({ path, status: 404, body: notFound().toBody() });
    }
  });

  it('opens to managers and administrators, and asks anyone else to sign in', async () => {
    expect((await t.call('/api/audit', { cookie: manager.cookie })).status).toBe(200);
    expect((await t.call('/api/audit', { cookie: admin.cookie })).status).toBe(200);
    expect((await download('', admin.cookie)).res.status).toBe(200);
    expect((await t.call('/api/audit')).status).toBe(401);
    expect((await t.call('/api/audit/export.csv')).status).toBe(401);
  });
});

describe('searching the audit log', () => {
  it('shows each opening of a person file with its author and request id', async () => {
    const opened = await t.call(`/api/people/${a.personId}`, { cookie: referent.cookie });
    expect(opened.status).toBe(200);
    const { items } = await search(`personId=${a.personId}`);
    expect(items[0]).toEqual({
      seq: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actor: { id: referent.userId, name: 'Claire Référente', email: referent.email },
      action: 'person.read',
      entityType: 'person',
      entityId: a.personId,
      personId: a.personId,
      changedFields: [],
      requestId: opened.headers.get('x-request-id'),
    });
    expect(Date.now() - Date.parse(items[0]!.at)).toBeLessThan(60_000);
    // The earlier opening by the other referent is there too, older.
    expect(items.map((e) => [e.action, e.actor?.id])).toEqual([
      ['person.read', referent.userId],
      ['person.read', trickyReferent.userId],
    ]);
  });

  it('filters by author', async () => {
    const items = await allPages(`userId=${referent.userId}`);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((e) => e.actor?.id === referent.userId)).toBe(true);
    expect(items.map((e) => e.seq)).toEqual(
      await sqlSeqs('workspace_id = $1 and actor_user_id = $2', [a.workspaceId, referent.userId]),
    );
  });

  it('filters by exact action or by prefix, a _ in the prefix being no wildcard', async () => {
    expect(await seqsOf('action=organization.create')).toEqual([1]);
    expect(await seqsOf('action=%20Organization.Create%20')).toEqual([1]);
    expect(await seqsOf('action=organization.*')).toEqual([4, 1]);
    expect(await seqsOf('action=person_*')).toEqual([2]);
    const personActions = (await search('action=person.*')).items.map((e) => e.action);
    expect(new Set(personActions)).toEqual(new Set(['person.read', 'person.update']));
    expect(await seqsOf('action=person')).toEqual([]);
  });

  it('filters by Paris calendar days, both ends inclusive', async () => {
    expect(await seqsOf('from=2025-01-15&to=2025-01-15')).toEqual([4, 3, 2]);
    expect(await seqsOf('to=2025-01-14')).toEqual([1]);
    const fromSixteenth = await seqsOf('from=2025-01-16&action=person.update');
    expect(fromSixteenth).toEqual([5]);
    expect(await seqsOf('from=2025-01-15&to=2025-01-15&action=organization.*')).toEqual([4]);
  });

  it('pages newest first with a before cursor, without gaps or repeats', async () => {
    const everything = await sqlSeqs('workspace_id = $1', [a.workspaceId]);
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = await search(`limit=3${before ? `&before=${before}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.seq));
      before = page.nextBefore;
      pages += 1;
    } while (before !== null);
    expect(seen).toEqual(everything);
    expect(pages).toBe(Math.ceil(everything.length / 3));
    expect((await search('limit=200')).nextBefore).toBeNull();
  });

  it('rejects bad filters with a French message on the field', async () => {
    const issuesOf = async (query: string) => {
      const res = await t.call(`/api/audit?${query}`, { cookie: manager.cookie });
      expect(res.status, query).toBe(400);
      expect(res.json.code).toBe('validation_failed');
      return res.json.issues as { path: string; message: string }[];
    };
    expect(await issuesOf('from=2025-02-30')).toEqual([
      { path: 'from', message: 'Saisissez une date valide au format AAAA-MM-JJ, par exemple 2026-01-15.' },
    ]);
    expect(await issuesOf('to=15/01/2025')).toEqual([expect.objectContaining({ path: 'to' })]);
    expect(await issuesOf('from=2025-01-16&to=2025-01-15')).toEqual([
      { path: 'to', message: 'La date de fin doit être identique ou postérieure à la date de début.' },
    ]);
    expect((await issuesOf('limit=201'))[0]).toEqual({
      path: 'limit',
      message: 'Le nombre de lignes doit être un entier compris entre 1 et 200.',
    });
    expect((await issuesOf('userId=abc'))[0]).toEqual({
      path: 'userId',
      message: 'Identifiant d’utilisateur invalide.',
    });
    expect((await issuesOf('personId=abc'))[0]!.path).toBe('personId');
    expect((await issuesOf("action=person.read'%20or%201=1"))[0]!.path).toBe('action');
    expect((await issuesOf('before=0'))[0]!.path).toBe('before');
    const exportRes = await t.call('/api/audit/export.csv?from=2025-1-5', { cookie: manager.cookie });
    expect(exportRes.status).toBe(400);
    expect(exportRes.json.issues).toEqual([expect.objectContaining({ path: 'from' })]);
  });

  it("never shows another workspace's rows, even when asked for them", async () => {
    const everything = await allPages('');
    expect(everything.map((e) => e.seq)).toEqual(await sqlSeqs('workspace_id = $1', [a.workspaceId]));
    const bUsers = new Set([managerB.userId, referentB.userId]);
    expect(everything.filter((e) => e.personId === b.personId || bUsers.has(e.actor?.id ?? ''))).toEqual([]);
    expect((await search(`personId=${b.personId}`)).items).toEqual([]);
    expect((await search(`userId=${referentB.userId}`)).items).toEqual([]);

    const seenByB = await allPages('', managerB.cookie);
    expect(seenByB.map((e) => e.seq)).toEqual(await sqlSeqs('workspace_id = $1', [b.workspaceId]));
    expect(seenByB.filter((e) => e.action === 'person.read').map((e) => [e.personId, e.actor?.id])).toEqual([
      [b.personId, referentB.userId],
      [b.personId, referentB.userId],
    ]);
  });
});

describe('exporting the audit log as CSV', () => {
  it('downloads UTF-8 with a byte order mark, ; separators, a French header and a dated file name', async () => {
    const { res, bytes, text } = await download('');
    expect(res.status).toBe(200);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="journal-audit-${parisDay(new Date())}.csv"`,
    );
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'N°;Date et heure (Paris);Horodatage UTC;Auteur (identifiant);Auteur (nom);Auteur (e-mail);Action;Type d’objet;Identifiant de l’objet;Personne concernée (identifiant);Champs modifiés;Identifiant de requête',
    );
    const rows = parseCsv(text.slice(1));
    expect(rows.every((r) => r.length === 12)).toBe(true);
    const dated = rows.find((r) => r[0] === '2')!;
    expect(dated.slice(0, 3)).toEqual(['2', '2025-01-15 00:00:00', '2025-01-14T23:00:00.000Z']);
  });

  it('quotes a cell holding quotes, a semicolon or a line break, and reads back unchanged', async () => {
    const { text } = await download(`personId=${a.personId}&userId=${trickyReferent.userId}`);
    expect(text).toContain(`;"Dupont; ""Jo""\nMartin";${trickyReferent.email};person.read;`);
    const rows = parseCsv(text.slice(1));
    expect(rows.slice(1).map((r) => [r[3], r[4], r[6], r[9]])).toEqual([
      [trickyReferent.userId, TRICKY_NAME, 'person.read', a.personId],
    ]);
  });

  it('records the export in the log before sending it, then lists every matching row once', async () => {
    const { res, text } = await download('');
    const requestId = res.headers.get('x-request-id');
    const rows = parseCsv(text.slice(1)).slice(1);
    expect(rows[0]!.slice(3, 12)).toEqual([
      manager.userId,
      'Mireille Directrice',
      manager.email,
      'audit.export',
      'audit_log',
      '',
      '',
      '',
      requestId,
    ]);
    expect(rows.map((r) => Number(r[0]))).toEqual(await sqlSeqs('workspace_id = $1', [a.workspaceId]));

    const logged = await search('action=audit.export&limit=1');
    expect(logged.items[0]).toMatchObject({ actor: { id: manager.userId }, requestId });
  });

  it("applies the filters, names the person in the export's own entry, and never includes another workspace", async () => {
    const { res, text } = await download(`personId=${a.otherPersonId}`);
    const rows = parseCsv(text.slice(1)).slice(1);
    expect(rows.map((r) => r[6])).toEqual(['audit.export', 'person.read', 'person.read']);
    expect(rows.every((r) => r[9] === a.otherPersonId)).toBe(true);
    expect((await search('action=audit.export&limit=1')).items[0]).toMatchObject({
      personId: a.otherPersonId,
      requestId: res.headers.get('x-request-id'),
    });

    const all = await download('');
    for (const marker of [b.workspaceId, b.personId, managerB.userId, referentB.userId, referentB.email]) {
      expect(all.text).not.toContain(marker);
    }
    const empty = await download(`personId=${b.personId}`);
    expect(
      parseCsv(empty.text.slice(1))
        .slice(1)
        .map((r) => r[6]),
    ).toEqual(['audit.export']);
  });

  it('reads the log in keyset batches that join into the same rows as the search', async () => {
    const actor = { userId: manager.userId, workspaceId: a.workspaceId } as Actor;
    const { stream } = await exportAuditLog(database.db, actor, {}, newId(), { batchSize: 4 });
    const rows = parseCsv((await new Response(stream).text()).replace(/^\uFEFF/, '')).slice(1);
    const searched = await allPages('');
    expect(rows.map((r) => Number(r[0]))).toEqual(searched.map((e) => e.seq));
    expect(rows.length).toBeGreaterThan(3 * 4);
  });
});

describe('after all this activity', () => {
  it("both workspaces' chains verify clean", async () => {
    expect((await verifyAuditChain(database.db, a.workspaceId)).breaks).toEqual([]);
    expect((await verifyAuditChain(database.db, b.workspaceId)).breaks).toEqual([]);
  });
});
