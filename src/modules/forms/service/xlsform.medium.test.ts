import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { AppError } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { MAX_XLSFORM_BYTES } from '#src/modules/forms/api/xlsform.schema.ts';
import { definitionSchema } from '#src/modules/forms/domain/definition.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';
import { getVersion, listTemplates } from '#src/modules/forms/service/forms.ts';
import {
  checkXlsform,
  exportXlsform,
  importXlsform,
  readWorkbook,
  writeWorkbook,
} from '#src/modules/forms/service/xlsform.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { newActor } from '#tests/fixtures/actors.ts';
import { brokenVisit, buildXlsx, koboVisit, toBase64 } from '#tests/fixtures/xlsform/workbooks.ts';

const t = messages.forms.xlsform;
let database: Database;

async function adminOfNewWorkspace(): Promise<Actor> {
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId);
  return newActor(db, { workspaceId, organizationId, role: 'admin' });
}

const counts = async (workspaceId: string) => {
  const { rows } = await database.execute(
    `select (select count(*)::int from form_templates where workspace_id = $1) as templates,
            (select count(*)::int from form_template_versions where workspace_id = $1) as versions,
            (select count(*)::int from audit_log where workspace_id = $1) as audit`,
    [workspaceId],
  );
  return rows[0];
};

/** The AppError a promise rejects with. */
const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('reading .xlsx files', () => {
  it('reads every sheet as text: rich text joined, numbers and booleans written out, formulas by their result', async () => {
    const workbook = await readWorkbook(await buildXlsx(koboVisit));
    expect(Object.keys(workbook)).toEqual(['survey', 'choices', 'settings']);
    expect(workbook.survey![3]).toMatchObject({ row: 4, cells: expect.arrayContaining(['integer', 'etage', 'true']) });
    expect(workbook.survey![5]!.cells[2]).toBe('Remarques libres');
    expect(workbook.choices![5]!.cells.slice(0, 3)).toEqual(['rooms', '1', 'Pièce numéro 1']);
    expect(workbook.settings![1]!.cells[2]).toBe('202601');
  });

  it('refuses a file that is not an .xlsx workbook, or too large, on the file field', async () => {
    for (const bytes of [
      Buffer.from('type;name;label\ntext;nom;Nom\n'),
      Buffer.from('PK\u0003\u0004not really a zip'),
    ]) {
      const error = await rejection(readWorkbook(bytes));
      expect(error.issues).toEqual([{ path: 'file', message: t.notXlsx }]);
    }
    const error = await rejection(readWorkbook(Buffer.alloc(MAX_XLSFORM_BYTES + 1)));
    expect(error.issues).toEqual([{ path: 'file', message: t.tooLarge(MAX_XLSFORM_BYTES / 1024) }]);
  });

  it('writes a workbook that reads back cell for cell', async () => {
    const workbook = {
      survey: [
        { row: 1, cells: ['type', 'name'] },
        { row: 2, cells: ['text', 'nom'] },
      ],
    };
    expect(await readWorkbook(await writeWorkbook(workbook))).toEqual(workbook);
  });
});

