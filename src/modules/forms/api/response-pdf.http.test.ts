import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'admin', RoleSession>;
let personId = '';
let responseId = '';

// A real 1×1 PNG, printable by pdfkit.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(kind: string, name: string) {
  const id = newId();
  const res = await t.app.request(
    `${TEST_ORIGIN}/api/people/${personId}/attachments?${new URLSearchParams({ kind, name, id }).toString()}`,
    {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie: s.referent.cookie, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    },
  );
  expect(res.status).toBe(201);
  return id;
}

const getPdf = (cookie: string) =>
  t.app.request(`${TEST_ORIGIN}/api/form-responses/${responseId}/pdf`, { headers: { origin: TEST_ORIGIN, cookie } });

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  s.referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  s.outsider = await signInWithRole(t, database, {
    workspaceId: ws,
    organizationId: await createOrganization(db, ws, { kind: 'ccas' }),
    role: 'referent',
  });
  s.admin = await signInAdmin(t, database, ws, ccas);
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    birthDate: '1941-03-12',
    caseTeam: [{ userId: s.referent.userId, organizationId: ccas }],
  });

  // The shipped home-visit grid, given a photo per room and a consent signature, as a CCAS would.
  const templates = await t.call('/api/form-templates', { cookie: s.referent.cookie });
  const grid = templates.json.items.find((x: { key: string }) => x.key === 'lomme_visite_qualification');
  const v1 = await t.call(`/api/form-template-versions/${grid.latestVersionId}`, { cookie: s.referent.cookie });
  const definition = v1.json.definition;
  const rooms = definition.sections[1].items[0];
  rooms.questions.push({ type: 'photo', name: 'photo_piece', label: 'Photo de la pièce' });
  definition.sections.push({
    name: 'consentement',
    title: 'Consentement',
    items: [
      {
        type: 'signature',
        name: 'signature',
        label: 'J’accepte que ces informations soient partagées avec le bailleur.',
      },
    ],
  });
  const published = await t.call(`/api/admin/form-templates/${grid.id}/versions`, {
    cookie: s.admin.cookie,
    body: { definition },
  });
  expect(published.status).toBe(201);

  const photo = await upload('photo', 'salle-de-bain.png');
  const signature = await upload('signature', 'signature.png');
  const created = await t.call(`/api/people/${personId}/form-responses`, {
    cookie: s.referent.cookie,
    body: {
      templateVersionId: published.json.versionId,
      submit: true,
      answers: {
        date_visite: '2026-11-02',
        visite_binome: 'no',
        personnes_presentes: ['personne', 'enfant'],
        pieces: [
          {
            piece: 'salle_de_bain',
            activites_difficiles: ['se_laver'],
            gravite: 3,
            observation: 'Enjambe la baignoire avec peine ; s’agrippe au lavabo.',
            photo_piece: photo,
          },
          { piece: 'cuisine', gravite: 0 },
        ],
        dangers: ['chute', 'eclairage'],
        chute_recente: 'yes',
        nombre_chutes: 2,
        projet: 'rester_adapter',
        hesite: 'no',
        synthese: 'Adapter la salle de bain (douche de plain-pied) et améliorer l’éclairage.',
        signature,
      },
    },
  });
  expect(created.status).toBe(201);
  responseId = created.json.id;
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('GET /api/form-responses/{id}/pdf', () => {
  it('prints the visible questions with French answers, the room sub-sections, the photo and the signature', async () => {
    const res = await getPdf(s.referent.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Visite a domicile grille de qualification - Lefevre Helene - \d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''Visite%20%C3%A0%20domicile/,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    // Lines are joined and spaces collapsed: pdftotext lays table columns out side by side.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'CCAS de Lomme',
      'Visite à domicile : grille de qualification',
      'version 2',
      'Hélène Lefèvre',
      '12 mars 1941',
      'Transmis',
      'Date de la visite 2 novembre 2026',
      'Visite en binôme ? Non',
      'Pièce 1 — Salle de bain',
      'Pièce 2 — Cuisine',
      'Se laver (baignoire, douche)',
      'Enjambe la baignoire avec peine ; s’agrippe au lavabo.',
      'Risque de chute (tapis, seuils, sol glissant)',
      'Éclairage insuffisant',
      'Nombre de chutes 2 chute(s)',
      'Rester et adapter le logement',
      'Ses attentes, en ses mots —',
      'Signé le',
      'Document confidentiel',
      'Page 1 / ',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Gravité des difficultés 3 ?\/ ?3/);
    // Irrelevant questions are not printed: no second visitor, no hesitations' detail.
    expect(text).not.toContain('Second visiteur');
    expect(text).not.toContain('Ce qui la freine');
    // The room's photo and the signature are embedded images.
    const images = execFileSync('pdfimages', ['-list', '-'], { input: pdf, encoding: 'utf8' });
    // Listed after two header lines; a PNG's transparency is a second "smask" entry.
    const kinds = images
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/)[2]);
    expect(kinds.filter((k) => k === 'image')).toHaveLength(2);
  });

  it('answers 404 to someone outside the case team and audits each print', async () => {
    expect((await getPdf(s.outsider.cookie)).status).toBe(404);
    expect((await auditRowsOf(database, responseId)).map((r) => [r.action, r.actorUserId])).toEqual([
      ['form_response.submitted', s.referent.userId],
      ['form_response.printed', s.referent.userId],
    ]);
  });
});
