import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import {
  createResponse,
  getResponse,
  getVersion,
  listTemplates,
  publishVersion,
} from '#src/modules/forms/service/forms.ts';
import { newId } from '#src/shared/db/ids.ts';
import { insertTemplate, insertVersion } from '#src/modules/forms/repo/forms.repo.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { newActor } from '#tests/fixtures/actors.ts';

let database: Database;

async function adminOfNewWorkspace(): Promise<Actor & { organizationId: string }> {
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId);
  // Administrators also do casework in a small CCAS; the test needs both.
  const actor = await newActor(db, { workspaceId, organizationId, role: 'admin', alsoAs: 'referent' });
  return { ...actor, organizationId };
}

const auditCount = async (workspaceId: string, action: string) => {
  const { rows } = await database.execute(
    'select count(*)::int as n from audit_log where workspace_id = $1 and action = $2',
    [workspaceId, action],
  );
  return rows[0]!.n as number;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('shipped templates', () => {
  it('are applied once per workspace, audited, even when two first uses race', async () => {
    const admin = await adminOfNewWorkspace();
    const [first, second] = await Promise.all([
      listTemplates(database.db, admin, 'r1'),
      listTemplates(database.db, admin, 'r2'),
    ]);
    expect(first.map((x) => x.key).sort()).toEqual([
      'etape_evaluation_domicile',
      'etape_premier_accueil',
      'lomme_entretien_logement_social',
      'lomme_visite_qualification',
    ]);
    expect(second.map((x) => x.id).sort()).toEqual(first.map((x) => x.id).sort());
    expect(await listTemplates(database.db, admin, 'r3')).toHaveLength(4);
    expect(await auditCount(admin.workspaceId, 'form_template.shipped_applied')).toBe(4);

    const other = await adminOfNewWorkspace();
    const theirs = await listTemplates(database.db, other, 'r4');
    expect(theirs.map((x) => x.id).filter((id) => first.some((f) => f.id === id))).toEqual([]);
  });

  it('reach a workspace that has some already: only the missing keys are added, the others left as edited', async () => {
    const admin = await adminOfNewWorkspace();
    // A workspace from before the L'Étape templates were shipped, whose grid was retitled.
    const templateId = newId();
    await insertTemplate(database.db, {
      workspaceId: admin.workspaceId,
      id: templateId,
      key: 'lomme_visite_qualification',
      title: 'Notre grille de visite',
      kind: 'home_visit',
    });
    await insertVersion(database.db, {
      workspaceId: admin.workspaceId,
      id: newId(),
      templateId,
      version: 1,
      definition: { sections: [{ name: 's', title: 'S', items: [{ type: 'text', name: 'q', label: 'Q' }] }] },
    });
    const listed = await listTemplates(database.db, admin, 'r1');
    expect(listed.map((x) => x.key).sort()).toEqual([
      'etape_evaluation_domicile',
      'etape_premier_accueil',
      'lomme_entretien_logement_social',
      'lomme_visite_qualification',
    ]);
    expect(listed.find((x) => x.key === 'lomme_visite_qualification')).toMatchObject({
      id: templateId,
      title: 'Notre grille de visite',
      latestVersion: 1,
    });
    expect(await auditCount(admin.workspaceId, 'form_template.shipped_applied')).toBe(3);
  });
});

describe('versions', () => {
  it('leave earlier versions and their responses exactly as they were', async () => {
    const admin = await adminOfNewWorkspace();
    const personId = await createPerson(database.db, {
      workspaceId: admin.workspaceId,
      owningOrganizationId: admin.organizationId,
      firstName: 'Louise',
      lastName: 'Lefebvre',
      caseTeam: [{ userId: admin.userId, organizationId: admin.organizationId }],
    });
    const grid = (await listTemplates(database.db, admin, 'r')).find((x) => x.key === 'lomme_visite_qualification')!;
    const v1 = await getVersion(database.db, admin, grid.latestVersionId);
    const saved = await createResponse(
      database.db,
      admin,
      personId,
      { templateVersionId: v1.id, answers: { date_visite: '2026-11-02', visite_binome: 'no' }, submit: false },
      'r',
    );

    const changed = structuredClone(v1.definition);
    changed.sections[0]!.title = 'La visite à domicile';
    const published = await publishVersion(database.db, admin, grid.id, { definition: changed }, 'r');
    expect(published.version).toBe(2);

    expect(await getVersion(database.db, admin, v1.id)).toEqual(v1);
    expect((await getVersion(database.db, admin, published.versionId)).definition.sections[0]!.title).toBe(
      'La visite à domicile',
    );
    expect((await listTemplates(database.db, admin, 'r')).find((x) => x.id === grid.id)).toMatchObject({
      latestVersionId: published.versionId,
      latestVersion: 2,
    });
    expect(await getResponse(database.db, admin, saved.id, 'r')).toMatchObject({
      templateVersionId: v1.id,
      version: 1,
      answers: { date_visite: '2026-11-02', visite_binome: 'no', pieces: [] },
    });
  });
});
