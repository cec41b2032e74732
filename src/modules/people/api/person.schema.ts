import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  bathroomTypes,
  civilities,
  consentPurposes,
  contactChannels,
  dwellingTypes,
  girSources,
  householdRelations,
  legalProtectionKinds,
  professionalKinds,
  resourcesBands,
  tenures,
} from '#src/modules/people/domain/person-file.ts';
import { sensitivePersonFields } from '#src/modules/people/domain/sensitive-fields.ts';

export {
  bathroomTypes,
  civilities,
  consentPurposes,
  contactChannels,
  dwellingTypes,
  girSources,
  householdRelations,
  legalProtectionKinds,
  professionalKinds,
  resourcesBands,
  sensitivePersonFields,
  tenures,
};

const v = messages.people.validation;

export const personSummarySchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    communeInsee: z.string().nullable(),
    communeName: z.string().nullable(),
  })
  .openapi('PersonSummary');

export const personSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'Saisissez au moins 2 caractères.').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const personCaseloadQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const personIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

// ---- Field helpers: forms send '' for an empty field; the API stores null.

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((value) => value || null)
    .openapi({ type: 'string' });

const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, messages.validation.tooLong(max));

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values, { error: message }), z.literal(''), z.null()])
    .optional()
    .transform((value) => (value ? value : null))
    .openapi({ type: 'string', enum: [...values] });

const isoDate = z.iso.date({ error: v.date });
const pastDate = (message: string) =>
  z
    .union([isoDate, z.literal(''), z.null()])
    .optional()
    .refine((value) => !value || value <= parisDay(new Date()), message)
    .transform((value) => value || null)
    .openapi({ type: 'string', format: 'date' });

const phone = z
  .string()
  .trim()
  .nullish()
  .refine((value) => !value || /^\+?[0-9 .()-]{6,20}$/.test(value), v.phone)
  .transform((value) => value || null)
  .openapi({ type: 'string', example: '03 20 00 00 00' });

