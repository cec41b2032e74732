import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { MAX_PERIOD_DAYS, periodDays } from '#src/modules/observatory/domain/periods.ts';

/** The period vocabulary the page's form shares with the route. */
export {
  periodPresets,
  presetPeriod,
  type Period,
  type PeriodPreset,
} from '#src/modules/observatory/domain/periods.ts';

const t = messages.indicators.period;
const isoDate = z.iso.date({ error: t.dateInvalid });

/** A period of Paris calendar days, both ends included; the page's form checks it with this same schema. */
export const periodQuerySchema = z.object({ from: isoDate, to: isoDate }).superRefine((period, ctx) => {
  if (period.to < period.from) ctx.addIssue({ code: 'custom', path: ['to'], message: t.toBeforeFrom });
  else if (periodDays(period) > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: t.tooLong });
});

const count = z.object({ key: z.string(), count: z.number().int() });
const stageCount = z.object({ stageId: z.uuid(), label: z.string(), count: z.number().int() });
const stageMedian = z.object({
  stageId: z.uuid(),
  label: z.string(),
  visits: z.number().int(),
  medianDays: z.number().int(),
});

const personsBy = z.object({ key: z.string(), label: z.string(), persons: z.number().int() });

/** What the submitted home-visit forms of the period record: persons by difficulty and by room. */
export const homeVisitDifficultiesSchema = z.object({
  responses: z.number().int(),
  persons: z.number().int(),
  byDifficulty: z.array(personsBy),
  byRoom: z.array(personsBy),
});

export const indicatorsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    referralsByChannel: z.array(count),
    referralDecisions: z.array(count),
    referralClosureReasons: z.array(count),
    entriesByChannel: z.array(count),
    entriesByMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
    pathwaysByStage: z.array(stageCount),
    medianDaysPerStage: z.array(stageMedian),
    outcomes: z.array(count),
    closureReasons: z.array(count),
    homeVisitDifficulties: homeVisitDifficultiesSchema,
  })
  .openapi('Indicators');

export type Indicators = z.infer<typeof indicatorsSchema>;
export type CountByKey = z.infer<typeof count>;
export type PersonsByKey = z.infer<typeof personsBy>;
