import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { type Role } from '#src/modules/platform/index.ts';
import type { FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { createResponse, createTemplate, updateResponse } from '#src/modules/forms/service/forms.ts';
import { searchResponses } from '#src/modules/forms/service/search.ts';
import { responseSearchQuerySchema } from '#src/modules/forms/api/search.schema.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { newActor } from '#tests/fixtures/actors.ts';

let database: Database;

const actorOf = (workspaceId: string, organizationId: string, role: Role) =>
  newActor(database.db, {
    workspaceId,
    organizationId,
    role,
    ...(role === 'admin' ? { alsoAs: 'referent' as const } : {}),
  });

const definition: FormDefinition = {
  sections: [
    {
      name: 'visite',
      title: 'Visite',
      items: [
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces visitées',
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
                { value: 'se_laver', label: 'Se laver' },
                { value: 'cuisiner', label: 'Préparer les repas' },
              ],
            },
          ],
        },
        { type: 'yes_no', name: 'chute', label: 'Chute récente', required: false },
        { type: 'long_text', name: 'observations', label: 'Observations', required: false },
      ],
    },
  ],
};

type World = Awaited<ReturnType<typeof world>>;

/** A workspace with a referent on Louise's case team, one who is not, reception (organisation-wide) and an admin. */
async function world() {
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId);
  const admin = await actorOf(workspaceId, organizationId, 'admin');
  const referent = await actorOf(workspaceId, organizationId, 'referent');
  const outsider = await actorOf(workspaceId, organizationId, 'referent');
  const reception = await actorOf(workspaceId, organizationId, 'reception');
  const template = await createTemplate(
    db,
    admin,
    {
      key: `visite_${Math.random().toString(36).slice(2, 8)}`,
      title: 'Visite de test',
      kind: 'home_visit',
      definition,
    },
    'req',
  );
  const louise = await createPerson(db, {
    workspaceId,
    owningOrganizationId: organizationId,
    firstName: 'Louise',
    lastName: 'Lefèvre',
    caseTeam: [{ userId: referent.userId, organizationId }],
  });
  return { workspaceId, organizationId, admin, referent, outsider, reception, template, louise };
}

const fill = (w: World, actor: Actor, personId: string, answers: Record<string, unknown>, submit = false) =>
  createResponse(database.db, actor, personId, { templateVersionId: w.template.versionId, answers, submit }, 'req');

