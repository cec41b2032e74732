import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { listOrganizations } from '#src/modules/platform/index.ts';
import type { Committee, CommitteeList, Offer, OfferList, OfferSummary } from '#src/modules/offers/api/offer.schema.ts';
import type {
  Answer,
  CommitteeDecision,
  FixableByLandlord,
  OfferOrigin,
  OfferStatus,
  RefusalStage,
} from '#src/modules/offers/domain/offer.ts';
import {
  findCommittee,
  findOfferView,
  findRefusal,
  listCommittees,
  listOffers,
  type CommitteeRow,
  type OfferFilters,
  type OfferListRow,
} from '#src/modules/offers/repo/offers.repo.ts';
import { actsForLandlord, landlordIdsOf, offerScopeOf, recordsForPerson } from '#src/modules/offers/service/scope.ts';

const summaryOf = (row: OfferListRow): OfferSummary => ({
  id: row.id,
  applicationId: row.applicationId,
  sneNumber: row.sneNumber,
  personName: row.personName,
  unitId: row.unitId,
  unitLabel: row.unitLabel,
  typology: row.typology,
  landlord: { id: row.landlordOrganizationId, name: row.landlordName },
  origin: row.origin as OfferOrigin,
  status: row.status as OfferStatus,
  proposedOn: row.proposedOn,
  responseDeadline: row.responseDeadline,
});

export async function listOffersForActor(db: Db, actor: Actor, filters: OfferFilters): Promise<OfferList> {
  const rows = await listOffers(db, offerScopeOf(actor), filters);
  return { items: rows.map(summaryOf) };
}

const committeeOf = (row: CommitteeRow, landlordName: string): Committee => ({
  id: row.id,
  landlord: { id: row.landlordOrganizationId, name: landlordName },
  heldOn: row.heldOn,
  commune: row.commune,
  notes: row.notes,
});

export async function getOffer(db: Db, actor: Actor, id: string): Promise<Offer> {
  const row = await findOfferView(db, offerScopeOf(actor), id);
  if (!row) throw notFound();
  const [refusal, committee, forPerson] = await Promise.all([
    findRefusal(db, actor.workspaceId, id),
    row.committeeId ? findCommittee(db, actor.workspaceId, row.committeeId) : null,
    recordsForPerson(db, actor, row),
  ]);
  // The person's words stay with the CCAS: landlord staff read the codes, not the verbatim.
  const landlordOnly = landlordIdsOf(actor).length > 0 && !actor.permissions.has('housing.manage');
  return {
    ...summaryOf(row),
    personId: row.personId,
    pathwayId: row.pathwayId,
    programmeId: row.programmeId,
    visitOn: row.visitOn,
    committee: committee ? committeeOf(committee, row.landlordName) : null,
    committeeDecision: row.committeeDecision as CommitteeDecision | null,
    committeeRank: row.committeeRank,
    committeeCondition: row.committeeCondition,
    notifiedOn: row.notifiedOn,
    answer: row.answer as Answer | null,
    answeredOn: row.answeredOn,
    lateReason: row.lateReason,
    leaseSignedOn: row.leaseSignedOn,
    movedInOn: row.movedInOn,
    refusal: refusal && {
      primaryReason: refusal.primaryReason,
      secondaryReasons: refusal.secondaryReasons,
      stage: refusal.stage as RefusalStage,
      verbatim: landlordOnly ? null : refusal.verbatim,
      wouldAcceptIf: refusal.wouldAcceptIf,
      fixableByLandlord: refusal.fixableByLandlord as FixableByLandlord,
      consequencesExplained: refusal.consequencesExplained,
      unitSnapshot: refusal.unitSnapshot,
      recordedAt: refusal.createdAt.toISOString(),
    },
    can: { actForLandlord: actsForLandlord(actor, row.landlordOrganizationId), recordForPerson: forPerson },
  };
}

/** Committees the actor may record decisions in: their landlord's, or every landlord's for housing officers. */
export async function listCommitteesForActor(db: Db, actor: Actor): Promise<CommitteeList> {
  const all = actor.permissions.has('housing.manage');
  const own = landlordIdsOf(actor);
  if (!all && own.length === 0) return { items: [], landlords: [] };
  const [rows, organizations] = await Promise.all([
    listCommittees(db, actor.workspaceId, all ? null : own),
    listOrganizations(db, actor.workspaceId),
  ]);
  const landlords = organizations
    .filter((o) => o.kind === 'landlord' && (all || own.includes(o.id)))
    .map((o) => ({ id: o.id, name: o.name }));
  const names = new Map(landlords.map((l) => [l.id, l.name]));
  return { items: rows.map((r) => committeeOf(r, names.get(r.landlordOrganizationId) ?? '')), landlords };
}
