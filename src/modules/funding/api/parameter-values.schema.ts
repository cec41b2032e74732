import { z } from '@hono/zod-openapi';
import { confidences } from '#src/modules/funding/domain/parameters.ts';
import { parameterValueSchema } from '#src/modules/funding/api/simulator.schema.ts';
import { optionalText, requiredText } from '#src/modules/funding/api/text-fields.ts';

export { confidences } from '#src/modules/funding/domain/parameters.ts';

export const parameterValueInputSchema = z
  .object({
    /** The parameter's key in the rules, e.g. `anah.income_ceilings`. */
    parameter: requiredText(100, 'Choisissez le paramètre.'),
    from: z.iso.date({ error: 'Saisissez la date d’entrée en vigueur.' }),
    to: z.iso
      .date({ error: 'Saisissez une date valide.' })
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    /** In the shape of the parameter's latest known value; checked part by part against it. */
    value: z
      .unknown()
      .nonoptional({ error: 'Saisissez la valeur.' })
      .openapi({ description: 'A number, a list of numbers, or named parts of those' }),
    confidence: z.enum(confidences, { error: 'Indiquez le niveau de confiance.' }),
    sourceTitle: requiredText(300, 'Indiquez la source (texte officiel, guide, circulaire).'),
    sourceUrl: z.url({ error: 'Saisissez l’adresse web de la source (https://…).' }),
    note: optionalText(2000),
    revision: z.int().min(1).optional(),
  })
  .openapi('FundingParameterValueInput');
export type ParameterValueInput = z.infer<typeof parameterValueInputSchema>;

/**
 * The body with the checks that read several fields (the value in the parameter's shape, the period's order) run
 * even when another field is wrong, so that one answer lists every fault.
 */
export const withFieldChecks = (issuesOf: (body: Record<string, unknown>) => { path: string; message: string }[]) =>
  parameterValueInputSchema.check(
    z.superRefine(
      (body, ctx) => {
        for (const { path, message } of issuesOf(body))
          ctx.addIssue({ code: 'custom', path: path.split('.'), message });
      },
      // Even after other faults, as long as the body is an object.
      { when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value) },
    ),
  );

/** A value the workspace entered, as stored (its own `to`, not the end the next value gives it). */
export const enteredValueSchema = z
  .object({
    id: z.uuid(),
    revision: z.number().int(),
    parameter: z.string(),
    from: z.string(),
    to: z.string().nullable(),
    value: parameterValueSchema,
    confidence: z.enum(confidences),
    sourceTitle: z.string(),
    sourceUrl: z.string(),
    note: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    /** Why the value is not used (it overlaps a value published since), or null when it is. */
    clash: z.string().nullable(),
  })
  .openapi('FundingEnteredParameterValue');
export type EnteredValueView = z.infer<typeof enteredValueSchema>;

export const parameterViewSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string().nullable(),
    /** A value in force at some date is not retrieved (the aids depending on it are "to check" then). */
    notRetrieved: z.boolean(),
    /** The shape a new value takes: the latest known value (0 when none is known). */
    shape: parameterValueSchema,
    /** The values the workspace's simulations use, in date order. */
    values: z.array(
      z.object({
        from: z.string(),
        to: z.string().nullable(),
        value: parameterValueSchema,
        confidence: z.enum(confidences),
        status: z.enum(['not_retrieved']).nullable(),
        note: z.string().nullable(),
        sources: z.array(z.object({ title: z.string(), url: z.string() })),
        /** The workspace's entered value this is, or null for a shipped one. */
        enteredId: z.uuid().nullable(),
      }),
    ),
    entered: z.array(enteredValueSchema),
  })
  .openapi('FundingParameter');
export type ParameterView = z.infer<typeof parameterViewSchema>;

export const parametersPageSchema = z
  .object({ items: z.array(parameterViewSchema), canWrite: z.boolean() })
  .openapi('FundingParameters');
export type ParametersPage = z.infer<typeof parametersPageSchema>;