describe('importing', () => {
  it('checks a KoboToolbox file without writing anything: warnings only, and a preview', async () => {
    const admin = await adminOfNewWorkspace();
    const before = await counts(admin.workspaceId);
    const check = await checkXlsform({ file: toBase64(await buildXlsx(koboVisit)) });
    expect(check.importable).toBe(true);
    expect(check.report.every((l) => l.severity === 'warning')).toBe(true);
    expect(check.report).toContainEqual({
      severity: 'warning',
      sheet: 'survey',
      row: 2,
      column: 'type',
      message: t.metadataIgnored('start'),
    });
    expect(check.settings).toEqual({ title: 'Visite Kobo', key: 'visite_kobo', version: '202601' });
    expect(check.preview).toEqual({
      sections: [
        { name: 'logement', title: 'Le logement', questions: 3, repeats: [] },
        { name: 'section_1', title: t.defaultSectionTitle, questions: 3, repeats: ['Pièces'] },
      ],
      questions: 6,
    });
    expect(await counts(admin.workspaceId)).toEqual(before);
  });

  it('creates a template from the file, then publishes a new version of it, audited by the forms service', async () => {
    const admin = await adminOfNewWorkspace();
    const file = toBase64(await buildXlsx(koboVisit));
    const created = await importXlsform(
      database.db,
      admin,
      { file, key: 'visite_kobo', title: 'Visite Kobo', kind: 'home_visit' },
      'r1',
    );
    expect(created.version).toBe(1);
    const v1 = await getVersion(database.db, admin, created.versionId);
    expect(v1.templateTitle).toBe('Visite Kobo');
    expect(v1.definition.sections[0]!.items[1]).toEqual({
      type: 'yes_no',
      name: 'ascenseur',
      label: 'Ascenseur ?',
      required: true,
      relevant: '${etage} > 0',
    });

    const published = await importXlsform(database.db, admin, { file, templateId: created.id }, 'r2');
    expect(published).toMatchObject({ id: created.id, version: 2 });
    expect((await getVersion(database.db, admin, published.versionId)).definition).toEqual(v1.definition);
    const { rows } = await database.execute(
      'select action from audit_log where workspace_id = $1 and entity_id = $2 order by seq',
      [admin.workspaceId, created.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['form_template.created', 'form_template.version_published']);
  });

  it('refuses a file with an error line, returning the report, and writes nothing', async () => {
    const admin = await adminOfNewWorkspace();
    await listTemplates(database.db, admin, 'r0');
    const before = await counts(admin.workspaceId);
    const file = toBase64(await buildXlsx(brokenVisit));
    const error = await rejection(
      importXlsform(database.db, admin, { file, key: 'visite_cassee', title: 'Visite', kind: 'home_visit' }, 'r1'),
    );
    expect(error.issues).toEqual([{ path: 'file', message: t.hasErrors(2) }]);
    const report = (error.details as { report: unknown[] }).report;
    expect(report.filter((l) => (l as { severity: string }).severity === 'error')).toEqual([
      { severity: 'error', sheet: 'survey', row: 6, column: 'type', message: t.unsupportedType('geopoint') },
      {
        severity: 'error',
        sheet: 'survey',
        row: 7,
        column: 'relevant',
        message: messages.forms.definition.unknownReference('ascenseur_panne'),
      },
    ]);
    expect(await counts(admin.workspaceId)).toEqual(before);
  });

  it('answers 404 for a template of another workspace before reading the file', async () => {
    const admin = await adminOfNewWorkspace();
    const other = await adminOfNewWorkspace();
    const [template] = await listTemplates(database.db, other, 'r0');
    const error = await rejection(importXlsform(database.db, admin, { file: 'AAAA', templateId: template!.id }, 'r1'));
    expect(error.code).toBe('not_found');
  });
});

describe('exporting', () => {
  it('exports each shipped template to a file that imports back to the same definition', async () => {
    const admin = await adminOfNewWorkspace();
    const templates = await listTemplates(database.db, admin, 'r0');
    for (const shipped of shippedTemplates) {
      const template = templates.find((x) => x.key === shipped.key)!;
      const exported = await exportXlsform(database.db, admin, template.latestVersionId);
      expect(exported.fileName).toBe(`${shipped.key}-v1.xlsx`);
      const check = await checkXlsform({ file: toBase64(exported.bytes) });
      expect(check.report).toEqual([]);
      expect(check.settings).toEqual({ title: shipped.title, key: shipped.key, version: '1' });
      const reimported = await importXlsform(
        database.db,
        admin,
        { file: toBase64(exported.bytes), templateId: template.id },
        'r1',
      );
      const version = await getVersion(database.db, admin, reimported.versionId);
      expect(version.definition).toEqual(definitionSchema.parse(shipped.definition));
    }
  });
});
