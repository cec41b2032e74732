import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findOrganization, listOrganizations } from '#src/modules/platform/index.ts';
import type {
  Charter,
  ContactInput,
  LandlordDetail,
  LandlordList,
  ProfileInput,
  ReviewInput,
  SignatureInput,
} from '#src/modules/housing/api/housing.schema.ts';
import { housingScopeOf, scopeIncludes } from '#src/modules/housing/domain/scope.ts';
import type { ContactRole, LegalCategory, OfferKind } from '#src/modules/housing/domain/supply.ts';
import {
  contactsOf,
  deleteContactRow,
  findContact,
  findProfile,
  insertContact,
  labelsOf,
  latestCharter,
  listProfiles,
  listProgrammes,
  unitCountsByLandlord,
  upsertProfile,
  upsertReview,
  upsertSignature,
  updateContactRow,
} from '#src/modules/housing/repo/supply.repo.ts';
import { listProgrammesForActor } from '#src/modules/housing/service/supply.ts';

const v = messages.housing.validation;

/** A landlord organisation the actor may open: every one for CCAS staff, their own for landlord staff. */
async function landlordInScope(db: Db, actor: Actor, organizationId: string) {
  const org = await findOrganization(db, actor.workspaceId, organizationId);
  if (!org || org.kind !== 'landlord' || !scopeIncludes(housingScopeOf(actor), org.id)) throw notFound();
  return org;
}

export async function listLandlordsForActor(db: Db, actor: Actor): Promise<LandlordList> {
  const scope = housingScopeOf(actor);
  const [orgs, profiles, programmes, unitCounts, charter] = await Promise.all([
    listOrganizations(db, actor.workspaceId),
    listProfiles(db, actor.workspaceId),
    listProgrammes(db, scope),
    unitCountsByLandlord(db, actor.workspaceId),
    latestCharter(db, actor.workspaceId),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.organizationId, p]));
  const units = new Map(unitCounts.map((c) => [c.organizationId, Number(c.count)]));
  const signed = new Set(charter?.signatures.map((s) => s.organizationId));
  return {
    items: orgs
      .filter((o) => o.kind === 'landlord' && scopeIncludes(scope, o.id))
      .map((o) => ({
        id: o.id,
        name: o.name,
        legalCategory: (profileOf.get(o.id)?.legalCategory ?? null) as LegalCategory | null,
        groupName: profileOf.get(o.id)?.groupName ?? null,
        programmeCount: programmes.filter((p) => p.organizationId === o.id).length,
        unitCount: units.get(o.id) ?? 0,
        signedCharter: signed.has(o.id),
      })),
  };
}

export async function getLandlordForActor(db: Db, actor: Actor, organizationId: string): Promise<LandlordDetail> {
  const org = await landlordInScope(db, actor, organizationId);
  const [profile, contacts, labels, charter, programmes] = await Promise.all([
    findProfile(db, actor.workspaceId, org.id),
    contactsOf(db, actor.workspaceId, org.id),
    labelsOf(db, actor.workspaceId, org.id),
    latestCharter(db, actor.workspaceId),
    listProgrammesForActor(db, actor, org.id),
  ]);
  const signature = charter?.signatures.find((s) => s.organizationId === org.id) ?? null;
  return {
    id: org.id,
    name: org.name,
    siren: org.siret ? org.siret.slice(0, 9) : null,
    profile: {
      tradeName: profile?.tradeName ?? null,
      legalCategory: (profile?.legalCategory ?? null) as LegalCategory | null,
      groupName: profile?.groupName ?? null,
      offerKinds: (profile?.offerKinds ?? []) as OfferKind[],
      adaptationPolicy: profile?.adaptationPolicy ?? null,
    },
    inseeLegalCategory: profile?.inseeLegalCategory ?? null,
    contacts: contacts.map((c) => ({
      id: c.id,
      role: c.role as ContactRole,
      name: c.name,
      email: c.email,
      phone: c.phone,
    })),
    labels: labels.map((l) => ({ label: l.label, awardedOn: l.awardedOn, expiresOn: l.expiresOn, scope: l.scope })),
    charter: charter
      ? {
          version: charter.charter.version,
          signedOn: signature?.signedOn ?? null,
          commitments: charter.commitments.map((c) => ({
            id: c.id,
            code: c.code,
            label: c.label,
            indicator: c.indicator,
            target: c.target,
            taken: signature?.commitmentCodes.includes(c.code) ?? false,
          })),
          reviews: charter.reviews.filter((r) => r.organizationId === org.id),
        }
      : null,
    programmes: programmes.items,
    canEdit: actor.permissions.has('housing.supply'),
  };
}