const email = z
  .union([z.email({ error: messages.validation.email }), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null)
  .openapi({ type: 'string', format: 'email' });

const nullableBoolean = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);
const optionalUuid = z
  .union([z.uuid({ error: 'Identifiant invalide.' }), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null)
  .openapi({ type: 'string', format: 'uuid' });

const inseeCode = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .refine((value) => !value || /^(\d{5}|2[AB]\d{3})$/.test(value), v.insee)
  .transform((value) => value || null)
  .openapi({ type: 'string', example: '59355' });

// ---- Sections of the file: each is written on its own, with the version the writer read.

export const identityFields = {
  civility: choice(civilities, v.choice),
  firstName: requiredText(100, v.firstNameRequired),
  lastName: requiredText(100, v.lastNameRequired),
  birthName: text(100),
  birthDate: pastDate(v.birthDateFuture),
};

export const contactFields = {
  phone,
  mobilePhone: phone,
  email,
  preferredChannel: choice(contactChannels, v.choice),
};

export const addressFields = {
  addressLine: text(300),
  postalCode: z
    .string()
    .trim()
    .nullish()
    .refine((value) => !value || /^\d{5}$/.test(value), v.postalCode)
    .transform((value) => value || null)
    .openapi({ type: 'string', example: '59160' }),
  /** A commune, or a commune associée/déléguée: the server stores the current commune and the historic one. */
  communeInsee: inseeCode,
};

export const housingFields = {
  tenure: choice(tenures, v.choice),
  landlordOrganizationId: optionalUuid,
  dwellingType: choice(dwellingTypes, v.choice),
  floor: z
    .number()
    .int(v.floor)
    .min(-2, v.floor)
    .max(60, v.floor)
    .nullish()
    .transform((value) => value ?? null),
  hasLift: nullableBoolean,
  bathroomType: choice(bathroomTypes, v.choice),
  stairsInside: nullableBoolean,
};

/** Health and income data: every field here is in the sensitive registry. */
export const situationFields = {
  resourcesBand: choice(resourcesBands, v.choice),
  gir: z
    .number()
    .int(v.gir)
    .min(1, v.gir)
    .max(6, v.gir)
    .nullish()
    .transform((value) => value ?? null),
  girAssessedOn: pastDate(v.dateFuture),
  girSource: choice(girSources, v.choice),
  legalProtectionKind: choice(legalProtectionKinds, v.choice),
  protectorName: text(200),
  protectorContact: text(300),
  healthNote: text(2000),
};

const itemId = z.uuid().optional();

export const householdMemberInput = z.object({
  id: itemId,
  name: requiredText(200, messages.validation.nameRequired),
  relation: z.enum(householdRelations, { error: v.choice }),
  birthDate: pastDate(v.birthDateFuture),
});

export const caregiverInput = z.object({
  id: itemId,
  name: requiredText(200, messages.validation.nameRequired),
  relation: text(100),
  phone,
  email,
  isMain: z.boolean().default(false),
});

export const professionalInput = z.object({
  id: itemId,
  kind: z.enum(professionalKinds, { error: v.choice }),
  name: requiredText(200, messages.validation.nameRequired),
  organization: text(200),
  phone,
});

const version = z.number().int().min(1).openapi({ description: 'The version of the file the writer read' });

export const personSectionSchema = z
  .discriminatedUnion('section', [
    z.object({ section: z.literal('identity'), version, ...identityFields }),
    z.object({ section: z.literal('contact'), version, ...contactFields }),
    z.object({ section: z.literal('address'), version, ...addressFields }),
    z.object({ section: z.literal('housing'), version, ...housingFields }),
    z.object({ section: z.literal('situation'), version, ...situationFields }),
    z.object({ section: z.literal('householdMembers'), version, items: z.array(householdMemberInput).max(20) }),
    z.object({
      section: z.literal('caregivers'),
      version,
      items: z
        .array(caregiverInput)
        .max(20)
        .refine((items) => items.filter((i) => i.isMain).length <= 1, v.oneMainCaregiver),
    }),
    z.object({ section: z.literal('professionals'), version, items: z.array(professionalInput).max(30) }),
  ])
  .openapi('PersonSectionUpdate');

export const personSectionNames = [
  'identity',
  'contact',
  'address',
  'housing',
  'situation',
  'householdMembers',
  'caregivers',
  'professionals',
] as const;

export const personCreateSchema = z
  .object({
    ...identityFields,
    ...contactFields,
    ...addressFields,
    /** Needed only when the creator belongs to several organisations of the workspace. */
    owningOrganizationId: optionalUuid,
    /** The user checked the candidates and says this is not the same person. */
    allowDuplicate: z.boolean().default(false),
  })
  .openapi('PersonCreate');

// ---- The file as the API answers it (an allowlist).

const organizationRef = z.object({ id: z.uuid(), name: z.string() });

export const consentSchema = z
  .object({
    id: z.uuid(),
    purpose: z.string(),
    givenOn: z.string(),
    scope: z.string().nullable(),
    recordedBy: z.object({ id: z.uuid(), name: z.string() }),
    withdrawnOn: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .openapi('Consent');

const sensitiveShape = {
  resourcesBand: z.string().nullable().optional(),
  gir: z.number().int().nullable().optional(),
  girAssessedOn: z.string().nullable().optional(),
  girSource: z.string().nullable().optional(),
  legalProtectionKind: z.string().nullable().optional(),
  protectorName: z.string().nullable().optional(),
  protectorContact: z.string().nullable().optional(),
  healthNote: z.string().nullable().optional(),
};

export const personFileSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    updatedAt: z.string(),
    owningOrganization: organizationRef,
    civility: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    birthName: z.string().nullable(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    phone: z.string().nullable(),
    mobilePhone: z.string().nullable(),
    email: z.string().nullable(),
    preferredChannel: z.string().nullable(),
    addressLine: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeInsee: z.string().nullable(),
    communeName: z.string().nullable(),
    historicCommuneInsee: z.string().nullable(),
    historicCommuneName: z.string().nullable(),
    tenure: z.string().nullable(),
    landlordOrganization: organizationRef.nullable(),
    dwellingType: z.string().nullable(),
    floor: z.number().int().nullable(),
    hasLift: z.boolean().nullable(),
    bathroomType: z.string().nullable(),
    stairsInside: z.boolean().nullable(),
    /** False when the reader lacks `person.read_sensitive`: the sensitive fields are then absent. */
    sensitiveIncluded: z.boolean(),
    ...sensitiveShape,
    householdMembers: z.array(
      z.object({ id: z.uuid(), name: z.string(), relation: z.string(), birthDate: z.string().nullable() }),
    ),
    caregivers: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        relation: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        isMain: z.boolean(),
      }),
    ),
    professionals: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        name: z.string(),
        organization: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
    consents: z.array(consentSchema),
    /** What the reader may do, so the page offers only the forms that will work (the server still checks). */
    canWrite: z.boolean(),
    mergedIntoId: z.null(),
  })
  .openapi('PersonFile');

