import { z } from '@hono/zod-openapi';
import { requiredFields, transitionKinds } from '#src/modules/pathways/domain/stages.ts';
import {
  ageBands,
  closureReasons,
  journalKinds,
  outcomes,
  personalCriteria,
  personStances,
  solutionKinds,
  taskStatuses,
} from '#src/modules/pathways/domain/vocabulary.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';
import { messages } from '#src/shared/i18n/fr.ts';

const isoDate = z.iso.date({ error: 'Saisissez une date valide (jj/mm/aaaa).' });
const text = (max: number) => z.string().trim().max(max, `Ce champ ne doit pas dépasser ${max} caractères.`);
const requiredText = (max: number) => text(max).min(1, 'Ce champ est obligatoire.');
const optionalText = (max: number) => text(max).nullish();

export const idParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export const stageSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    position: z.number().int(),
    requiredFields: z.array(z.enum(requiredFields)),
    active: z.boolean(),
  })
  .openapi('PathwayStage');

export const adminStageSchema = stageSchema
  .extend({ pathwaysNow: z.number().int(), everUsed: z.boolean() })
  .openapi('PathwayStageAdmin');

export const stageCreateSchema = z.object({
  label: requiredText(80),
  requiredFields: z.array(z.enum(requiredFields)).default([]),
});
export const stageUpdateSchema = z.object({
  label: requiredText(80).optional(),
  requiredFields: z.array(z.enum(requiredFields)).optional(),
  active: z.boolean().optional(),
});
export const stageOrderSchema = z.object({ stageIds: z.array(z.uuid()).min(1, 'Ce champ est obligatoire.') });

export const pathwayListQuerySchema = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  channel: z.enum(entryChannels).optional(),
  stageId: z.uuid().optional(),
  referentUserId: z.uuid().optional(),
  // Matched exactly against the person's commune code: any other text simply finds nothing.
  commune: z.string().trim().max(100).optional(),
  ageBand: z.enum(ageBands).optional(),
  personne: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type PathwayListQuery = z.infer<typeof pathwayListQuerySchema>;

export const pathwaySummarySchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    age: z.number().int().nullable(),
    communeInsee: z.string().nullable(),
    communeName: z.string().nullable(),
    channel: z.enum(entryChannels),
    stageId: z.uuid(),
    stageLabel: z.string(),
    stageEnteredOn: z.string(),
    daysInStage: z.number().int(),
    referentUserId: z.uuid(),
    referentName: z.string(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
  })
  .openapi('PathwaySummary');
export type PathwaySummary = z.infer<typeof pathwaySummarySchema>;

export const pathwayCreateSchema = z.object({
  personId: z.uuid({ error: 'Choisissez une personne.' }),
  owningOrganizationId: z.uuid({ error: 'Choisissez une organisation.' }),
  referentUserId: z.uuid({ error: 'Choisissez un ou une référent·e.' }),
  channel: z.enum(entryChannels, { error: messages.pathways.errors.channelRequired }),
});

export const transitionCreateSchema = z.object({
  toStageId: z.uuid({ error: 'Choisissez une étape.' }),
  effectiveOn: isoDate.optional(),
  reason: optionalText(2000),
  outcome: z.enum(outcomes).nullish(),
  closureReason: z.enum(closureReasons).nullish(),
});

export const pathwayUpdateSchema = z.object({ qualificationSummary: text(4000) });

export const journalCreateSchema = z.object({
  kind: z.enum(journalKinds, { error: 'Choisissez le type d’entrée.' }),
  occurredAt: z.iso.datetime({ offset: true, error: 'Saisissez une date et une heure valides.' }),
  body: requiredText(8000),
  private: z.boolean().default(false),
  secondVisitorUserId: z.uuid().nullish(),
  correctsEntryId: z.uuid().nullish(),
});

