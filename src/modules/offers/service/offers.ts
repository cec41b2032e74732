import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findUnitForActor, setUnitStatus, unitSnapshot } from '#src/modules/housing/index.ts';
import { findApplicationForActor, strikeOffForAllocation } from '#src/modules/applications/index.ts';
import { movePathwayForwardTo } from '#src/modules/pathways/index.ts';
import { findOrganization } from '#src/modules/platform/index.ts';
import { answerDeadline, isLate } from '#src/modules/offers/domain/answer-delay.ts';
import { nextStatus, refusalStageOf, type OfferEvent, type OfferStatus } from '#src/modules/offers/domain/offer.ts';
import { familyOf, isRefusalReasonCode } from '#src/modules/offers/domain/refusal-taxonomy.ts';
import type { AnswerInput, RefusalInput } from '#src/modules/offers/api/offer.schema.ts';
import {
  findApplicationBySneNumber,
  findCommittee,
  findHoldingOffer,
  findOffer,
  insertCommittees,
  insertOffers,
  insertRefusals,
  lockUnitDecisions,
  updateOffer,
  type OfferRow,
} from '#src/modules/offers/repo/offers.repo.ts';
import { actsForLandlord, landlordIdsOf, offerScopeOf, recordsForPerson } from '#src/modules/offers/service/scope.ts';

const t = messages.offers;
const e = t.errors;

/** Dates typed by the user describe the past: a visit or an answer "tomorrow" is a typo. */
function notInFuture(path: string, day: string | null, today: string): FieldIssue[] {
  return day && day > today ? [{ path, message: e.dateInFuture }] : [];
}

const failIf = (issues: FieldIssue[]) => {
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
};

function transition(offer: OfferRow, event: OfferEvent): OfferStatus {
  const next = nextStatus(offer.status as OfferStatus, event);
  if (!next) throw new AppError('conflict', { message: e.notApplicable(t.statuses[offer.status as OfferStatus]) });
  return next;
}

export type OfferCreateInput = {
  applicationId?: string | null | undefined;
  sneNumber?: string | null | undefined;
  unitId: string;
  origin: string;
  proposedOn: string;
};

/** Resolves the application: by id for CCAS users who can see it, by numéro unique for landlord staff. */
async function applicationOf(tx: Db, actor: Actor, input: OfferCreateInput) {
  if (input.applicationId) {
    const application = await findApplicationForActor(tx, actor, input.applicationId);
    if (!application) throw fieldError('applicationId', e.applicationUnknown);
    return { id: application.id, personId: application.personId, pathwayId: application.pathwayId };
  }
  if (!input.sneNumber) throw fieldError('sneNumber', e.applicationRequired);
  const application = await findApplicationBySneNumber(tx, actor.workspaceId, input.sneNumber);
  if (!application) throw fieldError('sneNumber', e.applicationUnknown);
  return application;
}

/** Offers a unit to an application (landlord staff on their own units, housing officers on any); audited. */
export async function createOffer(db: Db, actor: Actor, input: OfferCreateInput, requestId: string) {
  if (!actor.permissions.has('housing.manage') && !actor.permissions.has('offer.respond')) throw notFound();
  return db.transaction(async (tx) => {
    const unit = await findUnitForActor(tx, actor, input.unitId);
    if (!unit || !actsForLandlord(actor, unit.landlord.organizationId)) throw fieldError('unitId', e.unitUnknown);
    const application = await applicationOf(tx, actor, input);
    failIf(notInFuture('proposedOn', input.proposedOn, parisDay(new Date())));
    await lockUnitDecisions(tx, unit.id);
    if (unit.status === 'allocated') throw new AppError('conflict', { message: e.unitAllocated });
    if (await findHoldingOffer(tx, actor.workspaceId, unit.id))
      throw new AppError('conflict', { message: e.unitHeldByOffer });
    const id = newId();
    await insertOffers(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        applicationId: application.id,
        personId: application.personId,
        pathwayId: application.pathwayId,
        unitId: unit.id,
        landlordOrganizationId: unit.landlord.organizationId,
        programmeId: unit.programme.id,
        typology: unit.typology,
        unitLabel: t.unitLabel(unit.programme.name, unit.landlordUnitRef),
        origin: input.origin,
        status: 'proposed',
        proposedOn: input.proposedOn,
        createdBy: actor.userId,
      },
    ]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'offer.create',
      entityType: 'offer',
      entityId: id,
      personId: application.personId,
      changedFields: ['applicationId', 'unitId', 'origin', 'proposedOn', 'status'],
      requestId,
    });
    return { id };
  });
}