/** A file absorbed by a merge answers with the file that kept its records. */
export const mergedPersonSchema = z.object({ id: z.uuid(), mergedIntoId: z.uuid() }).openapi('MergedPerson');

export const duplicateCandidateSchema = z
  .object({
    /** Absent for a file the user may not open: only the organisation that holds it is named. */
    person: personSummarySchema.nullable(),
    organizationName: z.string(),
  })
  .openapi('DuplicateCandidate');

export const mergeSchema = z.object({ duplicateId: z.uuid({ error: 'Identifiant invalide.' }) }).openapi('PersonMerge');

// ---- Consents and case team.

export const consentInputSchema = z
  .object({
    purpose: z.enum(consentPurposes, { error: v.choice }),
    givenOn: z.iso.date({ error: v.date }).refine((value) => value <= parisDay(new Date()), v.dateFuture),
    scope: text(1000),
  })
  .openapi('ConsentInput');

export const consentWithdrawSchema = z
  .object({ reason: requiredText(1000, v.reasonRequired) })
  .openapi('ConsentWithdrawal');

export const consentParamSchema = z.object({
  id: z.uuid({ error: 'Identifiant invalide.' }),
  consentId: z.uuid({ error: 'Identifiant invalide.' }),
});

export const caseTeamMemberSchema = z
  .object({
    id: z.uuid(),
    user: z.object({ id: z.uuid(), name: z.string() }),
    organization: organizationRef,
    roleLabel: z.string().nullable(),
    consentId: z.uuid().nullable(),
    since: z.string(),
  })
  .openapi('CaseTeamMember');

export const caseTeamSchema = z.object({
  items: z.array(caseTeamMemberSchema),
  owningOrganizationId: z.uuid(),
  /** Users of the workspace who may be added, with their organisations (for the add form). */
  candidates: z.array(z.object({ userId: z.uuid(), name: z.string(), organization: organizationRef })),
  canWrite: z.boolean(),
});

export const caseTeamAddSchema = z
  .object({
    userId: z.uuid({ error: v.userRequired }),
    organizationId: z.uuid({ error: v.organizationRequired }),
    roleLabel: text(100),
    /** Needed for a member from another organisation than the owning one: the sharing consent. */
    consentId: optionalUuid,
  })
  .openapi('CaseTeamMemberInput');

export const caseTeamMemberParamSchema = z.object({
  id: z.uuid({ error: 'Identifiant invalide.' }),
  caseTeamMemberId: z.uuid({ error: 'Identifiant invalide.' }),
});

export const landlordListSchema = z.object({ items: z.array(organizationRef) });

export type PersonSummary = z.infer<typeof personSummarySchema>;
export type PersonFile = z.infer<typeof personFileSchema>;
export type MergedPerson = z.infer<typeof mergedPersonSchema>;
export type PersonCreateInput = z.input<typeof personCreateSchema>;
export type PersonCreate = z.output<typeof personCreateSchema>;
export type PersonSectionUpdate = z.output<typeof personSectionSchema>;
export type PersonSectionName = (typeof personSectionNames)[number];
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type Consent = z.infer<typeof consentSchema>;
export type ConsentInput = z.output<typeof consentInputSchema>;
export type CaseTeam = z.infer<typeof caseTeamSchema>;
export type CaseTeamMember = z.infer<typeof caseTeamMemberSchema>;
export type CaseTeamAdd = z.output<typeof caseTeamAddSchema>;
