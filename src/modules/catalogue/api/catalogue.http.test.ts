import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { insertCatalogueRows } from '#src/modules/catalogue/index.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let ot: RoleSession;
let referent: RoleSession;
let partnerId: string;
let distributorId: string;
let workspaceId: string;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const product = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rehausse-WC avec accoudoirs',
  primaryIsoCode: '09 12 12',
  averagePriceCents: 5990,
  priceDate: '2026-09-15',
  priceSource: 'relevé distributeurs 2026',
  lppCode: null,
  activities: ['d530'],
  rooms: ['toilet'],
  distributorIds: [distributorId],
  features: [{ key: 'Hauteur', value: '10 cm' }],
  ...overrides,
});
type Issue = { path: string; message: string };
const issuesOf = (json: unknown) => (json as { issues: Issue[] }).issues;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  workspaceId = ws;
  const ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  partnerId = await createOrganization(database.db, ws, { kind: 'company', name: 'Ergonova' });
  distributorId = newId();
  await insertCatalogueRows(database.db, {
    isoCodes: [
      { workspaceId: ws, id: newId(), code: '0912', edition: '2022', label: 'Toilettes' },
      { workspaceId: ws, id: newId(), code: '091212', edition: '2022', label: 'Rehausseurs de WC' },
    ],
    distributors: [{ workspaceId: ws, id: distributorId, name: 'Lys Médical', isLocal: true, phone: '03 20 22 33 44' }],
  });
  ot = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'ot' });
  referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('product sheets over HTTP', () => {
  it('lets a reader search but not write', async () => {
    expect((await t.call('/api/catalogue/search?q=wc', { cookie: referent.cookie })).status).toBe(200);
    const refused = await t.call('/api/catalogue/products', { cookie: referent.cookie, body: product() });
    // A route the role does not grant answers like a missing one.
    expect(refused.status).toBe(404);
  });

  it('answers French field errors: a price without date, a bad LPP code, an ISO code of the wrong shape', async () => {
    const undated = await t.call('/api/catalogue/products', { cookie: ot.cookie, body: product({ priceDate: '' }) });
    expect(undated.status).toBe(400);
    expect(issuesOf(undated.json)).toEqual([{ path: 'priceDate', message: 'Indiquez la date du prix moyen.' }]);
    const res = await t.call('/api/catalogue/products', {
      cookie: ot.cookie,
      body: product({ lppCode: '12-34', primaryIsoCode: '0912' }),
    });
    expect(res.status).toBe(400);
    expect(issuesOf(res.json)).toEqual(
      expect.arrayContaining([
        { path: 'lppCode', message: 'Le code LPP compte 7 chiffres, par exemple 1243290.' },
        { path: 'primaryIsoCode', message: 'Le code ISO 9999 doit compter 6 chiffres, par exemple 12 23 06.' },
      ]),
    );
  });

  it('refuses an ISO code missing from the workspace list', async () => {
    const res = await t.call('/api/catalogue/products', {
      cookie: ot.cookie,
      body: product({ primaryIsoCode: '12.06.06' }),
    });
    expect(res.status).toBe(400);
    expect(issuesOf(res.json)).toEqual([
      { path: 'primaryIsoCode', message: 'Le code 12 06 06 ne figure pas dans la liste ISO 9999 de l’espace.' },
    ]);
  });

  it('creates, versions and audits a sheet, and keeps the photo checked by its bytes', async () => {
    const created = await t.call('/api/catalogue/products', { cookie: ot.cookie, body: product() });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    const updated = await t.call(`/api/catalogue/products/${id}`, {
      method: 'PUT',
      cookie: ot.cookie,
      body: { ...product({ averagePriceCents: 6490 }), version: 1 },
    });
    expect(updated.json).toEqual({ id, version: 2 });
    const stale = await t.call(`/api/catalogue/products/${id}`, {
      method: 'PUT',
      cookie: ot.cookie,
      body: { ...product(), version: 1 },
    });
    expect(stale.status).toBe(409);

    const upload = (type: string, bytes: Uint8Array) =>
      t.app.request(`${TEST_ORIGIN}/api/catalogue/products/${id}/files?kind=photo&caption=Vue%20de%20face`, {
        method: 'POST',
        headers: { origin: TEST_ORIGIN, cookie: ot.cookie, 'content-type': type },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      });
    const renamed = await upload('image/jpeg', PNG);
    expect(renamed.status).toBe(400);
    expect(((await renamed.json()) as { issues: Issue[] }).issues[0]!.path).toBe('file');
    expect((await upload('image/png', PNG)).status).toBe(201);

    const sheet = await t.call(`/api/catalogue/products/${id}`, { cookie: referent.cookie });
    expect(sheet.json).toMatchObject({
      primaryIso: { code: '091212', display: '09 12 12', label: 'Rehausseurs de WC' },
      averagePriceCents: 6490,
      version: 2,
      canManage: false,
      distributors: [{ name: 'Lys Médical', isLocal: true }],
      files: [{ kind: 'photo', caption: 'Vue de face', mediaType: 'image/png' }],
    });
    const history = await t.call(`/api/catalogue/products/${id}/history`, { cookie: referent.cookie });
    expect(history.json).toMatchObject({
      items: [{ version: 1, changedFields: ['averagePriceCents'], previous: { averagePriceCents: 5990 } }],
    });
    expect((await auditRowsOf(database, id)).map((r) => [r.action, r.actorUserId])).toEqual([
      ['catalogue_product.create', ot.userId],
      ['catalogue_product.update', ot.userId],
      ['catalogue_file.create', ot.userId],
    ]);
  });

  it('answers 404 for a product of no workspace', async () => {
    expect((await t.call(`/api/catalogue/products/${newId()}`, { cookie: referent.cookie })).status).toBe(404);
  });
});