/** The offer locked for a write, if the actor sees it; 404 otherwise. */
async function offerForWrite(tx: Db, actor: Actor, id: string): Promise<OfferRow> {
  const offer = await findOffer(tx, offerScopeOf(actor), id, { forUpdate: true });
  if (!offer) throw notFound();
  return offer;
}

async function personOffer(tx: Db, actor: Actor, id: string) {
  const offer = await offerForWrite(tx, actor, id);
  if (!(await recordsForPerson(tx, actor, offer))) throw new AppError('forbidden', { message: e.answerOnlyByCaseTeam });
  return offer;
}

async function audit(tx: Db, actor: Actor, offer: OfferRow, action: string, fields: string[], requestId: string) {
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action,
    entityType: 'offer',
    entityId: offer.id,
    personId: offer.personId,
    changedFields: fields,
    requestId,
  });
}

/** The visit of the unit with the person (landlord staff, housing officer, or the case team). */
export async function recordVisit(db: Db, actor: Actor, id: string, input: { visitOn: string }, requestId: string) {
  await db.transaction(async (tx) => {
    const offer = await offerForWrite(tx, actor, id);
    if (!actsForLandlord(actor, offer.landlordOrganizationId) && !(await recordsForPerson(tx, actor, offer)))
      throw new AppError('forbidden');
    const status = transition(offer, { kind: 'visit' });
    failIf([
      ...notInFuture('visitOn', input.visitOn, parisDay(new Date())),
      ...(input.visitOn < offer.proposedOn ? [{ path: 'visitOn', message: e.visitBeforeProposal }] : []),
    ]);
    await updateOffer(tx, actor.workspaceId, id, { status, visitOn: input.visitOn });
    await audit(tx, actor, offer, 'offer.visit', ['status', 'visitOn'], requestId);
  });
}

export type CommitteeDecisionInput = {
  committeeId: string;
  decision: 'attribution' | 'attribution_condition' | 'non_attribution' | 'inadmissible';
  rank?: number | null | undefined;
  condition?: string | null | undefined;
  notifiedOn?: string | null | undefined;
};

/**
 * The committee's decision on the offer, with the rank and the day it was notified to the person: an
 * attribution starts the answer delay from that day.
 */
export async function recordCommitteeDecision(
  db: Db,
  actor: Actor,
  id: string,
  input: CommitteeDecisionInput,
  requestId: string,
) {
  await db.transaction(async (tx) => {
    const offer = await offerForWrite(tx, actor, id);
    // The committee is looked up first: one of another workspace is unknown, whoever asks.
    const committee = await findCommittee(tx, actor.workspaceId, input.committeeId);
    if (!committee) throw fieldError('committeeId', e.committeeUnknown);
    if (!actsForLandlord(actor, offer.landlordOrganizationId)) throw new AppError('forbidden');
    const status = transition(offer, { kind: 'committee', decision: input.decision });
    if (committee.landlordOrganizationId !== offer.landlordOrganizationId)
      throw fieldError('committeeId', e.committeeOtherLandlord);
    const attributed = status === 'attributed';
    const issues: FieldIssue[] = [];
    if (attributed && !input.rank) issues.push({ path: 'rank', message: e.rankRequired });
    if (input.decision === 'attribution_condition' && !input.condition)
      issues.push({ path: 'condition', message: e.conditionRequired });
    if (attributed && !input.notifiedOn) issues.push({ path: 'notifiedOn', message: e.notifiedRequired });
    if (input.notifiedOn && input.notifiedOn < committee.heldOn)
      issues.push({ path: 'notifiedOn', message: e.notifiedBeforeCommittee });
    issues.push(...notInFuture('notifiedOn', input.notifiedOn ?? null, parisDay(new Date())));
    failIf(issues);
    await updateOffer(tx, actor.workspaceId, id, {
      status,
      committeeId: committee.id,
      committeeDecision: input.decision,
      committeeRank: attributed ? (input.rank ?? null) : null,
      committeeCondition: input.decision === 'attribution_condition' ? (input.condition ?? null) : null,
      notifiedOn: input.notifiedOn ?? null,
      responseDeadline: attributed && input.notifiedOn ? answerDeadline(input.notifiedOn) : null,
    });
    await audit(
      tx,
      actor,
      offer,
      'offer.committee_decision',
      [
        'status',
        'committeeId',
        'committeeDecision',
        'committeeRank',
        'committeeCondition',
        'notifiedOn',
        'responseDeadline',
      ],
      requestId,
    );
  });
}

