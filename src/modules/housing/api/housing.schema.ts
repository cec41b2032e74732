import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { accessFlags, accessLevels } from '#src/modules/housing/domain/access-level.ts';
import {
  checkMethods,
  contactRoles,
  energyClasses,
  adaptationWorks,
  financings,
  legalCategories,
  offerKinds,
  programmeKinds,
  programmePhases,
  programmeServices,
  showerTypes,
  shutterKinds,
  typologies,
  unitStatuses,
} from '#src/modules/housing/domain/supply.ts';

/** Reference values for the forms' choices (UI code reads them from here, not from the domain). */
export {
  adaptationWorks,
  checkMethods,
  contactRoles,
  energyClasses,
  financings,
  legalCategories,
  offerKinds,
  programmeKinds,
  programmePhases,
  programmeServices,
  typologies,
};

const v = messages.housing.validation;

// Path parameters are named after their table, so generic sweeps (cross-workspace tests) find the records.
const idParam = z.uuid({ error: 'Identifiant invalide.' });
export const unitParamSchema = z.object({ housingUnitId: idParam });
export const programmeParamSchema = z.object({ housingProgrammeId: idParam });
export const buildingParamSchema = z.object({ housingBuildingId: idParam });
export const photoParamSchema = z.object({ housingProgrammeId: idParam, housingProgrammePhotoId: idParam });
// Documentation only: the caption is checked once the programme is known to be visible, so an unseen one answers 404.
export const photoQuerySchema = z.object({
  caption: z.string().optional().openapi({ description: 'What the photo shows, 1 to 200 characters' }),
});
export const landlordParamSchema = z.object({ organizationId: idParam });
export const contactParamSchema = z.object({ organizationId: idParam, housingLandlordContactId: idParam });

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
const choice = <T extends readonly [string, ...string[]]>(values: T, message = v.count) =>
  z
    .union([z.enum(values, { error: message }), z.literal(''), z.null()])
    .optional()
    .transform((value) => (value ? value : null))
    .openapi({ type: 'string', enum: [...values] });
const requiredChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });
/** A measurement: a number in range, or null when not measured. */
const measure = (min: number, max: number, message: string, integer = true) =>
  z
    .union([(integer ? z.number().int() : z.number()).min(min, message).max(max, message), z.null()], {
      error: message,
    })
    .optional()
    .transform((value) => value ?? null);
