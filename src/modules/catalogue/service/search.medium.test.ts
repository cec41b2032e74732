import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { itemInputSchema, productInputSchema, searchQuerySchema } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { searchRevision } from '#src/modules/catalogue/repo/search.repo.ts';
import { createProduct, updateProduct } from '#src/modules/catalogue/service/products.ts';
import { searchCatalogue } from '#src/modules/catalogue/service/search.ts';
import { createItem } from '#src/modules/catalogue/service/showroom.ts';
import { newActor } from '#tests/fixtures/actors.ts';
import { seedDemoCatalogue } from '#tests/fixtures/demo-catalogue.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let ot: Actor;
let otherOt: Actor;
const today = '2026-11-29';

const searchAs = (actor: Actor, query: Record<string, string>) =>
  searchCatalogue(database.db, actor, searchQuerySchema.parse(query));
const product = (name: string) =>
  productInputSchema.parse({
    name,
    primaryIsoCode: '09 33 03',
    averagePriceCents: 14900,
    priceDate: '2026-10-01',
    priceSource: 'relevé distributeurs 2026',
    activities: ['d510'],
    rooms: ['bathroom'],
  });

beforeAll(async () => {
  database = await createTestDatabase();
  for (const slot of [0, 1]) {
    const workspaceId = await createWorkspace(database.db);
    const organizationId = await createOrganization(database.db, workspaceId);
    const actor = await newActor(database.db, { workspaceId, organizationId, role: 'ot' });
    await seedDemoCatalogue(database.db, { workspaceId, today });
    if (slot === 0) ot = actor;
    else otherOt = actor;
  }
});
afterAll(() => database.close());

describe('the in-memory search index follows every change to the catalogue', () => {
  it('finds a product as soon as it is created, renamed or shown in the showroom', async () => {
    expect((await searchAs(ot, { q: 'zephyrine' })).total).toBe(0);
    const { id } = await createProduct(database.db, ot, product('Siège de douche Zéphyrine'), null);
    const created = await searchAs(ot, { q: 'zephyrine' });
    expect(created.items.map((i) => [i.id, i.inShowroom])).toEqual([[id, false]]);

    await updateProduct(database.db, ot, id, { ...product('Siège de douche Aurélienne'), version: 1 }, null);
    expect((await searchAs(ot, { q: 'zephyrine' })).total).toBe(0);
    expect((await searchAs(ot, { q: 'aurelienne' })).items.map((i) => i.id)).toEqual([id]);

    const item = itemInputSchema.parse({ productId: id, location: 'showroom', ownership: 'owned', state: 'good' });
    const { id: itemId } = await createItem(database.db, ot, item, null);
    expect((await searchAs(ot, { q: 'aurelienne', inShowroom: 'true' })).total).toBe(1);
    await database.db.execute(sql`update catalogue_showroom_items set state = 'out_of_service' where id = ${itemId}`);
    expect((await searchAs(ot, { q: 'aurelienne', inShowroom: 'true' })).total).toBe(0);
    expect((await searchAs(ot, { q: 'aurelienne' })).total).toBe(1);
  });

  it('keeps each workspace to its own catalogue and its own revision', async () => {
    const before = await searchRevision(database.db, ot.workspaceId);
    const { id } = await createProduct(database.db, otherOt, product('Marchepied Théodorine'), null);
    expect(await searchRevision(database.db, ot.workspaceId)).toBe(before);
    expect((await searchAs(ot, { q: 'theodorine' })).total).toBe(0);
    expect((await searchAs(otherOt, { q: 'theodorine' })).items.map((i) => i.id)).toEqual([id]);
  });

  it('raises the revision only with a write that commits', async () => {
    const before = await searchRevision(database.db, ot.workspaceId);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update catalogue_products set name = name where workspace_id = ${ot.workspaceId}`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await searchRevision(database.db, ot.workspaceId)).toBe(before);
    await database.db.execute(
      sql`update catalogue_showroom_items set note = note where workspace_id = ${ot.workspaceId}`,
    );
    expect(await searchRevision(database.db, ot.workspaceId)).toBeGreaterThan(before);
  });
});