/** Checks the codes of a refusal: one known primary reason, known secondary ones, none from the committee. */
function refusalIssues(refusal: RefusalInput | null | undefined): FieldIssue[] {
  if (!refusal?.primaryReason) return [{ path: 'refusal.primaryReason', message: e.primaryReasonRequired }];
  const issues: FieldIssue[] = [];
  const check = (path: string, code: string) => {
    if (!isRefusalReasonCode(code)) issues.push({ path, message: e.reasonUnknown });
    else if (familyOf(code) === 'CAL') issues.push({ path, message: e.committeeReasonNotForApplicant });
  };
  check('refusal.primaryReason', refusal.primaryReason);
  refusal.secondaryReasons.forEach((code, i) => {
    check(`refusal.secondaryReasons.${i}`, code);
    if (code === refusal.primaryReason)
      issues.push({ path: `refusal.secondaryReasons.${i}`, message: e.secondaryRepeatsPrimary });
  });
  refusal.wouldAcceptIf.forEach((w, i) => {
    if (!w.requiredValue)
      issues.push({ path: `refusal.wouldAcceptIf.${i}.requiredValue`, message: e.wouldAcceptValueRequired });
  });
  return issues;
}

/**
 * The person's answer, recorded by their case team. After the deadline an acceptance or a refusal needs
 * `late` and a reason; "no answer" needs the deadline passed and is kept as a refusal coded
 * PRO.SANS_REPONSE. A refusal keeps a frozen copy of the unit; an acceptance allocates the unit and moves
 * the pathway to its implementation stage, all in one transaction.
 */
export async function recordAnswer(db: Db, actor: Actor, id: string, input: AnswerInput, requestId: string) {
  await db.transaction(async (tx) => {
    const offer = await personOffer(tx, actor, id);
    const status = transition(offer, { kind: 'answer', answer: input.answer });
    const today = parisDay(new Date());
    const issues = notInFuture('answeredOn', input.answeredOn, today);
    if (input.answeredOn < offer.proposedOn) issues.push({ path: 'answeredOn', message: e.answerBeforeProposal });
    const deadline = offer.responseDeadline;
    const late = deadline !== null && isLate(input.answeredOn, deadline);
    if (input.answer === 'no_answer') {
      if (!deadline || !isLate(today, deadline))
        issues.push({ path: 'answer', message: e.deadlineNotPassed(t.day(deadline ?? today)) });
    } else if (late && !input.late) issues.push({ path: 'answeredOn', message: e.afterDeadline(t.day(deadline)) });
    else if (late && !input.lateReason) issues.push({ path: 'lateReason', message: e.lateReasonRequired });
    else if (!late && input.late) issues.push({ path: 'late', message: e.notLate });
    if (input.answer === 'refuse') issues.push(...refusalIssues(input.refusal));
    failIf(issues);

    const fields = ['status', 'answer', 'answeredOn'];
    await updateOffer(tx, actor.workspaceId, id, {
      status,
      answer: input.answer,
      answeredOn: input.answeredOn,
      lateReason: late && input.late ? input.lateReason : null,
    });
    if (late && input.late) fields.push('lateReason');

    if (input.answer === 'accept') {
      await lockUnitDecisions(tx, offer.unitId);
      if (await findHoldingOffer(tx, actor.workspaceId, offer.unitId, offer.id))
        throw new AppError('conflict', { message: e.unitHeldByOffer });
      await setUnitStatus(tx, actor.workspaceId, offer.unitId, 'allocated', { actorUserId: actor.userId, requestId });
      await movePathwayForwardTo(
        tx,
        actor,
        offer.pathwayId,
        'implementation',
        { effectiveOn: input.answeredOn, reason: t.journal.accepted(offer.unitLabel) },
        requestId,
      ).catch(remapPathwayIssues);
    } else {
      const refusal =
        input.answer === 'refuse'
          ? input.refusal!
          : {
              primaryReason: 'PRO.SANS_REPONSE',
              secondaryReasons: [],
              stage: null,
              verbatim: null,
              wouldAcceptIf: [],
              fixableByLandlord: 'unknown' as const,
              consequencesExplained: false,
            };
      await insertRefusals(tx, [
        {
          id: newId(),
          workspaceId: actor.workspaceId,
          offerId: offer.id,
          primaryReason: refusal.primaryReason!,
          secondaryReasons: [...new Set(refusal.secondaryReasons)],
          stage: refusal.stage ?? refusalStageOf(offer.status as OfferStatus),
          verbatim: refusal.verbatim,
          wouldAcceptIf: refusal.wouldAcceptIf,
          fixableByLandlord: refusal.fixableByLandlord,
          consequencesExplained: refusal.consequencesExplained,
          unitSnapshot: await unitSnapshot(tx, actor.workspaceId, offer.unitId),
        },
      ]);
      fields.push('refusal');
      // A refusal at the signature gives back a unit the acceptance had allocated.
      if (offer.status === 'accepted')
        await setUnitStatus(tx, actor.workspaceId, offer.unitId, 'vacant', { actorUserId: actor.userId, requestId });
    }
    await audit(tx, actor, offer, 'offer.answer', fields, requestId);
  });
}

