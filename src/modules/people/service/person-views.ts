import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import type { MergedPerson, PersonFile, PersonSummary } from '#src/modules/people/api/person.schema.ts';
import { withoutSensitiveFields } from '#src/modules/people/domain/sensitive-fields.ts';
import { ageOn, personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { listConsents } from '#src/modules/people/repo/consents.repo.ts';
import { listCaregivers, listHouseholdMembers, listProfessionals } from '#src/modules/people/repo/person-lists.repo.ts';
import {
  findMergeTarget,
  findVisiblePerson,
  findVisiblePersonRecord,
  listCaseload,
  searchVisiblePersons,
  type PersonRecord,
  type PersonRow,
} from '#src/modules/people/repo/persons.repo.ts';
import { loadDirectory } from '#src/modules/people/service/directory.ts';
import { communeNameOf } from '#src/modules/platform/index.ts';
import { parisDay } from '#src/shared/time/paris.ts';

/** A line of a list: the commune as people say it, the historic one (Lomme) before its chef-lieu (Lille). */
export const toSummary = async (row: PersonRow, today: Date): Promise<PersonSummary> => ({
  id: row.id,
  firstName: row.firstName,
  lastName: row.lastName,
  birthDate: row.birthDate,
  age: row.birthDate ? ageOn(row.birthDate, parisDay(today)) : null,
  communeInsee: row.communeInsee,
  communeName: await communeNameOf(row.historicCommuneInsee ?? row.communeInsee),
});

export async function searchPersons(
  db: Db,
  actor: Actor,
  input: { q: string; limit: number },
): Promise<PersonSummary[]> {
  const rows = await searchVisiblePersons(db, personScopeOf(actor), input.q, input.limit);
  const today = new Date();
  return Promise.all(rows.map((r) => toSummary(r, today)));
}

export async function getCaseload(db: Db, actor: Actor, limit: number): Promise<PersonSummary[]> {
  const rows = await listCaseload(db, personScopeOf(actor), limit);
  const today = new Date();
  return Promise.all(rows.map((r) => toSummary(r, today)));
}

/**
 * The summary of a file the actor may open, or null (missing, hidden or merged alike). For other
 * modules that hold a person id; not audited, as it reveals nothing beyond the name.
 */
export async function findPersonForActor(db: Db, actor: Actor, personId: string): Promise<PersonSummary | null> {
  const row = await findVisiblePerson(db, personScopeOf(actor), personId);
  return row ? toSummary(row, new Date()) : null;
}

/** Everything the file shows, with the sensitive fields only for a reader holding `person.read_sensitive`. */
export async function buildPersonFile(db: Db, actor: Actor, record: PersonRecord): Promise<PersonFile> {
  const ws = actor.workspaceId;
  const [directory, household, carers, pros, consents, commune, historicCommune] = await Promise.all([
    loadDirectory(db, ws),
    listHouseholdMembers(db, ws, record.id),
    listCaregivers(db, ws, record.id),
    listProfessionals(db, ws, record.id),
    listConsents(db, ws, record.id),
    communeNameOf(record.communeInsee),
    communeNameOf(record.historicCommuneInsee),
  ]);
  const maySeeSensitive = actor.permissions.has('person.read_sensitive');
  const owning = directory.organization(record.owningOrganizationId);
  const landlord = record.landlordOrganizationId ? directory.organization(record.landlordOrganizationId) : null;
  const sensitive = withoutSensitiveFields(
    {
      resourcesBand: record.resourcesBand,
      gir: record.gir,
      girAssessedOn: record.girAssessedOn,
      girSource: record.girSource,
      legalProtectionKind: record.legalProtectionKind,
      protectorName: record.protectorName,
      protectorContact: record.protectorContact,
      healthNote: record.healthNote,
    },
    maySeeSensitive,
  );
  return {
    id: record.id,
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
    owningOrganization: { id: record.owningOrganizationId, name: owning?.name ?? '' },
    civility: record.civility,
    firstName: record.firstName,
    lastName: record.lastName,
    birthName: record.birthName,
    birthDate: record.birthDate,
    age: record.birthDate ? ageOn(record.birthDate, parisDay(new Date())) : null,
    phone: record.phone,
    mobilePhone: record.mobilePhone,
    email: record.email,
    preferredChannel: record.preferredChannel,
    addressLine: record.addressLine,
    postalCode: record.postalCode,
    communeInsee: record.communeInsee,
    communeName: commune,
    historicCommuneInsee: record.historicCommuneInsee,
    historicCommuneName: historicCommune,
    tenure: record.tenure,
    landlordOrganization: landlord ? { id: landlord.id, name: landlord.name } : null,
    dwellingType: record.dwellingType,
    floor: record.floor,
    hasLift: record.hasLift,
    bathroomType: record.bathroomType,
    stairsInside: record.stairsInside,
    sensitiveIncluded: maySeeSensitive,
    ...sensitive,
    householdMembers: household.map((h) => ({ id: h.id, name: h.name, relation: h.relation, birthDate: h.birthDate })),
    caregivers: carers.map((c) => ({
      id: c.id,
      name: c.name,
      relation: c.relation,
      phone: c.phone,
      email: c.email,
      isMain: c.isMain,
    })),
    professionals: pros.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      organization: p.organization,
      phone: p.phone,
    })),
    consents: consents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      givenOn: c.givenOn,
      scope: c.scope,
      recordedBy: { id: c.recordedBy, name: directory.userName(c.recordedBy) },
      withdrawnOn: c.withdrawnOn,
      withdrawalReason: c.withdrawalReason,
    })),
    canWrite: actor.permissions.has('person.write'),
    mergedIntoId: null,
  };
}

/**
 * Opening a person's file is itself audited, in the same transaction as the read. A merged file
 * answers with the file that absorbed it, if the reader may open that one.
 */
export async function getPersonFile(
  db: Db,
  actor: Actor,
  id: string,
  requestId: string,
): Promise<PersonFile | MergedPerson> {
  return db.transaction(async (tx) => {
    const scope = personScopeOf(actor);
    const record = await findVisiblePersonRecord(tx, scope, id);
    if (!record) {
      const keptId = await findMergeTarget(tx, actor.workspaceId, id);
      if (keptId && (await findVisiblePerson(tx, scope, keptId))) return { id, mergedIntoId: keptId };
      throw notFound();
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'person.read',
      entityType: 'person',
      entityId: id,
      personId: id,
      requestId,
    });
    return buildPersonFile(tx, actor, record);
  });
}