describe('ISO list import over HTTP', () => {
  it('refuses the whole file with a line report when a line is wrong', async () => {
    const content = Buffer.from('code;libellé\n09 33;Toilette\n9;Mauvais\n').toString('base64');
    const res = await t.call('/api/catalogue/iso-codes/import', { cookie: ot.cookie, body: { content } });
    expect(res.status).toBe(400);
    const body = res.json as { message: string; details: { report: { rows: { row: number; errors: string[] }[] } } };
    expect(body.message).toBe('Une ligne est en erreur : rien n’a été importé. Corrigez-la puis réessayez.');
    expect(body.details.report.rows.map((r) => r.errors.length)).toEqual([0, 1]);
    const list = await t.call('/api/catalogue/iso-codes', { cookie: ot.cookie });
    expect((list.json as { imported: { code: string }[] }).imported.map((c) => c.code)).not.toContain('0933');
  });
});

describe('product import over HTTP', () => {
  const productIdsNamed = async (names: string[]) =>
    (
      await database.execute(
        'select id, name, version from catalogue_products where workspace_id = $1 and name = any($2) order by name',
        [workspaceId, names],
      )
    ).rows as { id: string; name: string; version: number }[];
  const header = 'nom;code ISO principal;prix moyen (€);date du prix;source du prix;code LPP;distributeurs;pièces\n';

  it('refuses the whole file when one line breaks a rule, with each error on its line and column', async () => {
    const csv =
      header +
      'Import correct;09 12 12;39,90;01/10/2026;relevé 2026;;Lys Médical;Toilettes\n' +
      'Import sans date;09 12 12;39,90;;relevé 2026;;;\n' +
      'Import LPP faux;09 12 12;;;;12-34;Boutique inconnue;\n';
    const res = await t.call('/api/catalogue/product-imports', {
      cookie: ot.cookie,
      body: { fileName: 'produits.csv', content: Buffer.from(csv).toString('base64') },
    });
    expect(res.status).toBe(400);
    const body = res.json as { message: string; details: { report: { rows: unknown[] } } };
    expect(body.message).toBe('2 lignes sont en erreur : rien n’a été importé. Corrigez-les puis réessayez.');
    expect(body.details.report.rows).toEqual([
      { row: 2, key: 'Import correct', errors: [] },
      {
        row: 3,
        key: 'Import sans date',
        errors: [{ column: 'date du prix', message: 'Indiquez la date du prix moyen.' }],
      },
      {
        row: 4,
        key: 'Import LPP faux',
        errors: [
          {
            column: 'distributeurs',
            message: 'Aucun distributeur ne s’appelle « Boutique inconnue » : ajoutez-le d’abord.',
          },
          { column: 'code LPP', message: 'Le code LPP compte 7 chiffres, par exemple 1243290.' },
        ],
      },
    ]);
    // Not even the good line was written.
    expect(await productIdsNamed(['Import correct', 'Import sans date', 'Import LPP faux'])).toEqual([]);
  });

  it('creates every line of a good XLSX file, each as version 1, linked and audited like a manual create', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Produits');
    sheet.addRow(header.trim().split(';'));
    sheet.addRow([
      'Import rehausse',
      '09 12 12',
      45.5,
      new Date('2026-10-01'),
      'relevé 2026',
      '',
      'Lys Médical',
      'Toilettes',
    ]);
    sheet.addRow(['Import cadre de toilettes', '09 12 12', '', '', '', '1243290', '', 'toilettes, salle de bains']);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const res = await t.call('/api/catalogue/product-imports', { cookie: ot.cookie, body: { content } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 2, updated: 0 });
    const rows = await productIdsNamed(['Import rehausse', 'Import cadre de toilettes']);
    expect(rows.map((r) => [r.name, r.version])).toEqual([
      ['Import cadre de toilettes', 1],
      ['Import rehausse', 1],
    ]);
    const rehausse = await t.call(`/api/catalogue/products/${rows[1]!.id}`, { cookie: referent.cookie });
    expect(rehausse.json).toMatchObject({
      averagePriceCents: 4550,
      priceDate: '2026-10-01',
      distributors: [{ id: distributorId }],
      rooms: ['toilet'],
    });
    for (const row of rows)
      expect((await auditRowsOf(database, row.id)).map((a) => [a.action, a.actorUserId])).toEqual([
        ['catalogue_product.create', ot.userId],
      ]);
  });

  it('is for those who maintain the catalogue, who get the template', async () => {
    const content = Buffer.from(header + 'Canne;12 03 06;;;;;;\n').toString('base64');
    expect(
      (await t.call('/api/catalogue/product-imports', { cookie: referent.cookie, body: { content } })).status,
    ).toBe(404);
    expect((await t.call('/api/catalogue/product-imports/template.csv', { cookie: referent.cookie })).status).toBe(404);
    const template = await t.call('/api/catalogue/product-imports/template.csv', { cookie: ot.cookie });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // (The byte order mark is dropped when the body is read as text.)
    expect(template.text.split('\r\n')[0]).toBe(
      'nom;type;description;code ISO principal;codes ISO secondaires;édition ISO;fabricant;distributeurs;prix moyen (€);date du prix;source du prix;code LPP;base de remboursement (€);prix limite de vente (€);activités;pièces;dimensions;caractéristiques',
    );
  });
});

