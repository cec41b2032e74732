import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { fundingParameterValues } from '#src/modules/funding/db/schema.ts';
import { parameterValueInputSchema } from '#src/modules/funding/api/parameter-values.schema.ts';
import {
  createParameterValue,
  listParameters,
  withdrawParameterValue,
} from '#src/modules/funding/service/parameter-values.ts';
import { simulateForActor } from '#src/modules/funding/service/simulator.ts';
import { newActor } from '#tests/fixtures/actors.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let first: Actor;
let other: Actor;

// Test figures in the shape of the Anah ceilings (2025 values raised by about 1 %), not the official 2026 ones.
const ceilings2026 = {
  idf: {
    tres_modestes: [24006, 35233, 42312, 49404, 56521, 7109],
    modestes: [29223, 42888, 51510, 60145, 68805, 8654],
    intermediaires: [40809, 59988, 71771, 84474, 96716, 12244],
  },
  hors_idf: {
    tres_modestes: [17345, 25367, 30509, 35638, 40792, 5145],
    modestes: [22236, 32519, 39107, 45687, 52293, 6591],
    intermediaires: [31153, 45794, 55138, 64483, 73829, 9347],
  },
};
const entry = parameterValueInputSchema.parse({
  parameter: 'anah.income_ceilings',
  from: '2026-01-01',
  value: ceilings2026,
  confidence: 'official',
  sourceTitle: 'Anah — Les aides financières en 2026 (guide)',
  sourceUrl: 'https://www.anah.gouv.fr/guide-2026',
});

// A person alone, 78, owner-occupier outside Île-de-France, 16 000 € of income, 9 000 € of works before VAT.
const mpaFor = async (actor: Actor) => {
  const simulation = await simulateForActor(
    database.db,
    actor,
    {
      household: {
        age: 78,
        householdSize: 1,
        inIleDeFrance: false,
        tenure: 'owner_occupier',
        inCouple: false,
        referenceTaxIncome: 16_000,
        worksExclTax: 9_000,
      },
      filingDate: '2026-03-01',
    },
    new Date('2026-03-01T10:00:00Z'),
  );
  return simulation.results.find((r) => r.aid === 'mpa')!;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const actorIn = async (name: string) => {
    const workspaceId = await createWorkspace(database.db, { name });
    const organizationId = await createOrganization(database.db, workspaceId);
    return newActor(database.db, { workspaceId, organizationId, role: 'social_financial' });
  };
  first = await actorIn('Espace Cévennes');
  other = await actorIn('Espace Causses');
});
afterAll(async () => {
  await database.close();
});

describe('parameter values a workspace enters', () => {
  let id = '';

  it("turn MaPrimeAdapt' for a 2026 filing from to check into eligible with its amount, in that workspace only", async () => {
    const before = await mpaFor(first);
    expect(before.status).toBe('to_check');
    expect(before.missingParameters.map((p) => p.id)).toEqual(['anah.income_ceilings']);

    id = await createParameterValue(database.db, first, entry, 'req-1');

    const after = await mpaFor(first);
    expect(after.status).toBe('eligible');
    expect(after.amount).toBe(6_300);
    expect(after.missingParameters).toEqual([]);
    expect(after.parameters.find((p) => p.id === 'anah.income_ceilings')).toMatchObject({
      from: '2026-01-01',
      confidence: 'official',
      status: null,
      sources: [
        {
          title: 'Anah — Les aides financières en 2026 (guide) — saisi par l’espace de travail',
          url: 'https://www.anah.gouv.fr/guide-2026',
        },
      ],
    });

    const elsewhere = await mpaFor(other);
    expect(elsewhere.status).toBe('to_check');
    expect(elsewhere.amount).toBeNull();
  });

  it('show on the parameters page in place of the value not retrieved, which is no longer flagged', async () => {
    const { items } = await listParameters(database.db, first);
    const ceilings = items.find((p) => p.id === 'anah.income_ceilings')!;
    expect(ceilings.notRetrieved).toBe(false);
    expect(ceilings.values.at(-1)).toMatchObject({ from: '2026-01-01', to: null, enteredId: id, status: null });
    expect(ceilings.entered).toMatchObject([{ id, clash: null, withdrawnAt: null }]);
    // Parameters with a value still not retrieved come first.
    const flagged = items.findIndex((p) => !p.notRetrieved);
    expect(items.slice(0, flagged).map((p) => p.id)).toEqual([
      'mtp.monthly',
      'smic.hourly_gross',
      'ci200qa.income_ceiling_by_parts',
    ]);
    expect(items.slice(flagged).every((p) => !p.notRetrieved)).toBe(true);

    const { items: elsewhere } = await listParameters(database.db, other);
    expect(elsewhere.find((p) => p.id === 'anah.income_ceilings')!.notRetrieved).toBe(true);
  });

  it('refuse a period overlapping a published value, naming it on the start date', async () => {
    const error = await createParameterValue(
      database.db,
      first,
      { ...entry, from: '2025-07-01', to: '2025-12-31' },
      'r',
    ).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.issues).toEqual([
      {
        path: 'from',
        message:
          'Cette période chevauche la valeur publiée du 01/01/2025 au 31/12/2025 (déduit de textes officiels) : choisissez d’autres dates.',
      },
    ]);
  });

  it('once withdrawn, leave the simulation as it was and stay on the page as history', async () => {
    await withdrawParameterValue(database.db, first, id, 'req-2');
    expect((await mpaFor(first)).status).toBe('to_check');
    const ceilings = (await listParameters(database.db, first)).items.find((p) => p.id === 'anah.income_ceilings')!;
    expect(ceilings.notRetrieved).toBe(true);
    expect(ceilings.entered[0]!.withdrawnAt).not.toBeNull();
  });

  it('a stored value a shipped one now contradicts is left out of simulations and named on the page', async () => {
    // As if a release had since shipped the 2025 ceilings this value was entered over.
    const stale = newId();
    await database.db.insert(fundingParameterValues).values({
      workspaceId: other.workspaceId,
      id: stale,
      parameterId: 'anah.income_ceilings',
      fromOn: '2025-01-01',
      value: { idf: {}, hors_idf: {} },
      confidence: 'official',
      sourceTitle: 'Ancienne saisie',
      sourceUrl: 'https://exemple.test/',
    });
    expect((await mpaFor(other)).status).toBe('to_check');
    const ceilings = (await listParameters(database.db, other)).items.find((p) => p.id === 'anah.income_ceilings')!;
    expect(ceilings.values.every((v) => v.enteredId === null)).toBe(true);
    expect(ceilings.entered).toMatchObject([
      {
        id: stale,
        clash:
          'Cette période chevauche la valeur publiée du 01/01/2025 au 31/12/2025 (déduit de textes officiels) : choisissez d’autres dates.',
      },
    ]);
  });
});