export const taskCreateSchema = z.object({
  title: requiredText(200),
  dueDate: isoDate,
  assigneeUserId: z.uuid({ error: 'Choisissez la personne chargée de la tâche.' }),
  remindAt: z.iso.datetime({ offset: true, error: 'Saisissez une date et une heure valides.' }).nullish(),
});
export const taskUpdateSchema = z.object({ status: z.enum(taskStatuses) });
export const taskListQuerySchema = z.object({
  view: z.enum(['mine', 'overdue_mine', 'overdue_team']).default('mine'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const optionInputSchema = z.object({
  kind: z.enum(solutionKinds, { error: 'Choisissez le type de solution.' }),
  description: requiredText(4000),
  professionalAssessment: optionalText(4000),
  personStance: z.enum(personStances).nullish(),
  personWords: optionalText(4000),
  criteria: z.array(z.enum(personalCriteria)).default([]),
  otherCriteria: optionalText(1000),
  familyPosition: optionalText(4000),
});
export type OptionInput = z.infer<typeof optionInputSchema>;
export const optionChoiceSchema = z.object({ chosenOn: isoDate.optional() });

export const taskSchema = z
  .object({
    id: z.uuid(),
    pathwayId: z.uuid(),
    title: z.string(),
    dueDate: z.string(),
    assigneeUserId: z.uuid(),
    assigneeName: z.string(),
    status: z.enum(taskStatuses),
    remindAt: z.string(),
    overdue: z.boolean(),
  })
  .openapi('PathwayTask');
export type PathwayTask = z.infer<typeof taskSchema>;

export const taskWithPersonSchema = taskSchema
  .extend({ personId: z.uuid(), firstName: z.string(), lastName: z.string() })
  .openapi('PathwayTaskWithPerson');
export type PathwayTaskWithPerson = z.infer<typeof taskWithPersonSchema>;

export const journalEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(journalKinds),
    occurredAt: z.string(),
    authorUserId: z.uuid(),
    authorName: z.string(),
    secondVisitorUserId: z.uuid().nullable(),
    secondVisitorName: z.string().nullable(),
    body: z.string(),
    private: z.boolean(),
    correctsEntryId: z.uuid().nullable(),
    correctedBy: z.array(z.uuid()),
    createdAt: z.string(),
  })
  .openapi('PathwayJournalEntry');
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const optionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(solutionKinds),
    description: z.string(),
    professionalAssessment: z.string().nullable(),
    personStance: z.enum(personStances).nullable(),
    personWords: z.string().nullable(),
    criteria: z.array(z.enum(personalCriteria)),
    otherCriteria: z.string().nullable(),
    familyPosition: z.string().nullable(),
    chosenOn: z.string().nullable(),
  })
  .openapi('PathwaySolutionOption');
export type SolutionOption = z.infer<typeof optionSchema>;

export const transitionSchema = z.object({
  id: z.uuid(),
  fromStageId: z.uuid().nullable(),
  toStageId: z.uuid(),
  kind: z.enum(transitionKinds),
  effectiveOn: z.string(),
  reason: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  closureReason: z.enum(closureReasons).nullable(),
  byName: z.string(),
});

export const pathwayDetailSchema = z
  .object({
    pathway: pathwaySummarySchema.extend({
      owningOrganizationId: z.uuid(),
      qualificationSummary: z.string().nullable(),
      outcome: z.enum(outcomes).nullable(),
      closureReason: z.enum(closureReasons).nullable(),
      birthDate: z.string().nullable(),
    }),
    stages: z.array(stageSchema.extend({ days: z.number().int() })),
    history: z.array(transitionSchema),
    journal: z.array(journalEntrySchema),
    tasks: z.array(taskSchema),
    options: z.array(optionSchema),
    /** Who may be assigned a task or join a visit: the referent and the person's active case team. */
    team: z.array(z.object({ userId: z.uuid(), name: z.string() })),
    canWrite: z.boolean(),
    /** The reader, so the page offers to correct only their own journal entries. */
    viewerUserId: z.uuid(),
  })
  .openapi('PathwayDetail');
export type PathwayDetail = z.infer<typeof pathwayDetailSchema>;

export const referentChoiceSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
});
export type ReferentChoice = z.infer<typeof referentChoiceSchema>;

export const createdSchema = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });

/** The vocabularies the forms offer (the UI reaches the domain through this file). */
export {
  ageBands,
  closureReasons,
  journalKinds,
  outcomes,
  personalCriteria,
  personStances,
  solutionKinds,
} from '#src/modules/pathways/domain/vocabulary.ts';
export { requiredFields } from '#src/modules/pathways/domain/stages.ts';
export type Stage = z.infer<typeof stageSchema>;
export type AdminStage = z.infer<typeof adminStageSchema>;