describe('loan agreements over HTTP', () => {
  it('refuses an end before the start, on the end field', async () => {
    const res = await t.call('/api/catalogue/loan-agreements', {
      cookie: ot.cookie,
      body: { partnerOrganizationId: partnerId, title: 'Prêt', startsOn: '2026-06-01', endsOn: '2026-05-01' },
    });
    expect(res.status).toBe(400);
    expect(issuesOf(res.json)).toEqual([
      { path: 'endsOn', message: 'La date de fin ne peut pas précéder la date de début.' },
    ]);
  });

  it('records an agreement and an item on loan, audited', async () => {
    const agreement = await t.call('/api/catalogue/loan-agreements', {
      cookie: ot.cookie,
      body: {
        partnerOrganizationId: partnerId,
        title: 'Prêt de démonstration',
        startsOn: '2026-01-01',
        endsOn: '2027-01-01',
      },
    });
    expect(agreement.status).toBe(201);
    const agreementId = (agreement.json as { id: string }).id;
    const search = await t.call('/api/catalogue/search?q=rehausse', { cookie: ot.cookie });
    const productId = (search.json as { items: { id: string }[] }).items[0]!.id;
    const noAgreement = await t.call('/api/catalogue/showroom/items', {
      cookie: ot.cookie,
      body: { productId, location: 'showroom', ownership: 'loaned', state: 'good' },
    });
    expect(issuesOf(noAgreement.json)[0]!.path).toBe('loanAgreementId');
    const item = await t.call('/api/catalogue/showroom/items', {
      cookie: ot.cookie,
      body: { productId, location: 'showroom', ownership: 'loaned', loanAgreementId: agreementId, state: 'good' },
    });
    expect(item.status).toBe(201);
    const showroom = await t.call('/api/catalogue/showroom', { cookie: referent.cookie });
    expect(showroom.json).toMatchObject({
      items: [{ productId, ownership: 'loaned', agreementTitle: 'Prêt de démonstration' }],
      agreements: [{ id: agreementId, itemCount: 1, reminderDays: 30 }],
    });
    expect((await auditRowsOf(database, agreementId)).map((r) => r.action)).toEqual(['loan_agreement.create']);
    const searchAfter = await t.call('/api/catalogue/search?inShowroom=true', { cookie: ot.cookie });
    expect((searchAfter.json as { total: number }).total).toBe(1);
  });

  it('changes an item read at its revision, and refuses a change made on a stale one with a French 409', async () => {
    type Items = { items: { id: string; productId: string; revision: string; state: string; note: string | null }[] };
    const [read] = ((await t.call('/api/catalogue/showroom', { cookie: ot.cookie })).json as Items).items;
    const change = (revision: string | undefined, changes: Record<string, unknown>) =>
      t.call(`/api/catalogue/showroom/items/${read!.id}`, {
        method: 'PUT',
        cookie: ot.cookie,
        body: { productId: read!.productId, location: 'mobile_unit', ownership: 'owned', revision, ...changes },
      });
    expect((await change(undefined, { state: 'worn' })).status).toBe(400);
    expect((await change(read!.revision, { state: 'worn', note: 'Accoudoir gauche rayé' })).status).toBe(204);
    const stale = await change(read!.revision, { state: 'under_repair' });
    expect(stale.status).toBe(409);
    expect((stale.json as { message: string }).message).toBe(
      'Cet objet a été modifié entre-temps : rechargez la page, puis refaites vos changements.',
    );
    const [after] = ((await t.call('/api/catalogue/showroom', { cookie: ot.cookie })).json as Items).items;
    expect(after).toMatchObject({ state: 'worn', note: 'Accoudoir gauche rayé', location: 'mobile_unit' });
    expect(after!.revision).not.toBe(read!.revision);
    expect((await auditRowsOf(database, read!.id)).map((r) => [r.action, r.changedFields])).toEqual([
      ['showroom_item.create', expect.any(Array)],
      ['showroom_item.update', ['loanAgreementId', 'location', 'note', 'ownership', 'state']],
    ]);
  });
});
