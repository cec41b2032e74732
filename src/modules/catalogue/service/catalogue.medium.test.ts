import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { AppError } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { searchQuerySchema, productInputSchema } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { findProductForActor, productSummaries } from '#src/modules/catalogue/index.ts';
import {
  createProduct,
  getProduct,
  getProductHistory,
  updateProduct,
} from '#src/modules/catalogue/service/products.ts';
import { getIsoList, importIsoList } from '#src/modules/catalogue/service/reference.ts';
import { searchCatalogue } from '#src/modules/catalogue/service/search.ts';
import { createAgreement, getShowroom, sendLoanAgreementReminders } from '#src/modules/catalogue/service/showroom.ts';
import { newActor } from '#tests/fixtures/actors.ts';
import { seedDemoCatalogue } from '#tests/fixtures/demo-catalogue.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let ot: Actor;
let workspaceId: string;
const today = '2026-11-29';

const search = (query: Record<string, string>) => searchCatalogue(database.db, ot, searchQuerySchema.parse(query));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  database = await createTestDatabase();
  workspaceId = await createWorkspace(database.db);
  const organizationId = await createOrganization(database.db, workspaceId);
  ot = await newActor(database.db, { workspaceId, organizationId, role: 'ot' });
  await seedDemoCatalogue(database.db, { workspaceId, today });
});
afterAll(() => database.close());

