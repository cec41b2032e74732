import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { CSV_BOM, csvLine } from '#src/shared/csv.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { isSensitivePersonField } from '#src/modules/people/domain/sensitive-fields.ts';
import { ageOn, personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { listVisiblePersonRecords, type PersonRecord } from '#src/modules/people/repo/persons.repo.ts';
import { loadDirectory, type Directory } from '#src/modules/people/service/directory.ts';

type Cell = string | number | null;
type Column = { field: string; value: (p: PersonRecord, directory: Directory, today: Date) => Cell };

const t = messages.people;
const frDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);
const yesNo = (value: boolean | null) => (value === null ? null : value ? t.yes : t.no);
const label = (labels: Record<string, string>, value: string | null) => (value ? (labels[value] ?? value) : null);

/** The export's columns, in order; a field of the sensitive registry is left out for a reader without the permission. */
const columns: Column[] = [
  { field: 'id', value: (p) => p.id },
  { field: 'civility', value: (p) => label(t.civilities, p.civility) },
  { field: 'lastName', value: (p) => p.lastName },
  { field: 'firstName', value: (p) => p.firstName },
  { field: 'birthName', value: (p) => p.birthName },
  { field: 'birthDate', value: (p) => frDate(p.birthDate) },
  { field: 'age', value: (p, _d, today) => (p.birthDate ? ageOn(p.birthDate, parisDay(today)) : null) },
  { field: 'phone', value: (p) => p.phone },
  { field: 'mobilePhone', value: (p) => p.mobilePhone },
  { field: 'email', value: (p) => p.email },
  { field: 'preferredChannel', value: (p) => label(t.channels, p.preferredChannel) },
  { field: 'addressLine', value: (p) => p.addressLine },
  { field: 'postalCode', value: (p) => p.postalCode },
  { field: 'communeInsee', value: (p) => p.communeInsee },
  { field: 'historicCommuneInsee', value: (p) => p.historicCommuneInsee },
  { field: 'tenure', value: (p) => label(t.tenures, p.tenure) },
  {
    field: 'landlordOrganizationId',
    value: (p, d) => (p.landlordOrganizationId ? (d.organization(p.landlordOrganizationId)?.name ?? null) : null),
  },
  { field: 'dwellingType', value: (p) => label(t.dwellingTypes, p.dwellingType) },
  { field: 'floor', value: (p) => p.floor },
  { field: 'hasLift', value: (p) => yesNo(p.hasLift) },
  { field: 'bathroomType', value: (p) => label(t.bathroomTypes, p.bathroomType) },
  { field: 'stairsInside', value: (p) => yesNo(p.stairsInside) },
  { field: 'resourcesBand', value: (p) => label(t.resourcesBands, p.resourcesBand) },
  { field: 'gir', value: (p) => p.gir },
  { field: 'girAssessedOn', value: (p) => frDate(p.girAssessedOn) },
  { field: 'girSource', value: (p) => label(t.girSources, p.girSource) },
  { field: 'legalProtectionKind', value: (p) => label(t.legalProtectionKinds, p.legalProtectionKind) },
  { field: 'protectorName', value: (p) => p.protectorName },
  { field: 'protectorContact', value: (p) => p.protectorContact },
  { field: 'healthNote', value: (p) => p.healthNote },
  {
    field: 'owningOrganizationId',
    value: (p, d) => d.organization(p.owningOrganizationId)?.name ?? null,
  },
  { field: 'createdAt', value: (p) => frDate(p.createdAt.toISOString().slice(0, 10)) },
];

/**
 * The files the actor may see as CSV for French spreadsheets (UTF-8 with BOM, `;`, dd/mm/yyyy);
 * sensitive columns only with `person.read_sensitive`. The export is audited with the columns it held.
 */
export async function exportPersonsCsv(db: Db, actor: Actor, requestId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const included = actor.permissions.has('person.read_sensitive')
      ? columns
      : columns.filter((c) => !isSensitivePersonField(c.field));
    const [rows, directory] = await Promise.all([
      listVisiblePersonRecords(tx, personScopeOf(actor)),
      loadDirectory(tx, actor.workspaceId),
    ]);
    const today = new Date();
    const header = csvLine(included.map((c) => t.csvHeaders[c.field] ?? c.field));
    const body = rows.map((p) => csvLine(included.map((c) => c.value(p, directory, today)))).join('');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'person.export',
      entityType: 'person',
      changedFields: included.map((c) => c.field),
      requestId,
    });
    return `${CSV_BOM}${header}${body}`;
  });
}
