import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { AppError } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { addCaseTeamMemberForActor, isOnCaseTeam } from '#src/modules/people/service/case-team.ts';
import { recordConsent, withdrawConsent } from '#src/modules/people/service/consents.ts';
import { createPersonForActor } from '#src/modules/people/service/create-person.ts';
import { mergePersons } from '#src/modules/people/service/merge-persons.ts';
import { findPersonForActor, getPersonFile } from '#src/modules/people/service/person-views.ts';
import { createOrganization, createPerson, createUser, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let ws = '';
let ccas = '';
let landlordOrg = '';
let referent: Actor;
let landlordActor: Actor;

function actorOf(user: { userId: string; email: string }, organizationId: string, role: Role): Actor {
  return {
    userId: user.userId,
    sessionId: 'test',
    email: user.email,
    name: role,
    workspaceId: ws,
    workspaceName: 'Espace',
    memberships: [{ organizationId, organizationName: '', organizationKind: '', role }],
    permissions: new Set(rolePermissions[role]),
    twoFactorSetupRequired: false,
  };
}

const create = (input: { firstName: string; lastName: string; birthDate?: string }, allowDuplicate = false) =>
  database.db.transaction((tx) => createPersonForActor(tx, referent, input, { allowDuplicate, requestId: 'test' }));

async function duplicatesOf(input: { firstName: string; lastName: string; birthDate?: string }) {
  try {
    await create(input);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
    return error.details?.candidates as { person: { id: string } | null; organizationName: string }[];
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  landlordOrg = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  const r = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  const l = await createUser(db, { workspaceId: ws, organizationId: landlordOrg, role: 'landlord' });
  referent = actorOf(r, ccas, 'referent');
  landlordActor = actorOf(l, landlordOrg, 'landlord');
});
afterAll(async () => {
  await database.close();
});

describe('duplicate detection on creation', () => {
  let lefevre = '';
  beforeAll(async () => {
    lefevre = (await create({ firstName: 'Émile', lastName: 'Lefèvre', birthDate: '1938-02-23' })).id;
  });

  it('finds the file despite accents and case', async () => {
    const candidates = await duplicatesOf({ firstName: 'EMILE', lastName: 'lefevre', birthDate: '1938-02-23' });
    expect(candidates?.map((c) => c.person?.id)).toEqual([lefevre]);
  });

  it('finds it despite a small typo, and with first and last names swapped', async () => {
    expect(
      (await duplicatesOf({ firstName: 'Emile', lastName: 'Lefebvre', birthDate: '1938-02-23' }))?.[0]?.person?.id,
    ).toBe(lefevre);
    expect(
      (await duplicatesOf({ firstName: 'Lefèvre', lastName: 'Émile', birthDate: '1938-02-23' }))?.[0]?.person?.id,
    ).toBe(lefevre);
  });

  it('does not match another birth date or another first name', async () => {
    expect(await duplicatesOf({ firstName: 'Émile', lastName: 'Lefèvre', birthDate: '1938-02-24' })).toBeNull();
    expect(await duplicatesOf({ firstName: 'Marguerite', lastName: 'Lefèvre', birthDate: '1938-02-23' })).toBeNull();
  });

  it('matches on the name alone when a birth date is missing on either side', async () => {
    expect((await duplicatesOf({ firstName: 'Emile', lastName: 'Lefevre' }))?.[0]?.person?.id).toBe(lefevre);
    const undated = (await create({ firstName: 'Rosalie', lastName: 'Vermeersch' })).id;
    expect(
      (await duplicatesOf({ firstName: 'Rosalie', lastName: 'Vermeersch', birthDate: '1940-01-01' }))?.[0]?.person?.id,
    ).toBe(undated);
  });

  it('names only the organisation of a file the user may not open', async () => {
    const other = await createOrganization(database.db, ws, { kind: 'ccas', name: 'CCAS voisin' });
    await createPerson(database.db, {
      workspaceId: ws,
      owningOrganizationId: other,
      firstName: 'Odette',
      lastName: 'Moreau',
      birthDate: '1941-06-01',
    });
    const candidates = await duplicatesOf({ firstName: 'Odette', lastName: 'Moreau', birthDate: '1941-06-01' });
    expect(candidates).toEqual([{ person: null, organizationName: 'CCAS voisin' }]);
  });

  it('creates anyway once the user says it is another person, with the creator on the case team', async () => {
    const { id } = await create({ firstName: 'Emile', lastName: 'Lefevre', birthDate: '1938-02-23' }, true);
    expect(id).not.toBe(lefevre);
    expect(await isOnCaseTeam(database.db, ws, id, referent.userId)).toBe(true);
  });
});

describe('merge', () => {
  it('re-points every row of any table referencing persons, keeps the duplicate row flagged and its audit', async () => {
    const db = database.db;
    // A table of some later module, unknown to the people module.
    await database.execute(`create table journal_test (
      workspace_id uuid not null, id uuid not null, person_id uuid not null, note text,
      primary key (workspace_id, id),
      foreign key (workspace_id, person_id) references persons (workspace_id, id))`);
    const kept = (await create({ firstName: 'Germaine', lastName: 'Duval', birthDate: '1944-03-12' })).id;
    const duplicate = (await create({ firstName: 'Germaine', lastName: 'Duvall', birthDate: '1944-03-12' }, true)).id;
    await getPersonFile(db, referent, duplicate, 'read-before-merge');
    await database.execute(
      `insert into journal_test values ($1, gen_random_uuid(), $2, 'visite'), ($1, gen_random_uuid(), $2, 'appel')`,
      [ws, duplicate],
    );
    const auditBefore = await database.execute('select seq, hash from audit_log where person_id = $1 order by seq', [
      duplicate,
    ]);

    await mergePersons(db, referent, { keptId: kept, duplicateId: duplicate, requestId: 'merge' });

    const journal = await database.execute('select person_id from journal_test');
    expect(journal.rows.map((r) => r.person_id)).toEqual([kept, kept]);
    const rows = await database.execute('select merged_into_id from persons where id = $1', [duplicate]);
    expect(rows.rows[0]!.merged_into_id).toBe(kept);
    const auditAfter = await database.execute('select seq, hash from audit_log where person_id = $1 order by seq', [
      duplicate,
    ]);
    expect(auditAfter.rows).toEqual(auditBefore.rows);
    const merge = await database.execute(
      "select changed_fields from audit_log where action = 'person.merge' and entity_id = $1",
      [kept],
    );
    expect(merge.rows).toHaveLength(1);
    expect(merge.rows[0]!.changed_fields).toEqual(expect.arrayContaining(['journal_test.person_id']));
    // The duplicate no longer opens as a file: it points at the kept one.
    expect(await findPersonForActor(db, referent, duplicate)).toBeNull();
    expect(await getPersonFile(db, referent, duplicate, 'after')).toEqual({ id: duplicate, mergedIntoId: kept });
    // The creator was on both teams: one active membership remains.
    const team = await database.execute(
      'select count(*)::int as n from case_team_members where person_id = $1 and user_id = $2 and removed_at is null',
      [kept, referent.userId],
    );
    expect(team.rows[0]!.n).toBe(1);
  });
});

describe('sharing consent and the case team', () => {
  it('refuses another organisation without consent, then withdrawing the consent ends that access at once', async () => {
    const db = database.db;
    const { id } = await create({ firstName: 'Lucienne', lastName: 'Caron', birthDate: '1939-11-02' });
    const add = () =>
      db.transaction((tx) =>
        addCaseTeamMemberForActor(tx, referent, {
          personId: id,
          userId: landlordActor.userId,
          organizationId: landlordOrg,
          roleLabel: 'Chargée de clientèle',
          requestId: 'add',
        }),
      );
    await expect(add()).rejects.toMatchObject({ code: 'validation_failed', issues: [{ path: 'consentId' }] });

    const consent = await recordConsent(db, referent, {
      personId: id,
      consent: { purpose: 'case_team_sharing', givenOn: '2026-01-10', scope: 'Bailleur et ergothérapeute' },
      requestId: 'consent',
    });
    await add();
    expect(await findPersonForActor(db, landlordActor, id)).not.toBeNull();

    const result = await withdrawConsent(db, referent, {
      personId: id,
      consentId: consent.id,
      reason: 'La personne ne souhaite plus de partage',
      requestId: 'withdraw',
    });
    expect(result.removedMembers).toBe(1);
    expect(await findPersonForActor(db, landlordActor, id)).toBeNull();
    // The owning organisation's members kept their access.
    expect(await findPersonForActor(db, referent, id)).not.toBeNull();
  });
});