const tri = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);
const date = z
  .union([z.iso.date({ error: v.date }), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null)
  .openapi({ type: 'string', format: 'date' });
const uuid = z.uuid({ error: 'Identifiant invalide.' });

// ---- Inputs

export const programmeInputSchema = z
  .object({
    organizationId: z.uuid({ error: v.landlordRequired }),
    name: requiredText(200, v.nameRequired),
    kind: requiredChoice(programmeKinds, v.kindRequired),
    phase: requiredChoice(programmePhases, v.phaseRequired),
    addressLine: text(200),
    postalCode: text(10),
    communeInsee: z
      .string({ error: v.communeRequired })
      .trim()
      .regex(/^(\d{5}|2[AB]\d{3})$/, v.communeRequired)
      .openapi({ example: '59355' }),
    latitude: measure(41, 51.2, v.coordinates, false),
    longitude: measure(-5.3, 9.7, v.coordinates, false),
    deliveryDate: date,
    unitsPlanned: z
      .array(
        z.object({
          typology: requiredChoice(typologies, v.typologyRequired),
          financing: requiredChoice(financings, v.financingRequired),
          count: z.number({ error: v.count }).int(v.count).min(0, v.count).max(2000, v.count),
        }),
      )
      .max(40)
      .default([]),
    services: z.array(z.enum(programmeServices)).max(programmeServices.length).default([]),
    labels: z
      .array(z.object({ label: requiredText(60, v.nameRequired), awardedOn: date }))
      .max(10)
      .default([]),
    qpv: tri,
    version: z.number().int().optional(),
  })
  .openapi('ProgrammeInput');
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export const buildingInputSchema = z
  .object({
    entranceLabel: requiredText(80, v.entranceRequired),
    addressLine: text(200),
    floorsAboveGround: measure(0, 60, v.count),
    stepsStreetToLobby: measure(0, 50, v.count),
    rampPresent: tri,
    rampSlopePct: measure(0, 30, v.count, false),
    rampHandrail: tri,
    entranceHandrail: tri,
    entranceDoorAutomatic: tri,
    entranceDoorClearWidthCm: measure(0, 1000, messages.housing.contradictions.door_width_out_of_range),
    liftCount: measure(0, 20, v.count),
    liftServesAllLandings: tri,
    liftHalfLevelSteps: measure(0, 30, v.count),
    liftCabinWidthCm: measure(50, 400, v.count),
    liftCabinDepthCm: measure(50, 400, v.count),
    stairHandrails: tri,
    automaticLighting: tri,
    mailboxesReachable: tri,
    disabledParking: tri,
    lastCheckOn: date,
    lastCheckMethod: choice(checkMethods),
    version: z.number().int().optional(),
  })
  .openapi('BuildingInput');
export type BuildingInput = z.infer<typeof buildingInputSchema>;

const unitFieldsSchema = z.object({
  buildingId: z.uuid({ error: v.buildingRequired }),
  landlordUnitRef: requiredText(40, v.refRequired),
  rplsId: text(20),
  floor: z.number({ error: v.floor }).int(v.floor).min(-2, v.floor).max(60, v.floor),
  typology: requiredChoice(typologies, v.typologyRequired),
  bedrooms: z.number({ error: v.bedrooms }).int(v.bedrooms).min(0, v.bedrooms).max(8, v.bedrooms),
  surfaceM2: measure(9, 400, v.surface, false),
  individualHouse: z.boolean().default(false),
  financing: requiredChoice(financings, v.financingRequired),
  rentEur: measure(0, 5000, v.amount, false),
  chargesEur: measure(0, 2000, v.amount, false),
  chargesIncludeHeating: tri,
  energyClass: choice(energyClasses),
  status: requiredChoice(unitStatuses, v.statusRequired),
  availableFrom: date,
  liftServesLanding: tri,
  stepFreeAccessDeclared: tri,
  // Door widths are range-checked with the other contradictions, so the message names the rule.
  entranceDoorClearWidthCm: measure(0, 1000, messages.housing.contradictions.door_width_out_of_range),
  doorClearWidthMinCm: measure(0, 1000, messages.housing.contradictions.door_width_out_of_range),
  internalSteps: measure(0, 30, v.count),
  thresholdsMaxCm: measure(0, 30, v.count),
  showerType: choice(showerTypes),
  showerStepCm: measure(0, 80, v.count),
  turningCircle150: tri,
  grabBars: tri,
  showerSeat: tri,
  wcRaised: tri,
  wcLateralSpace: tri,
  wcGrabBar: tri,
  wcSeparate: tri,
  kitchenPassage150: tri,
  bedroomPassage90: tri,
  shutters: choice(shutterKinds),
  videophone: tri,
  lightPath: tri,
  visualDoorbell: tri,
  visualContrasts: tri,
  simpleSignage: tri,
  balconyOrGarden: tri,
  personalisedFittings: text(300),
  worksFeasible: tri,
  works: z
    .array(z.enum(adaptationWorks, { error: v.unknownWork }))
    .max(adaptationWorks.length)
    .default([]),
  worksLandlordCommitment: tri,
  measuredOn: date,
  measurementMethod: choice(checkMethods),
  version: z.number().int().optional(),
});

export const unitInputSchema = unitFieldsSchema
  .refine((u) => !['notice', 'to_deliver', 'works'].includes(u.status) || u.availableFrom !== null, {
    path: ['availableFrom'],
    message: v.availableFromNeeded,
  })
  .openapi('UnitInput');
export type UnitInput = z.infer<typeof unitInputSchema>;

export const contactInputSchema = z.object({
  role: requiredChoice(contactRoles, v.roleRequired),
  name: requiredText(120, v.contactNameRequired),
  email: z
    .union([z.email({ error: messages.validation.email }), z.literal(''), z.null()])
    .optional()
    .transform((value) => value || null),
  phone: text(30),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const profileInputSchema = z.object({
  tradeName: text(120),
  legalCategory: choice(legalCategories),
  groupName: text(120),
  offerKinds: z.array(z.enum(offerKinds)).max(offerKinds.length).default([]),
  adaptationPolicy: text(1000),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const signatureInputSchema = z.object({
  signedOn: z.iso.date({ error: v.signedOnRequired }).openapi({ type: 'string', format: 'date' }),
  commitmentCodes: z
    .array(z.string().trim().min(1).max(40))
    .min(1, v.commitmentsRequired)
    .max(60)
    .openapi({ description: 'Codes of the current charter version the landlord takes', example: ['commitment'] }),
});
export type SignatureInput = z.infer<typeof signatureInputSchema>;

export const reviewInputSchema = z.object({
  commitmentId: uuid,
  year: z.number({ error: v.year }).int(v.year).min(2000, v.year),
  value: requiredText(120, v.reviewValueRequired),
  comment: text(1000),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const unitListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  organizationId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  communeInsee: z.string().trim().max(100).optional(),
  typology: z
    .enum(typologies)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  level: z
    .enum(accessLevels)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  status: z
    .enum(unitStatuses)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  kind: z
    .enum(programmeKinds)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

// ---- Responses (allowlists)

const nullableNumber = z.number().nullable();
const nullableBoolean = z.boolean().nullable();

export const unitListItemSchema = z.object({
  id: z.uuid(),
  landlordUnitRef: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  programmeKind: z.enum(programmeKinds),
  landlordName: z.string(),
  communeName: z.string().nullable(),
  floor: z.number().int(),
  typology: z.enum(typologies),
  rentEur: nullableNumber,
  chargesEur: nullableNumber,
  accessLevel: z.enum(accessLevels),
  status: z.enum(unitStatuses),
  availableFrom: z.string().nullable(),
});
export type UnitListItem = z.infer<typeof unitListItemSchema>;

const countSchema = z.object({ key: z.string(), count: z.number().int() });
export const unitListSchema = z
  .object({
    items: z.array(unitListItemSchema),
    total: z.number().int(),
    byLevel: z.array(countSchema),
    byStatus: z.array(countSchema),
    landlords: z.array(z.object({ id: z.uuid(), name: z.string() })),
    /** The name of the commune filtered on, so the filter shows it rather than its code. */
    communeName: z.string().nullable(),
    canAddProgrammes: z.boolean(),
  })
  .openapi('UnitList');
export type UnitList = z.infer<typeof unitListSchema>;

const checkSchema = z.object({
  code: z.string(),
  level: z.string(),
  status: z.enum(['met', 'failed', 'unknown']),
  field: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});

export const buildingSchema = z.object({
  id: z.uuid(),
  entranceLabel: z.string(),
  addressLine: z.string().nullable(),
  floorsAboveGround: nullableNumber,
  stepsStreetToLobby: nullableNumber,
  rampPresent: nullableBoolean,
  rampSlopePct: nullableNumber,
  rampHandrail: nullableBoolean,
  entranceHandrail: nullableBoolean,
  entranceDoorAutomatic: nullableBoolean,
  entranceDoorClearWidthCm: nullableNumber,
  liftCount: nullableNumber,
  liftServesAllLandings: nullableBoolean,
  liftHalfLevelSteps: nullableNumber,
  liftCabinWidthCm: nullableNumber,
  liftCabinDepthCm: nullableNumber,
  stairHandrails: nullableBoolean,
  automaticLighting: nullableBoolean,
  mailboxesReachable: nullableBoolean,
  disabledParking: nullableBoolean,
  lastCheckOn: z.string().nullable(),
  lastCheckMethod: z.enum(checkMethods).nullable(),
  version: z.number().int(),
});
export type Building = z.infer<typeof buildingSchema>;

export const unitDetailSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeName: z.string(),
    organizationId: z.uuid(),
    landlordName: z.string(),
    communeName: z.string().nullable(),
    building: buildingSchema,
    values: unitFieldsSchema.omit({ version: true }).extend({
      typology: z.enum(typologies),
      financing: z.enum(financings),
      status: z.enum(unitStatuses),
      works: z.array(z.enum(adaptationWorks)),
      individualHouse: z.boolean(),
    }),
    version: z.number().int(),
    accessLevel: z.enum(accessLevels),
    accessFlags: z.array(z.enum(accessFlags)),
    derivation: z.object({ checks: z.array(checkSchema), decisive: z.array(checkSchema), toVerify: z.boolean() }),
    stepsToDoor: nullableNumber,
    liftToLanding: nullableBoolean,
    canEdit: z.boolean(),
  })
  .openapi('UnitDetail');
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const programmeDetailSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    landlordName: z.string(),
    name: z.string(),
    kind: z.enum(programmeKinds),
    phase: z.enum(programmePhases),
    addressLine: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeInsee: z.string(),
    historicCommuneInsee: z.string().nullable(),
    communeName: z.string().nullable(),
    latitude: nullableNumber,
    longitude: nullableNumber,
    deliveryDate: z.string().nullable(),
    unitsPlanned: z.array(z.object({ typology: z.string(), financing: z.string(), count: z.number().int() })),
    services: z.array(z.string()),
    labels: z.array(z.object({ label: z.string(), awardedOn: z.string().nullable() })),
    qpv: nullableBoolean,
    version: z.number().int(),
    buildings: z.array(buildingSchema),
    units: z.array(unitListItemSchema),
    photos: z.array(z.object({ id: z.uuid(), caption: z.string(), mediaType: z.string() })),
    canEdit: z.boolean(),
  })
  .openapi('ProgrammeDetail');
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const programmeListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(programmeKinds),
      phase: z.enum(programmePhases),
      landlordName: z.string(),
      communeName: z.string().nullable(),
      unitCount: z.number().int(),
    }),
  ),
});
export type ProgrammeList = z.infer<typeof programmeListSchema>;