/** The pathway's own field errors name its form's fields; on the answer form the date is `answeredOn`. */
function remapPathwayIssues(error: unknown): never {
  if (error instanceof AppError && error.issues)
    throw new AppError(error.code, {
      message: error.userMessage,
      issues: error.issues.map((i) => (i.path === 'effectiveOn' ? { ...i, path: 'answeredOn' } : i)),
    });
  throw error;
}

/** The lease and the move: the unit is occupied and the pathway moves on to aftercare. */
export async function recordMoveIn(
  db: Db,
  actor: Actor,
  id: string,
  input: { leaseSignedOn?: string | null | undefined; movedInOn: string },
  requestId: string,
) {
  await db.transaction(async (tx) => {
    const offer = await personOffer(tx, actor, id);
    const status = transition(offer, { kind: 'move_in' });
    const today = parisDay(new Date());
    const lease = input.leaseSignedOn ?? null;
    const issues = [...notInFuture('movedInOn', input.movedInOn, today), ...notInFuture('leaseSignedOn', lease, today)];
    if (offer.answeredOn && input.movedInOn < offer.answeredOn)
      issues.push({ path: 'movedInOn', message: e.movedBeforeAnswer });
    if (lease && lease > input.movedInOn) issues.push({ path: 'leaseSignedOn', message: e.leaseAfterMove });
    failIf(issues);
    await updateOffer(tx, actor.workspaceId, id, { status, movedInOn: input.movedInOn, leaseSignedOn: lease });
    await setUnitStatus(tx, actor.workspaceId, offer.unitId, 'occupied', { actorUserId: actor.userId, requestId });
    await strikeOffForAllocation(tx, actor, offer.applicationId, requestId);
    await movePathwayForwardTo(
      tx,
      actor,
      offer.pathwayId,
      'aftercare',
      { effectiveOn: input.movedInOn, reason: t.journal.movedIn(offer.unitLabel) },
      requestId,
    ).catch(remapPathwayIssues);
    await audit(tx, actor, offer, 'offer.move_in', ['status', 'movedInOn', 'leaseSignedOn'], requestId);
  });
}

export type CommitteeInput = {
  landlordOrganizationId?: string | null | undefined;
  heldOn: string;
  commune: string;
  notes?: string | null | undefined;
};

/** A committee session of a landlord: their own for landlord staff, any landlord's for housing officers. */
export async function createCommittee(db: Db, actor: Actor, input: CommitteeInput, requestId: string) {
  if (!actor.permissions.has('housing.manage') && !actor.permissions.has('offer.respond')) throw notFound();
  return db.transaction(async (tx) => {
    const own = landlordIdsOf(actor);
    const landlordId = input.landlordOrganizationId ?? (own.length === 1 ? own[0]! : null);
    if (!landlordId) throw fieldError('landlordOrganizationId', e.landlordRequired);
    const organization = await findOrganization(tx, actor.workspaceId, landlordId);
    if (!organization || !actsForLandlord(actor, landlordId))
      throw fieldError('landlordOrganizationId', e.landlordRequired);
    if (organization.kind !== 'landlord') throw fieldError('landlordOrganizationId', e.notALandlord);
    const id = newId();
    await insertCommittees(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        landlordOrganizationId: landlordId,
        heldOn: input.heldOn,
        commune: input.commune,
        notes: input.notes ?? null,
        createdBy: actor.userId,
      },
    ]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'allocation_committee.create',
      entityType: 'allocation_committee',
      entityId: id,
      changedFields: ['landlordOrganizationId', 'heldOn', 'commune', 'notes'],
      requestId,
    });
    return { id };
  });
}
