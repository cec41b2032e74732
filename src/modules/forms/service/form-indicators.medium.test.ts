import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import type { FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { createResponse, createTemplate, listTemplates, publishVersion } from '#src/modules/forms/service/forms.ts';
import { countHomeVisitDifficulties } from '#src/modules/forms/service/form-indicators.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { newActor } from '#tests/fixtures/actors.ts';

let database: Database;

const gridOf = (seLaver: string): FormDefinition => ({
  sections: [
    {
      name: 'visite',
      title: 'Visite',
      items: [
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces',
          itemLabel: 'Pièce',
          questions: [
            {
              type: 'single_choice',
              name: 'piece',
              label: 'Pièce',
              required: true,
              choices: [
                { value: 'cuisine', label: 'Cuisine' },
                { value: 'salle_de_bain', label: 'Salle de bain' },
              ],
            },
            {
              type: 'multiple_choice',
              name: 'difficultes',
              label: 'Difficultés',
              required: false,
              choices: [
                { value: 'se_laver', label: seLaver },
                { value: 'cuisiner', label: 'Préparer les repas' },
              ],
            },
          ],
        },
        {
          type: 'multiple_choice',
          name: 'difficultes_generales',
          label: 'Autres difficultés',
          required: false,
          choices: [{ value: 'isolement', label: 'Isolement' }],
        },
      ],
    },
  ],
});

const adminOf = (workspaceId: string, organizationId: string) =>
  newActor(database.db, { workspaceId, organizationId, role: 'admin', alsoAs: 'referent' });

async function workspaceWithGrid() {
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId);
  const admin = await adminOf(workspaceId, organizationId);
  const grid = await createTemplate(
    db,
    admin,
    { key: 'grille_test', title: 'Grille', kind: 'home_visit', definition: gridOf('Se laver') },
    'req',
  );
  const person = () =>
    createPerson(db, {
      workspaceId,
      owningOrganizationId: organizationId,
      caseTeam: [{ userId: admin.userId, organizationId }],
    });
  const fill = (personId: string, versionId: string, answers: Record<string, unknown>, submit = true) =>
    createResponse(db, admin, personId, { templateVersionId: versionId, answers, submit }, 'req');
  return { workspaceId, admin, grid, person, fill };
}

const thisYear = () => ({ from: '2000-01-01', to: parisDay(new Date()) });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('home-visit difficulties', () => {
  it('count persons once per difficulty and room, from submitted responses of the period only', async () => {
    const w = await workspaceWithGrid();
    const v2 = await publishVersion(
      database.db,
      w.admin,
      w.grid.id,
      { definition: gridOf('Se laver, se doucher') },
      'r',
    );
    const [anne, bruno, claire, denis, emile] = [
      await w.person(),
      await w.person(),
      await w.person(),
      await w.person(),
      await w.person(),
    ] as [string, string, string, string, string];
    // Anne: the same difficulty in two rooms and in two responses, counted once.
    await w.fill(anne, w.grid.versionId, {
      pieces: [
        { piece: 'salle_de_bain', difficultes: ['se_laver'] },
        { piece: 'cuisine', difficultes: ['se_laver', 'cuisiner'] },
      ],
    });
    await w.fill(anne, v2.versionId, { pieces: [{ piece: 'salle_de_bain', difficultes: ['se_laver'] }] });
    await w.fill(bruno, v2.versionId, {
      pieces: [{ piece: 'salle_de_bain', difficultes: ['se_laver'] }, { piece: 'cuisine' }],
      difficultes_generales: ['isolement'],
    });
    // Claire's response is a draft: nothing of it counts.
    await w.fill(claire, v2.versionId, { pieces: [{ piece: 'cuisine', difficultes: ['cuisiner'] }] }, false);
    // Denis's was submitted long before the period.
    const old = await w.fill(denis, v2.versionId, { pieces: [{ piece: 'cuisine', difficultes: ['cuisiner'] }] });
    await database.execute(`update form_responses set submitted_at = '1999-06-01T10:00:00Z' where id = $1`, [old.id]);
    // Émile's is on the shipped grid, which names its difficulties `activites_difficiles`.
    const shipped = (await listTemplates(database.db, w.admin, 'r')).find(
      (t) => t.key === 'lomme_visite_qualification',
    )!;
    await w.fill(emile, shipped.latestVersionId, {
      date_visite: '2026-01-10',
      pieces: [{ piece: 'salle_de_bain', activites_difficiles: ['se_laver'], gravite: 2 }],
      projet: 'rester_adapter',
      hesite: 'no',
      synthese: 'Salle de bain à adapter, la personne souhaite rester.',
    });
    // Another workspace's responses never count here.
    const other = await workspaceWithGrid();
    await other.fill(await other.person(), other.grid.versionId, {
      pieces: [{ piece: 'cuisine', difficultes: ['cuisiner'] }],
    });

    const counts = await countHomeVisitDifficulties(database.db, w.workspaceId, thisYear());
    expect(counts.responses).toBe(4);
    expect(counts.persons).toBe(3);
    expect(counts.byDifficulty).toEqual([
      // The latest published label names the value, whichever version a response was filled with.
      { key: 'se_laver', label: 'Se laver, se doucher', persons: 3 },
      { key: 'isolement', label: 'Isolement', persons: 1 },
      { key: 'cuisiner', label: 'Préparer les repas', persons: 1 },
    ]);
    expect(counts.byRoom).toEqual([
      { key: 'salle_de_bain', label: 'Salle de bain', persons: 3 },
      { key: 'cuisine', label: 'Cuisine', persons: 1 },
    ]);

    const before = await countHomeVisitDifficulties(database.db, w.workspaceId, {
      from: '1999-01-01',
      to: '1999-12-31',
    });
    expect(before).toEqual({
      responses: 1,
      persons: 1,
      byDifficulty: [{ key: 'cuisiner', label: 'Préparer les repas', persons: 1 }],
      byRoom: [{ key: 'cuisine', label: 'Cuisine', persons: 1 }],
    });
  });

  it('are empty for a workspace without home-visit responses', async () => {
    const w = await workspaceWithGrid();
    expect(await countHomeVisitDifficulties(database.db, w.workspaceId, thisYear())).toEqual({
      responses: 0,
      persons: 0,
      byDifficulty: [],
      byRoom: [],
    });
  });
});