describe('catalogue search', () => {
  it('finds a product despite a missing accent and a typo, best match first', async () => {
    const result = await search({ q: 'deambulatuer' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.items[0]!.name).toMatch(/^Déambulateur/);
    const accented = await search({ q: 'Déambulateur' });
    expect(accented.items.map((i) => i.id)).toEqual(expect.arrayContaining(result.items.map((i) => i.id)));
  });

  it('sorts equally relevant products by name the French way', async () => {
    const { items } = await search({ q: 'rollator', limit: '100' });
    const names = items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('counts facets: a class count equals what filtering by that class returns', async () => {
    const all = await search({});
    expect(all.total).toBe(300);
    expect(all.facets.isoClasses).toHaveLength(11);
    expect(all.facets.isoClasses.every((c) => c.count > 0)).toBe(true);
    const mobility = all.facets.isoClasses.find((c) => c.code === '12')!;
    const filtered = await search({ iso: '12' });
    expect(filtered.total).toBe(mobility.count);
    // The class facet ignores its own filter, so the other classes stay visible with their counts.
    expect(filtered.facets.isoClasses).toEqual(all.facets.isoClasses);
    expect(filtered.facets.isoChildren.reduce((n, c) => n + c.count, 0)).toBe(mobility.count);
    expect(filtered.facets.isoChildren.find((c) => c.code === '1206')?.label).toBe('Aides à la marche à deux mains');
    expect(all.facets.reimbursed.yes + all.facets.reimbursed.no).toBe(300);
    const reimbursed = await search({ reimbursed: 'yes' });
    expect(reimbursed.total).toBe(all.facets.reimbursed.yes);
    expect(reimbursed.items.every((i) => i.lppCode !== null)).toBe(true);
  });

  it('combines activity, room, price range and showroom filters', async () => {
    const bathing = await search({ activity: 'd510', room: 'bathroom', maxPrice: '100' });
    expect(bathing.total).toBeGreaterThan(0);
    const summaries = await productSummaries(
      database.db,
      workspaceId,
      bathing.items.map((i) => i.id),
    );
    expect(summaries.every((s) => (s.averagePrice?.cents ?? 0) <= 10_000)).toBe(true);
    const shown = await search({ inShowroom: 'true' });
    expect(shown.total).toBe((await search({})).facets.inShowroom);
    expect(shown.items.every((i) => i.inShowroom)).toBe(true);
  });
});

describe('product sheets', () => {
  const input = (overrides: Record<string, unknown> = {}) =>
    productInputSchema.parse({
      name: 'Siège de douche mural',
      primaryIsoCode: '09 33 03',
      averagePriceCents: 14900,
      priceDate: '2026-10-01',
      priceSource: 'relevé distributeurs 2026',
      activities: ['d510'],
      rooms: ['bathroom'],
      ...overrides,
    });

  it('refuses a code missing from the workspace list, on the field', async () => {
    const error = await issuesOf(createProduct(database.db, ot, input({ primaryIsoCode: '12 99 99' }), null));
    expect(error.issues).toEqual([{ path: 'primaryIsoCode', message: expect.stringContaining('12 99 99') }]);
  });

  it('keeps every previous state and answers 409 to a stale version', async () => {
    const { id } = await createProduct(database.db, ot, input(), null);
    await updateProduct(database.db, ot, id, { ...input({ averagePriceCents: 15900 }), version: 1 }, null);
    await updateProduct(
      database.db,
      ot,
      id,
      { ...input({ averagePriceCents: 16900, name: 'Siège mural' }), version: 2 },
      null,
    );
    const stale = await issuesOf(updateProduct(database.db, ot, id, { ...input(), version: 2 }, null));
    expect(stale.code).toBe('conflict');
    const history = await getProductHistory(database.db, ot, id);
    expect(history.items.map((h) => [h.version, h.previous.averagePriceCents, h.changedFields])).toEqual([
      [2, 15900, ['averagePriceCents', 'name']],
      [1, 14900, ['averagePriceCents']],
    ]);
    const product = await getProduct(database.db, ot, id);
    expect(product).toMatchObject({ version: 3, name: 'Siège mural', averagePriceCents: 16900 });
    expect(product.primaryIso).toEqual({ code: '093303', display: '09 33 03', label: 'Sièges et tabourets de douche' });
    const summary = await findProductForActor(database.db, ot, id);
    expect(summary).toMatchObject({ isoCodeDisplay: '09 33 03', isoEdition: '2022', averagePrice: { cents: 16900 } });
  });
});

describe('ISO list import', () => {
  it('imports nothing when one line is wrong, and reports each line', async () => {
    const before = (await getIsoList(database.db, ot)).imported.length;
    const csv = 'code;libellé\n15 09 09;Assiettes à rebord\n99 01;Classe inconnue\n15 09 12;\n';
    const error = await issuesOf(importIsoList(database.db, ot, { content: base64(csv), edition: '2022' }, null));
    const report = error.details!.report as { rows: { row: number; errors: string[] }[] };
    expect(report.rows.map((r) => [r.row, r.errors.length])).toEqual([
      [2, 0],
      [3, 1],
      [4, 1],
    ]);
    expect((await getIsoList(database.db, ot)).imported).toHaveLength(before);
  });

  it('adds new codes and relabels known ones in one go', async () => {
    const csv = 'Code,Libellé\n"15.09.09","Assiettes à rebord"\n1509,Manger et boire (repas)\n';
    const report = await importIsoList(database.db, ot, { content: base64(csv), edition: '2022' }, null);
    expect([report.created, report.updated]).toEqual([1, 1]);
    const list = (await getIsoList(database.db, ot)).imported;
    expect(list.find((c) => c.code === '1509')?.label).toBe('Manger et boire (repas)');
  });
});

describe('loan agreements', () => {
  it('lists the agreement ending within 30 days as to renew and reminds the team once', async () => {
    const showroom = await getShowroom(database.db, ot, new Date(`${today}T10:00:00Z`));
    expect(showroom.agreements).toHaveLength(5);
    expect(showroom.agreements.filter((a) => a.toRenew)).toHaveLength(1);
    expect(showroom.items.some((i) => i.ownership === 'loaned')).toBe(true);
    const first = await sendLoanAgreementReminders(database.db, new Date(`${today}T05:30:00Z`));
    expect(first.sent).toBe(1);
    const again = await sendLoanAgreementReminders(database.db, new Date(`${today}T05:30:00Z`));
    expect(again.sent).toBe(0);
  });

  it('refuses a partner from outside the workspace', async () => {
    const other = await createWorkspace(database.db);
    const stranger = await createOrganization(database.db, other);
    const error = await issuesOf(
      createAgreement(
        database.db,
        ot,
        {
          partnerOrganizationId: stranger,
          title: 'Prêt',
          startsOn: today,
          endsOn: today,
          terms: null,
          reminderDays: 30,
        },
        null,
      ),
    );
    expect(error.issues?.[0]?.path).toBe('partnerOrganizationId');
  });
});