export async function getCharterForActor(db: Db, actor: Actor): Promise<Charter> {
  const charter = await latestCharter(db, actor.workspaceId);
  if (!charter) return { charter: null };
  const scope = housingScopeOf(actor);
  const orgs = (await listOrganizations(db, actor.workspaceId)).filter(
    (o) => o.kind === 'landlord' && scopeIncludes(scope, o.id),
  );
  return {
    charter: {
      id: charter.charter.id,
      version: charter.charter.version,
      title: charter.charter.title,
      adoptedOn: charter.charter.adoptedOn,
      commitments: charter.commitments.map((c) => ({
        id: c.id,
        code: c.code,
        label: c.label,
        indicator: c.indicator,
        target: c.target,
      })),
      landlords: orgs.map((o) => {
        const signature = charter.signatures.find((s) => s.organizationId === o.id);
        return {
          organizationId: o.id,
          name: o.name,
          signedOn: signature?.signedOn ?? null,
          commitmentCodes: signature?.commitmentCodes ?? [],
          reviews: charter.reviews.filter((r) => r.organizationId === o.id),
        };
      }),
    },
  };
}

export async function saveProfile(
  db: Db,
  actor: Actor,
  organizationId: string,
  input: ProfileInput,
  requestId: string,
) {
  const org = await landlordInScope(db, actor, organizationId);
  await db.transaction(async (tx) => {
    await upsertProfile(tx, { ...input, workspaceId: actor.workspaceId, id: newId(), organizationId: org.id });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'landlord_profile.save',
      entityType: 'organization',
      entityId: org.id,
      changedFields: Object.keys(input),
      requestId,
    });
  });
}

export async function addContact(db: Db, actor: Actor, organizationId: string, input: ContactInput, requestId: string) {
  const org = await landlordInScope(db, actor, organizationId);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertContact(tx, { ...input, workspaceId: actor.workspaceId, id, organizationId: org.id });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'landlord_contact.create',
      entityType: 'landlord_contact',
      entityId: id,
      changedFields: Object.keys(input),
      requestId,
    });
  });
  return { id };
}

type ContactRef = { organizationId: string; housingLandlordContactId: string };

/** A contact of a landlord the actor may write for; another landlord's contact answers 404 like a missing one. */
async function contactInScope(db: Db, actor: Actor, ref: ContactRef) {
  const org = await landlordInScope(db, actor, ref.organizationId);
  const contact = await findContact(db, actor.workspaceId, org.id, ref.housingLandlordContactId);
  if (!contact) throw notFound();
  return contact;
}

export async function updateContact(db: Db, actor: Actor, ref: ContactRef, input: ContactInput, requestId: string) {
  const before = await contactInScope(db, actor, ref);
  await db.transaction(async (tx) => {
    await updateContactRow(tx, actor.workspaceId, before.id, input);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'landlord_contact.update',
      entityType: 'landlord_contact',
      entityId: before.id,
      changedFields: changedFieldsOf(before as Record<string, unknown>, input),
      requestId,
    });
  });
}

export async function removeContact(db: Db, actor: Actor, ref: ContactRef, requestId: string) {
  const contact = await contactInScope(db, actor, ref);
  await db.transaction(async (tx) => {
    await deleteContactRow(tx, actor.workspaceId, contact.id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'landlord_contact.delete',
      entityType: 'landlord_contact',
      entityId: contact.id,
      changedFields: [],
      requestId,
    });
  });
}

/** Signs the current charter version for a landlord, with the commitments it takes (signing again corrects it). */
export async function saveSignature(
  db: Db,
  actor: Actor,
  organizationId: string,
  input: SignatureInput,
  requestId: string,
) {
  const org = await landlordInScope(db, actor, organizationId);
  const charter = await latestCharter(db, actor.workspaceId);
  if (!charter) throw notFound();
  if (input.signedOn > parisDay(new Date())) throw fieldError('signedOn', v.signedOnFuture);
  const known = new Set(charter.commitments.map((c) => c.code));
  if (input.commitmentCodes.some((code) => !known.has(code))) throw fieldError('commitmentCodes', v.unknownCommitment);
  // Stored in the charter's order, whatever order the boxes were ticked in.
  const codes = charter.commitments.map((c) => c.code).filter((code) => input.commitmentCodes.includes(code));
  await db.transaction(async (tx) => {
    const id = await upsertSignature(tx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      charterId: charter.charter.id,
      organizationId: org.id,
      signedOn: input.signedOn,
      commitmentCodes: codes,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'charter_signature.save',
      entityType: 'charter_signature',
      entityId: id,
      changedFields: ['signedOn', 'commitmentCodes'],
      requestId,
    });
  });
}

/** Records (or corrects) a landlord's yearly value for one commitment it took. */
export async function saveReview(db: Db, actor: Actor, organizationId: string, input: ReviewInput, requestId: string) {
  const org = await landlordInScope(db, actor, organizationId);
  if (input.year > new Date().getFullYear()) throw fieldError('year', v.year);
  const charter = await latestCharter(db, actor.workspaceId);
  const commitment = charter?.commitments.find((c) => c.id === input.commitmentId);
  const signature = charter?.signatures.find((s) => s.organizationId === org.id);
  if (!commitment || !signature?.commitmentCodes.includes(commitment.code))
    throw fieldError('commitmentId', v.commitmentNotSigned);
  await db.transaction(async (tx) => {
    const id = await upsertReview(tx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      organizationId: org.id,
      commitmentId: commitment.id,
      year: input.year,
      value: input.value,
      comment: input.comment,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'charter_review.save',
      entityType: 'charter_review',
      entityId: id,
      changedFields: ['value', 'comment'],
      requestId,
    });
  });
}
