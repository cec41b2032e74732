import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { getPersonFile } from '#src/modules/people/index.ts';
import type { Household, Tenure } from '#src/modules/funding/domain/household.ts';
import type {
  HouseholdInput,
  Prefill,
  SimulationView,
  simulationRequestSchema,
} from '#src/modules/funding/api/simulator.schema.ts';
import { listLocalAids } from '#src/modules/funding/repo/local-aids.repo.ts';
import { listParameterValues } from '#src/modules/funding/repo/parameter-values.repo.ts';
import { simulateAids } from '#src/modules/funding/service/simulate.ts';
import type { z } from '@hono/zod-openapi';

// Départements of Île-de-France, whose Anah ceilings differ.
const ILE_DE_FRANCE = new Set(['75', '77', '78', '91', '92', '93', '94', '95']);
const tenureFromFile: Record<string, Tenure> = {
  owner: 'owner_occupier',
  social_tenant: 'social_tenant',
  private_tenant: 'private_tenant',
  hosted: 'housed_by_family',
};

/** Unknown facts are left out, so the rules report them as missing instead of reading them as zero or "no". */
export function knownFacts(input: HouseholdInput): Household {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}

/** What the person's file already says about the household (the reading of the file is audited). */
export async function prefillFromFile(db: Db, actor: Actor, personId: string, requestId: string): Promise<Prefill> {
  const file = await getPersonFile(db, actor, personId, requestId);
  if (file.mergedIntoId !== null) throw notFound();
  const household: HouseholdInput = {};
  const origins: Record<string, string> = {};
  const take = <K extends keyof HouseholdInput>(key: K, value: HouseholdInput[K] | undefined, origin: string) => {
    if (value === null || value === undefined) return;
    household[key] = value;
    origins[key] = origin;
  };
  take('age', file.age, 'Date de naissance du dossier');
  if (file.sensitiveIncluded) {
    take('gir', file.gir, 'GIR inscrit au dossier');
    if (file.gir) take('girAttested', Boolean(file.girSource), 'Source du GIR inscrite au dossier');
  }
  take('householdSize', 1 + file.householdMembers.length, 'Membres du ménage inscrits au dossier');
  take('tenure', file.tenure ? tenureFromFile[file.tenure] : undefined, 'Statut d’occupation du dossier');
  if (file.communeInsee) take('inIleDeFrance', ILE_DE_FRANCE.has(file.communeInsee.slice(0, 2)), 'Commune du dossier');
  return { household, origins };
}

export async function simulateForActor(
  db: Db,
  actor: Actor,
  request: z.infer<typeof simulationRequestSchema>,
  today: Date,
): Promise<SimulationView> {
  const filingDate = request.filingDate ?? parisDay(today);
  const paymentDate = request.paymentDate ?? filingDate;
  const localAids = await listLocalAids(db, actor.workspaceId);
  const parameterValues = await listParameterValues(db, actor.workspaceId);
  const results = simulateAids(
    knownFacts(request.household),
    { filing: filingDate, payment: paymentDate },
    localAids,
    parameterValues,
  );
  // Parameter values nest two levels at most in the shipped file; the response schema spells that out.
  return { filingDate, paymentDate, results: results as SimulationView['results'] };
}