const search = (actor: Actor, query: Record<string, unknown>) =>
  searchResponses(database.db, actor, responseSearchQuerySchema.parse(query), 'req-search');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('searching form answers', () => {
  it('ignores accents and case, and shows the matched answer with its question', async () => {
    const w = await world();
    const { id } = await fill(w, w.referent, w.louise, { observations: 'Très fatiguée depuis l’hiver, vit seule.' });
    const found = await search(w.referent, { q: 'TRES FATIGUEE' });
    expect(found.items.map((i) => i.id)).toEqual([id]);
    expect(found.items[0]).toMatchObject({
      personName: 'Louise Lefèvre',
      templateTitle: 'Visite de test',
      status: 'draft',
      excerpt: { question: 'Observations', answer: 'Très fatiguée depuis l’hiver, vit seule.' },
    });
    expect(found.total).toBe(1);
  });

  it('finds a choice by its label, never by its stored value, and not by a question’s label', async () => {
    const w = await world();
    const { id } = await fill(w, w.referent, w.louise, {
      pieces: [{ piece: 'cuisine' }, { piece: 'salle_de_bain', difficultes: ['se_laver'] }],
      chute: 'yes',
    });
    const found = await search(w.referent, { q: 'salle de bain' });
    expect(found.items.map((i) => i.id)).toEqual([id]);
    expect(found.items[0]!.excerpt).toEqual({ question: 'Pièce 2 — Pièce', answer: 'Salle de bain' });
    expect((await search(w.referent, { q: 'se laver' })).items[0]!.excerpt).toEqual({
      question: 'Pièce 2 — Difficultés',
      answer: 'Se laver',
    });
    expect((await search(w.referent, { q: 'oui' })).items.map((i) => i.id)).toEqual([id]);
    expect((await search(w.referent, { q: 'salle_de_bain' })).items).toEqual([]);
    expect((await search(w.referent, { q: 'Observations' })).items).toEqual([]);
    // `%` and `_` are letters to find, not wildcards.
    expect((await search(w.referent, { q: 's%n' })).items).toEqual([]);
  });

  it('follows the answers as they change', async () => {
    const w = await world();
    const { id, revision } = await fill(w, w.referent, w.louise, { observations: 'Escalier très raide' });
    await updateResponse(
      database.db,
      w.referent,
      id,
      { revision, answers: { observations: 'Baignoire à remplacer' }, submit: true },
      'req',
    );
    expect((await search(w.referent, { q: 'escalier' })).items).toEqual([]);
    expect((await search(w.referent, { q: 'baignoire' })).items.map((i) => [i.id, i.status])).toEqual([
      [id, 'submitted'],
    ]);
  });

  it('shows only responses of persons the actor may see', async () => {
    const w = await world();
    const { id } = await fill(w, w.referent, w.louise, { observations: 'Isolement important' });
    // A referent of the same organisation who is not on Louise's case team finds nothing.
    expect(await search(w.outsider, { q: 'isolement' })).toMatchObject({ items: [], total: 0 });
    expect((await search(w.outsider, {})).items).toEqual([]);
    // Reception sees the organisation's files.
    expect((await search(w.reception, { q: 'isolement' })).items.map((i) => i.id)).toEqual([id]);
    // Another workspace, whatever its roles, sees nothing of this one.
    const other = await world();
    expect((await search(other.reception, { q: 'isolement' })).items).toEqual([]);
    // A file merged into another is not visible itself.
    await database.execute('update persons set merged_into_id = $1 where id = $2', [
      await createPerson(database.db, { workspaceId: w.workspaceId, owningOrganizationId: w.organizationId }),
      w.louise,
    ]);
    expect((await search(w.reception, { q: 'isolement' })).items).toEqual([]);
  });

  it('filters by template, status and dates, pages latest first, and audits what was shown', async () => {
    const w = await world();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push((await fill(w, w.referent, w.louise, { observations: `Visite numéro ${n}` }, n === 2)).id);
    }
    const shipped = await createTemplate(
      database.db,
      w.admin,
      { key: 'autre_grille', title: 'Autre grille', kind: 'other', definition },
      'req',
    );
    const elsewhere = await createResponse(
      database.db,
      w.referent,
      w.louise,
      { templateVersionId: shipped.versionId, answers: { observations: 'Visite numéro 4' }, submit: false },
      'req',
    );

    const all = await search(w.referent, { q: 'visite numero', limit: '2' });
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.id)).toEqual([elsewhere.id, ids[2]]);
    const next = await search(w.referent, { q: 'visite numero', limit: '2', offset: '2' });
    expect(next.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);

    expect((await search(w.referent, { q: 'visite', template: w.template.id })).total).toBe(3);
    expect((await search(w.referent, { q: 'visite', status: 'submitted' })).items.map((i) => i.id)).toEqual([ids[1]]);
    expect((await search(w.referent, { from: '2000-01-01', to: '2000-12-31' })).items).toEqual([]);
    expect((await search(w.referent, { template: w.template.id, from: '2000-01-01', to: '2999-12-31' })).total).toBe(3);

    const { rows } = await database.execute(
      `select action, entity_id, person_id, changed_fields from audit_log
       where workspace_id = $1 and request_id = 'req-search' and action like 'form_response.search%' order by seq`,
      [w.workspaceId],
    );
    const hits = rows.filter((r) => r.action === 'form_response.search_hit');
    expect(hits.every((r) => r.person_id === w.louise)).toBe(true);
    expect(new Set(hits.map((r) => r.entity_id))).toEqual(new Set([...ids, elsewhere.id]));
    const searches = rows.filter((r) => r.action === 'form_response.search');
    // The names of the criteria, never the words searched.
    expect(searches[0]!.changed_fields).toEqual(['q']);
    expect(searches.some((r) => JSON.stringify(r.changed_fields) === JSON.stringify(['q', 'template']))).toBe(true);

    // A list without words shows no answer: only the search itself is audited.
    const listed = await searchResponses(database.db, w.referent, responseSearchQuerySchema.parse({}), 'req-list');
    expect(listed.total).toBe(4);
    const { rows: listAudit } = await database.execute(
      `select action, changed_fields from audit_log where workspace_id = $1 and request_id = 'req-list'`,
      [w.workspaceId],
    );
    expect(listAudit).toEqual([{ action: 'form_response.search', changed_fields: [] }]);
  });
});