export const landlordListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      legalCategory: z.enum(legalCategories).nullable(),
      groupName: z.string().nullable(),
      programmeCount: z.number().int(),
      unitCount: z.number().int(),
      signedCharter: z.boolean(),
    }),
  ),
});
export type LandlordList = z.infer<typeof landlordListSchema>;

const reviewSchema = z.object({
  commitmentId: z.uuid(),
  year: z.number().int(),
  value: z.string(),
  comment: z.string().nullable(),
});
const commitmentSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  indicator: z.string(),
  target: z.string().nullable(),
});

export const landlordDetailSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    siren: z.string().nullable(),
    profile: profileInputSchema.extend({
      legalCategory: z.enum(legalCategories).nullable(),
      offerKinds: z.array(z.enum(offerKinds)),
    }),
    inseeLegalCategory: z.string().nullable(),
    contacts: z.array(
      z.object({
        id: z.uuid(),
        role: z.enum(contactRoles),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
    labels: z.array(
      z.object({
        label: z.string(),
        awardedOn: z.string().nullable(),
        expiresOn: z.string().nullable(),
        scope: z.string().nullable(),
      }),
    ),
    charter: z
      .object({
        version: z.number().int(),
        signedOn: z.string().nullable(),
        commitments: z.array(commitmentSchema.extend({ taken: z.boolean() })),
        reviews: z.array(reviewSchema),
      })
      .nullable(),
    programmes: programmeListSchema.shape.items,
    canEdit: z.boolean(),
  })
  .openapi('LandlordDetail');
export type LandlordDetail = z.infer<typeof landlordDetailSchema>;

export const charterSchema = z
  .object({
    charter: z
      .object({
        id: z.uuid(),
        version: z.number().int(),
        title: z.string(),
        adoptedOn: z.string().nullable(),
        commitments: z.array(commitmentSchema),
        landlords: z.array(
          z.object({
            organizationId: z.uuid(),
            name: z.string(),
            signedOn: z.string().nullable(),
            commitmentCodes: z.array(z.string()),
            reviews: z.array(reviewSchema),
          }),
        ),
      })
      .nullable(),
  })
  .openapi('Charter');
export type Charter = z.infer<typeof charterSchema>;

export const createdSchema = z.object({ id: z.uuid() });
