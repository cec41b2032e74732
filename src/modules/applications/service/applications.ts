import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import { personScopeOf } from '#src/modules/people/index.ts';
import { communeNameOf, isKnownCommune } from '#src/modules/platform/index.ts';
import type {
  ApplicationCreateInput,
  ApplicationDetail,
  ApplicationInput,
  ApplicationSummary,
} from '#src/modules/applications/api/application.schema.ts';
import { hasCapacities } from '#src/modules/applications/domain/matching.ts';
import { expiryOf } from '#src/modules/applications/domain/vocabulary.ts';
import { profileOf } from '#src/modules/applications/service/profile.ts';
import {
  findApplication,
  findApplicationBySne,
  insertApplication,
  listVisibleApplications,
  updateApplicationRow,
  type ApplicationInsert,
  type ApplicationWithPerson,
} from '#src/modules/applications/repo/applications.repo.ts';

const t = messages.applications;

/**
 * Landlord staff see applications only through the offers made to them (offers module), never here:
 * an actor whose every membership is a landlord's is kept out even when on a person's case team.
 */
export const seesApplications = (actor: Actor) =>
  actor.permissions.has('pathway.read') && actor.memberships.some((m) => m.organizationKind !== 'landlord');

/** The application if the actor may see it (its pathway is visible to them), else null: callers answer 404. */
export async function findApplicationForActor(db: Db, actor: Actor, id: string): Promise<ApplicationWithPerson | null> {
  if (!seesApplications(actor)) return null;
  const row = await findApplication(db, actor.workspaceId, id);
  if (!row) return null;
  return (await findPathwayForActor(db, actor, row.pathwayId)) ? row : null;
}

async function validate(db: Db, actor: Actor, input: ApplicationInput, selfId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const taken = await findApplicationBySne(db, actor.workspaceId, input.sneNumber);
  if (taken && taken.id !== selfId) issues.push({ path: 'sneNumber', message: t.errors.sneNumberTaken });
  for (const [i, code] of input.wishedCommunes.entries())
    if (!(await isKnownCommune(code))) issues.push({ path: `wishedCommunes.${i}`, message: t.errors.commune });
  if (input.lastRenewedOn && input.lastRenewedOn < input.firstFiledOn)
    issues.push({ path: 'lastRenewedOn', message: t.errors.renewalBeforeFiling });
  if ((input.referenceIncomeEur == null) !== (input.referenceIncomeYear == null))
    issues.push({
      path: input.referenceIncomeEur == null ? 'referenceIncomeEur' : 'referenceIncomeYear',
      message: t.errors.referenceIncomeBoth,
    });
  if ((input.familyLatitude == null) !== (input.familyLongitude == null))
    issues.push({ path: 'familyLatitude', message: t.errors.familyCoordinates });
  const cotation = [input.cotationPoints, input.cotationGridVersion, input.cotationAsOf];
  if (cotation.some((v) => v != null && v !== '') && !cotation.every((v) => v != null && v !== ''))
    issues.push({ path: 'cotationPoints', message: t.errors.cotation });
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

function columnsOf(input: ApplicationInput): Omit<ApplicationInsert, 'workspaceId' | 'id' | 'personId' | 'pathwayId'> {
  return {
    sneNumber: input.sneNumber,
    system: input.system,
    firstFiledOn: input.firstFiledOn,
    lastRenewedOn: input.lastRenewedOn ?? null,
    expiresOn: expiryOf(input.firstFiledOn, input.lastRenewedOn ?? null),
    status: input.status,
    isTransfer: input.isTransfer,
    lastCheckedInSneOn: input.lastCheckedInSneOn ?? null,
    wishedCommunes: [...new Set(input.wishedCommunes.map((c) => c.toUpperCase()))],
    communesStrict: input.communesStrict,
    wishedTypologies: [...new Set(input.wishedTypologies)],
    maxBudgetEur: input.maxBudgetEur ?? null,
    maxStepsClimbable: input.maxStepsClimbable ?? null,
    walkingAid: input.walkingAid ?? null,
    needsStepFreeShower: input.needsStepFreeShower ?? null,
    needsLift: input.needsLift ?? null,
    secondBedroomRequired: input.secondBedroomRequired,
    floorPreference: input.floorPreference ?? null,
    householdSize: input.householdSize ?? null,
    referenceIncomeEur: input.referenceIncomeEur ?? null,
    referenceIncomeYear: input.referenceIncomeYear ?? null,
    wishedServices: [...new Set(input.wishedServices)],
    familyLatitude: input.familyLatitude ?? null,
    familyLongitude: input.familyLongitude ?? null,
    weights: Object.fromEntries(Object.entries(input.weights).filter(([, w]) => (w ?? 0) > 0)),
    cotationPoints: input.cotationPoints ?? null,
    cotationGridVersion: input.cotationGridVersion || null,
    cotationAsOf: input.cotationAsOf ?? null,
  };
}

export async function createApplication(
  db: Db,
  actor: Actor,
  input: ApplicationCreateInput,
  requestId: string,
): Promise<string> {
  if (!seesApplications(actor)) throw notFound();
  return db.transaction(async (tx) => {
    const pathway = await findPathwayForActor(tx, actor, input.pathwayId);
    if (!pathway) throw notFound();
    await validate(tx, actor, input, null);
    const id = newId();
    const columns = columnsOf(input);
    await insertApplication(tx, {
      ...columns,
      workspaceId: actor.workspaceId,
      id,
      personId: pathway.personId,
      pathwayId: pathway.id,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'housing_application.create',
      entityType: 'housing_application',
      entityId: id,
      personId: pathway.personId,
      changedFields: Object.keys(columns),
      requestId,
    });
    return id;
  });
}

export async function updateApplication(
  db: Db,
  actor: Actor,
  id: string,
  input: ApplicationInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findApplicationForActor(tx, actor, id);
    if (!before) throw notFound();
    await validate(tx, actor, input, id);
    const columns = columnsOf(input);
    const changedFields = changedFieldsOf(before as Record<string, unknown>, columns);
    if (changedFields.length === 0) return;
    await updateApplicationRow(tx, actor.workspaceId, id, columns);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'housing_application.update',
      entityType: 'housing_application',
      entityId: id,
      personId: before.personId,
      changedFields,
      requestId,
    });
  });
}

