import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '#src/shared/audit/verify.ts';
import { writeAudit, type AuditEntry } from '#src/shared/audit/write.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { formatAuditVerification, verifyAllAuditChains } from '#src/modules/platform/service/verify-audit-chains.ts';
import { createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const entry = (workspaceId: string, n: number): AuditEntry => ({
  workspaceId,
  actorUserId: newId(),
  action: n % 2 ? 'person.read' : 'person.update',
  entityType: 'person',
  entityId: newId(),
  personId: newId(),
  changedFields: n % 2 ? [] : ['lastName', 'birthDate'],
  requestId: `req-${n}`,
});

/** Each entry in its own committed transaction, as requests write them. */
async function appendEntries(workspaceId: string, count: number) {
  for (let n = 1; n <= count; n += 1) await database.db.transaction((tx) => writeAudit(tx, entry(workspaceId, n)));
}

async function chainOf(workspaceId: string) {
  const { rows } = await database.execute(
    'select seq::int as seq, action, prev_hash, hash from audit_log where workspace_id = $1 order by seq',
    [workspaceId],
  );
  return rows as { seq: number; action: string; prev_hash: string; hash: string }[];
}

/** Edits the log behind the trigger's back, as someone with the table owner's rights could. */
async function tamper(statement: string) {
  await database.execute(`begin;
    alter table audit_log disable trigger audit_log_append_only;
    ${statement};
    alter table audit_log enable trigger audit_log_append_only;
    commit;`);
}

const brokenResult = async (workspaceId: string) =>
  (await verifyAllAuditChains(database.db)).workspaces.find((w) => w.workspaceId === workspaceId);

describe('audit chain', () => {
  it('links many entries of two interleaved workspaces and verifies them clean, batch after batch', async () => {
    const [first, second] = [await createWorkspace(database.db), await createWorkspace(database.db)];
    for (let n = 1; n <= 130; n += 1) {
      await database.db.transaction((tx) => writeAudit(tx, entry(n % 2 ? first : second, n)));
    }
    const chain = await chainOf(first);
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(chain[0]!.prev_hash).toBe('0'.repeat(64));
    chain.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(chain[i]!.hash));

    expect(await verifyAuditChain(database.db, first, 20)).toEqual({ workspaceId: first, rows: 65, breaks: [] });
    const all = await verifyAllAuditChains(database.db, { batchSize: 20 });
    for (const workspaceId of [first, second]) {
      expect(all.workspaces.find((w) => w.workspaceId === workspaceId)).toMatchObject({
        rows: 65,
        firstBreak: null,
        breakCount: 0,
      });
    }
  });

  it('stays linear when writers of one workspace run concurrently', async () => {
    const workspaceId = await createWorkspace(database.db);
    await Promise.all(
      Array.from({ length: 24 }, (_, n) => database.db.transaction((tx) => writeAudit(tx, entry(workspaceId, n)))),
    );
    expect((await chainOf(workspaceId)).map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect((await verifyAuditChain(database.db, workspaceId)).breaks).toEqual([]);
  });

  it('is refused any UPDATE, DELETE or TRUNCATE by the database itself', async () => {
    const workspaceId = await createWorkspace(database.db);
    await appendEntries(workspaceId, 2);
    const before = await chainOf(workspaceId);
    await expect(
      database.execute("update audit_log set action = 'person.delete' where workspace_id = $1 and seq = 1", [
        workspaceId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(database.execute('delete from audit_log where workspace_id = $1', [workspaceId])).rejects.toThrow(
      /append-only/,
    );
    await expect(database.execute('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await chainOf(workspaceId)).toEqual(before);
  });

  it('names the seq of a row whose content was altered, with reason hash', async () => {
    const workspaceId = await createWorkspace(database.db, { name: 'Espace altéré' });
    await appendEntries(workspaceId, 5);
    await tamper(`update audit_log set action = 'person.export' where workspace_id = '${workspaceId}' and seq = 3`);

    expect((await verifyAuditChain(database.db, workspaceId)).breaks).toEqual([
      { workspaceId, seq: 3, reason: 'hash' },
    ]);
    const verification = await verifyAllAuditChains(database.db);
    expect(verification.ok).toBe(false);
    expect(verification.workspaces.find((w) => w.workspaceId === workspaceId)).toMatchObject({
      workspaceName: 'Espace altéré',
      rows: 5,
      firstBreak: { seq: 3, reason: 'hash' },
      breakCount: 1,
    });
    expect(formatAuditVerification(verification)).toContain(
      `Espace « Espace altéré » (${workspaceId}) : 5 lignes vérifiées — CHAÎNE ROMPUE à la ligne n° 3 : le contenu de la ligne ne correspond plus à son empreinte`,
    );
  });

  it('detects a deleted middle row at the next seq (gap and broken link)', async () => {
    const workspaceId = await createWorkspace(database.db);
    await appendEntries(workspaceId, 5);
    await tamper(`delete from audit_log where workspace_id = '${workspaceId}' and seq = 3`);

    expect((await verifyAuditChain(database.db, workspaceId)).breaks).toEqual([
      { workspaceId, seq: 4, reason: 'gap' },
      { workspaceId, seq: 4, reason: 'link' },
    ]);
    expect(await brokenResult(workspaceId)).toMatchObject({
      rows: 4,
      firstBreak: { seq: 4, reason: 'gap' },
      breakCount: 2,
    });
  });

  it('detects a row re-hashed after editing through the next row’s link', async () => {
    const workspaceId = await createWorkspace(database.db);
    await appendEntries(workspaceId, 3);
    // Recomputing the edited row's own hash is not enough: the next row still names the old one.
    await tamper(`update audit_log set hash = repeat('a', 64) where workspace_id = '${workspaceId}' and seq = 2`);
    const { breaks } = await verifyAuditChain(database.db, workspaceId);
    expect(breaks).toEqual([
      { workspaceId, seq: 2, reason: 'hash' },
      { workspaceId, seq: 3, reason: 'link' },
    ]);
  });

  it('rolls the audit row back with the transaction it belongs to', async () => {
    const workspaceId = await createWorkspace(database.db);
    await appendEntries(workspaceId, 1);

    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, entry(workspaceId, 2));
        throw new Error('the write this entry records failed');
      }),
    ).rejects.toThrow(/failed/);
    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, entry(workspaceId, 3));
        await tx.execute('select 1 / 0');
      }),
    ).rejects.toThrow();
    expect((await chainOf(workspaceId)).map((r) => r.seq)).toEqual([1]);

    await appendEntries(workspaceId, 1);
    expect((await chainOf(workspaceId)).map((r) => r.seq)).toEqual([1, 2]);
    expect((await verifyAuditChain(database.db, workspaceId)).breaks).toEqual([]);
  });
});

describe('verification report', () => {
  it('says in French that every chain is intact, or that there is nothing to check', () => {
    const report = formatAuditVerification({
      ok: true,
      workspaces: [
        { workspaceId: 'w-1', workspaceName: 'Lille', rows: 12, firstBreak: null, breakCount: 0 },
        { workspaceId: 'w-2', workspaceName: null, rows: 1, firstBreak: null, breakCount: 0 },
      ],
    });
    expect(report).toBe(
      [
        'Vérification de l’intégrité du journal d’audit',
        '',
        'Espace « Lille » (w-1) : 12 lignes vérifiées — chaîne intègre.',
        'Espace w-2 : 1 ligne vérifiée — chaîne intègre.',
        '',
        'Résultat : les 2 espaces sont intègres.',
      ].join('\n'),
    );
    expect(formatAuditVerification({ ok: true, workspaces: [] })).toContain('Aucun espace à vérifier.');
  });
});
