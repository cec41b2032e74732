import { z } from '@hono/zod-openapi';
import { funderKinds, localAidBases } from '#src/modules/funding/domain/local-aids.ts';
import { confidences } from '#src/modules/funding/domain/parameters.ts';
import { retirementSchemes, tenures } from '#src/modules/funding/domain/household.ts';
import { optionalText, requiredText } from '#src/modules/funding/api/text-fields.ts';

export { funderKinds, localAidBases } from '#src/modules/funding/domain/local-aids.ts';

const euros = z
  .int({ error: 'Saisissez un montant entier en euros.' })
  .min(0, { error: 'Le montant ne peut pas être négatif.' })
  .max(10_000_000, { error: 'Ce montant paraît trop élevé : vérifiez-le.' })
  .nullish()
  .transform((v) => v ?? null);
const gir = z
  .int({ error: 'Le GIR va de 1 à 6.' })
  .min(1, { error: 'Le GIR va de 1 à 6.' })
  .max(6, { error: 'Le GIR va de 1 à 6.' })
  .nullish()
  .transform((v) => v ?? null);

export const localAidInputSchema = z
  .object({
    name: requiredText(200, 'Donnez le nom de l’aide.'),
    funderName: requiredText(200, 'Indiquez le financeur.'),
    funderKind: z.enum(funderKinds, { error: 'Choisissez le type de financeur.' }),
    description: optionalText(2000),
    minAge: z
      .int({ error: 'Saisissez un âge en années.' })
      .min(0, { error: 'Âge invalide.' })
      .max(120, { error: 'Âge invalide.' })
      .nullish()
      .transform((v) => v ?? null),
    girMin: gir,
    girMax: gir,
    incomeCeiling: euros,
    incomeCeilingPerExtraPerson: euros,
    tenures: z.array(z.enum(tenures, { error: 'Statut inconnu.' })).default([]),
    retirementSchemes: z.array(z.enum(retirementSchemes, { error: 'Régime inconnu.' })).default([]),
    requiresAnahDecision: z.boolean().default(false),
    base: z.enum(localAidBases, { error: 'Choisissez sur quoi l’aide est calculée.' }),
    /** A share in percent, as people say it (70 for 70 %). */
    ratePercent: z
      .number({ error: 'Saisissez un pourcentage.' })
      .min(0, { error: 'Le taux va de 0 à 100 %.' })
      .max(100, { error: 'Le taux va de 0 à 100 %.' })
      .nullish()
      .transform((v) => v ?? null),
    cap: euros,
    fixedAmount: euros,
    inForceFrom: z.iso.date({ error: 'Saisissez la date d’entrée en vigueur.' }),
    inForceTo: z.iso
      .date({ error: 'Saisissez une date valide.' })
      .nullish()
      .transform((v) => v ?? null),
    sourceTitle: requiredText(300, 'Indiquez la source (délibération, règlement, page du financeur).'),
    sourceUrl: z
      .url({ error: 'Saisissez une adresse web complète (https://…).' })
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    confidence: z.enum(confidences, { error: 'Indiquez le niveau de confiance.' }),
    revision: z.int().min(1).optional(),
  })
  .openapi('FundingLocalAidInput');
export type LocalAidInput = z.infer<typeof localAidInputSchema>;

export const localAidSchema = z
  .object({
    id: z.uuid(),
    revision: z.number().int(),
    name: z.string(),
    funderName: z.string(),
    funderKind: z.enum(funderKinds),
    description: z.string().nullable(),
    minAge: z.number().int().nullable(),
    girMin: z.number().int().nullable(),
    girMax: z.number().int().nullable(),
    incomeCeiling: z.number().int().nullable(),
    incomeCeilingPerExtraPerson: z.number().int().nullable(),
    tenures: z.array(z.enum(tenures)),
    retirementSchemes: z.array(z.enum(retirementSchemes)),
    requiresAnahDecision: z.boolean(),
    base: z.enum(localAidBases),
    ratePercent: z.number().nullable(),
    cap: z.number().int().nullable(),
    fixedAmount: z.number().int().nullable(),
    inForceFrom: z.string(),
    inForceTo: z.string().nullable(),
    sourceTitle: z.string(),
    sourceUrl: z.string().nullable(),
    confidence: z.enum(confidences),
  })
  .openapi('FundingLocalAid');
export type LocalAidView = z.infer<typeof localAidSchema>;
