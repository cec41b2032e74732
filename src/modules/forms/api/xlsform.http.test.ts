import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { MAX_XLSFORM_KB } from '#src/modules/forms/api/xlsform.schema.ts';
import { definitionSchema } from '#src/modules/forms/domain/definition.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { TEST_ORIGIN, createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';
import { brokenVisit, buildXlsx, koboVisit, toBase64 } from '#tests/fixtures/xlsform/workbooks.ts';

const t = messages.forms.xlsform;
let database: Database;
let tapp: TestApp;
const s = {} as Record<'admin' | 'referent' | 'otherAdmin', RoleSession>;
let kobo = '';

beforeAll(async () => {
  database = await createTestDatabase();
  tapp = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  s.admin = await signInAdmin(tapp, database, ws, ccas);
  s.referent = await signInWithRole(tapp, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  const otherWs = await createWorkspace(db);
  s.otherAdmin = await signInAdmin(tapp, database, otherWs, await createOrganization(db, otherWs));
  kobo = toBase64(await buildXlsx(koboVisit));
});
afterAll(async () => {
  tapp.close();
  await database.close();
});

const templates = async (session: RoleSession) =>
  (await tapp.call('/api/admin/form-templates', { cookie: session.cookie })).json.items as {
    id: string;
    key: string;
    latestVersionId: string;
    latestVersion: number;
  }[];

/** The latest definition of a template, as the builder reads it. */
const latestDefinition = async (templateId: string) =>
  (await tapp.call(`/api/admin/form-templates/${templateId}`, { cookie: s.admin.cookie })).json.latestDefinition;

/** The export as bytes: t.call reads bodies as text, which would mangle a zip. */
async function download(session: RoleSession, versionId: string) {
  const response = await tapp.app.request(`${TEST_ORIGIN}/api/admin/form-template-versions/${versionId}/xlsform`, {
    headers: { origin: TEST_ORIGIN, cookie: session.cookie },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('POST /api/admin/form-templates/xlsform/check', () => {
  it('answers the line-by-line report and a preview, for administrators only', async () => {
    const res = await tapp.call('/api/admin/form-templates/xlsform/check', {
      cookie: s.admin.cookie,
      body: { file: kobo },
    });
    expect(res.status).toBe(200);
    expect(res.json.importable).toBe(true);
    expect(res.json.preview.questions).toBe(6);
    expect(res.json.report).toContainEqual({
      severity: 'warning',
      sheet: 'survey',
      row: 4,
      column: 'type',
      message: t.integerAsNumber,
    });
    const refused = await tapp.call('/api/admin/form-templates/xlsform/check', {
      cookie: s.referent.cookie,
      body: { file: kobo },
    });
    expect(refused.status).toBe(404);
  });

  it('reports an unknown question type and a broken reference with their rows', async () => {
    const res = await tapp.call('/api/admin/form-templates/xlsform/check', {
      cookie: s.admin.cookie,
      body: { file: toBase64(await buildXlsx(brokenVisit)) },
    });
    expect(res.status).toBe(200);
    expect(res.json.importable).toBe(false);
    expect(res.json.report.filter((l: { severity: string }) => l.severity === 'error')).toEqual([
      { severity: 'error', sheet: 'survey', row: 6, column: 'type', message: t.unsupportedType('geopoint') },
      {
        severity: 'error',
        sheet: 'survey',
        row: 7,
        column: 'relevant',
        message: messages.forms.definition.unknownReference('ascenseur_panne'),
      },
    ]);
  });

  it('refuses a file that is not an .xlsx, or too large, with a French message on the file field', async () => {
    const csv = await tapp.call('/api/admin/form-templates/xlsform/check', {
      cookie: s.admin.cookie,
      body: { file: Buffer.from('type;name\ntext;nom\n').toString('base64') },
    });
    expect(csv.status).toBe(400);
    expect(csv.json.issues).toEqual([{ path: 'file', message: t.notXlsx }]);
    const big = await tapp.call('/api/admin/form-templates/xlsform/check', {
      cookie: s.admin.cookie,
      body: { file: Buffer.alloc(MAX_XLSFORM_KB * 1024 + 3).toString('base64') },
    });
    expect(big.status).toBe(400);
    expect(big.json.issues).toEqual([{ path: 'file', message: t.tooLarge(MAX_XLSFORM_KB) }]);
    const missing = await tapp.call('/api/admin/form-templates/xlsform/check', { cookie: s.admin.cookie, body: {} });
    expect(missing.json.issues).toEqual([{ path: 'file', message: t.fileRequired }]);
  });
});

describe('POST /api/admin/form-templates/xlsform', () => {
  it('creates a template whose first version holds the imported definition, audited', async () => {
    const res = await tapp.call('/api/admin/form-templates/xlsform', {
      cookie: s.admin.cookie,
      body: { file: kobo, key: 'visite_kobo', title: 'Visite Kobo', kind: 'home_visit' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ version: 1, report: expect.any(Array) });
    const template = await tapp.call(`/api/admin/form-templates/${res.json.id}`, { cookie: s.admin.cookie });
    expect(template.json).toMatchObject({ key: 'visite_kobo', title: 'Visite Kobo', kind: 'home_visit' });
    expect(template.json.latestDefinition.sections.map((x: { title: string }) => x.title)).toEqual([
      'Le logement',
      t.defaultSectionTitle,
    ]);
    expect((await auditRowsOf(database, res.json.id)).map((r) => [r.action, r.actorUserId])).toEqual([
      ['form_template.created', s.admin.userId],
    ]);
  });

  it('asks for key, title and kind when the file becomes a new template', async () => {
    const res = await tapp.call('/api/admin/form-templates/xlsform', { cookie: s.admin.cookie, body: { file: kobo } });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['key', 'title', 'kind']);
  });

  it('refuses a file with errors, with the report in details, and creates nothing', async () => {
    const before = await templates(s.admin);
    const res = await tapp.call('/api/admin/form-templates/xlsform', {
      cookie: s.admin.cookie,
      body: { file: toBase64(await buildXlsx(brokenVisit)), key: 'visite_cassee', title: 'Cassée', kind: 'other' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'file', message: t.hasErrors(2) }]);
    expect(res.json.details.report).toContainEqual(
      expect.objectContaining({ severity: 'error', row: 6, message: t.unsupportedType('geopoint') }),
    );
    expect(await templates(s.admin)).toEqual(before);
  });

  it('publishes the file as the next version of a template; one of another workspace answers 404', async () => {
    const grid = (await templates(s.admin)).find((x) => x.key === 'lomme_visite_qualification')!;
    const res = await tapp.call('/api/admin/form-templates/xlsform', {
      cookie: s.admin.cookie,
      body: { file: kobo, templateId: grid.id },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: grid.id, version: grid.latestVersion + 1 });
    const foreign = await tapp.call('/api/admin/form-templates/xlsform', {
      cookie: s.otherAdmin.cookie,
      body: { file: kobo, templateId: grid.id },
    });
    expect(foreign.status).toBe(404);
  });
});

describe('GET /api/admin/form-template-versions/{id}/xlsform', () => {
  it('downloads a shipped template as .xlsx that imports back to an equal definition', async () => {
    const guide = (await templates(s.admin)).find((x) => x.key === shippedTemplates[0]!.key)!;
    const { response, bytes } = await download(s.admin, guide.latestVersionId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${shippedTemplates[0]!.key}-v1.xlsx"`,
    );
    const reimported = await tapp.call('/api/admin/form-templates/xlsform', {
      cookie: s.admin.cookie,
      body: { file: toBase64(bytes), templateId: guide.id },
    });
    expect(reimported.status).toBe(201);
    expect(reimported.json.report).toEqual([]);
    expect(await latestDefinition(guide.id)).toEqual(definitionSchema.parse(shippedTemplates[0]!.definition));
  });

  it('answers 404 to another workspace and to a non-administrator', async () => {
    const guide = (await templates(s.admin)).find((x) => x.key === shippedTemplates[0]!.key)!;
    expect((await download(s.otherAdmin, guide.latestVersionId)).response.status).toBe(404);
    expect((await download(s.referent, guide.latestVersionId)).response.status).toBe(404);
  });
});