export function summaryOf(row: ApplicationWithPerson): ApplicationSummary {
  return {
    id: row.id,
    personId: row.personId,
    pathwayId: row.pathwayId,
    personName: row.personName,
    sneNumber: row.sneNumber,
    status: row.status as ApplicationSummary['status'],
    isTransfer: row.isTransfer,
    expiresOn: row.expiresOn,
    qualified: hasCapacities(profileOf(row, [])),
  };
}

export async function listApplications(
  db: Db,
  actor: Actor,
  filter: { pathwayId?: string; personId?: string },
): Promise<ApplicationSummary[]> {
  // A list answers with what the actor may see: nothing, for landlord staff.
  if (!seesApplications(actor)) return [];
  return (await listVisibleApplications(db, personScopeOf(actor), filter)).map(summaryOf);
}

/**
 * The person moved into the home allocated to them: the application is struck off the register for
 * that reason (housing reference §5.7), in the transaction that records the move.
 */
export async function strikeOffForAllocation(
  tx: Db,
  actor: Actor,
  applicationId: string,
  requestId: string,
): Promise<void> {
  const row = await findApplication(tx, actor.workspaceId, applicationId);
  if (!row || row.status === 'struck_off_allocation') return;
  await updateApplicationRow(tx, actor.workspaceId, applicationId, { status: 'struck_off_allocation' });
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'housing_application.struck_off',
    entityType: 'housing_application',
    entityId: applicationId,
    personId: row.personId,
    changedFields: ['status'],
    requestId,
  });
}

/** The application with its capacities (health-related data): the read is audited like opening the file. */
export async function getApplication(db: Db, actor: Actor, id: string, requestId: string): Promise<ApplicationDetail> {
  return db.transaction(async (tx) => {
    const row = await findApplicationForActor(tx, actor, id);
    if (!row) throw notFound();
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'housing_application.read',
      entityType: 'housing_application',
      entityId: id,
      personId: row.personId,
      requestId,
    });
    const communes = await Promise.all(
      row.wishedCommunes.map(async (code) => ({ code, name: (await communeNameOf(code)) ?? code })),
    );
    return {
      ...summaryOf(row),
      system: row.system as ApplicationDetail['system'],
      firstFiledOn: row.firstFiledOn,
      lastRenewedOn: row.lastRenewedOn,
      lastCheckedInSneOn: row.lastCheckedInSneOn,
      wishedCommunes: communes,
      communesStrict: row.communesStrict,
      wishedTypologies: row.wishedTypologies as ApplicationDetail['wishedTypologies'],
      maxBudgetEur: row.maxBudgetEur,
      maxStepsClimbable: row.maxStepsClimbable,
      walkingAid: row.walkingAid as ApplicationDetail['walkingAid'],
      needsStepFreeShower: row.needsStepFreeShower,
      needsLift: row.needsLift,
      secondBedroomRequired: row.secondBedroomRequired,
      floorPreference: row.floorPreference as ApplicationDetail['floorPreference'],
      householdSize: row.householdSize,
      referenceIncomeEur: row.referenceIncomeEur,
      referenceIncomeYear: row.referenceIncomeYear,
      wishedServices: row.wishedServices as ApplicationDetail['wishedServices'],
      familyLatitude: row.familyLatitude,
      familyLongitude: row.familyLongitude,
      weights: row.weights,
      cotationPoints: row.cotationPoints,
      cotationGridVersion: row.cotationGridVersion,
      cotationAsOf: row.cotationAsOf,
      canWrite: actor.permissions.has('pathway.write'),
    };
  });
}
