import type { FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.pathways;

/**
 * What may be required before a pathway leaves a stage. The last stage closes the pathway, so its
 * own required fields are asked on entering it (there is no leaving it, only reopening).
 */
export const requiredFields = [
  'qualificationSummary',
  'homeVisit',
  'chosenSolution',
  'outcome',
  'closureReason',
] as const;
export type RequiredField = (typeof requiredFields)[number];

export type PathwayFacts = Record<RequiredField, boolean>;

export type StageDefinition = {
  id: string;
  key: string;
  label: string;
  position: number;
  requiredFields: RequiredField[];
  active: boolean;
};

/** The Lomme "parcours logement intégré", applied to a workspace that has no stages yet. */
export const lommeTemplate: Omit<StageDefinition, 'id' | 'active'>[] = [
  { key: 'referral', label: 'Repérage', position: 1, requiredFields: [] },
  { key: 'qualification', label: 'Qualification', position: 2, requiredFields: ['qualificationSummary', 'homeVisit'] },
  { key: 'case_review', label: 'Synthèse collective', position: 3, requiredFields: [] },
  { key: 'co_construction', label: 'Co-construction de la solution', position: 4, requiredFields: ['chosenSolution'] },
  { key: 'implementation', label: 'Mise en œuvre', position: 5, requiredFields: [] },
  { key: 'aftercare', label: 'Accompagnement post', position: 6, requiredFields: [] },
  { key: 'closure', label: 'Clôture', position: 7, requiredFields: ['outcome', 'closureReason'] },
];

export const transitionKinds = ['open', 'forward', 'skip', 'back', 'reopen'] as const;
export type TransitionKind = (typeof transitionKinds)[number];

export const activeInOrder = (stages: readonly StageDefinition[]) =>
  stages.filter((s) => s.active).sort((a, b) => a.position - b.position);

/** The last active stage closes the pathway. */
export const closingStageOf = (stages: readonly StageDefinition[]) => activeInOrder(stages).at(-1) ?? null;

export type TransitionRequest = {
  currentStageId: string;
  toStageId: string;
  effectiveOn: string;
  reason: string | null;
  today: string;
  /** Effective date of the latest transition: a new one cannot predate it, or durations turn negative. */
  lastEffectiveOn: string;
  facts: PathwayFacts;
};

export type TransitionDecision = { ok: true; kind: TransitionKind } | { ok: false; issues: FieldIssue[] };

/**
 * The stage machine: forward to the next stage; further forward (a skip) with a reason, provided every
 * stage left behind has its required fields; closing from any stage with an outcome and a closure
 * reason; backwards always with a reason (from the closing stage, that is a reopening).
 */
export function decideTransition(stages: readonly StageDefinition[], request: TransitionRequest): TransitionDecision {
  const ordered = activeInOrder(stages);
  const fromIndex = ordered.findIndex((s) => s.id === request.currentStageId);
  const toIndex = ordered.findIndex((s) => s.id === request.toStageId);
  const issues: FieldIssue[] = [];
  if (fromIndex < 0 || toIndex < 0)
    return { ok: false, issues: [{ path: 'toStageId', message: t.errors.unknownStage }] };
  if (toIndex === fromIndex) return { ok: false, issues: [{ path: 'toStageId', message: t.errors.sameStage }] };

  if (request.effectiveOn > request.today) issues.push({ path: 'effectiveOn', message: t.errors.effectiveInFuture });
  else if (request.effectiveOn < request.lastEffectiveOn)
    issues.push({ path: 'effectiveOn', message: t.errors.effectiveBeforeLast(request.lastEffectiveOn) });

  const hasReason = (request.reason ?? '').trim().length > 0;
  const closing = ordered.at(-1)!;
  let kind: TransitionKind;
  if (toIndex < fromIndex) {
    kind = request.currentStageId === closing.id ? 'reopen' : 'back';
    if (!hasReason)
      issues.push({ path: 'reason', message: kind === 'reopen' ? t.errors.reopenReason : t.errors.backReason });
  } else {
    kind = toIndex === fromIndex + 1 ? 'forward' : 'skip';
    if (kind === 'skip' && !hasReason) issues.push({ path: 'reason', message: t.errors.skipReason });
    // A pathway may close from any stage (the person declines, dies, moves away): closing asks only
    // for the outcome and its reason, not for the work of the stages it cuts short.
    if (ordered[toIndex]!.id === closing.id) issues.push(...missingForClosing(closing, request.facts));
    else issues.push(...missingFields(ordered.slice(fromIndex, toIndex), request.facts));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, kind };
}

function missingFields(left: readonly StageDefinition[], facts: PathwayFacts): FieldIssue[] {
  return left.flatMap((stage) =>
    stage.requiredFields
      .filter((field) => !facts[field])
      .map((field) => ({ path: field, message: t.errors.requiredToLeave(stage.label, t.requiredFieldNames[field]) })),
  );
}

function missingForClosing(closing: StageDefinition, facts: PathwayFacts): FieldIssue[] {
  return closing.requiredFields
    .filter((field) => !facts[field])
    .map((field) => ({ path: field, message: t.errors.requiredToClose(t.requiredFieldNames[field]) }));
}

export type StageVisit = { toStageId: string; effectiveOn: string };

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Days spent in each stage, from the transition history (oldest first). A stage visited twice (after
 * a step back or a reopening) adds up; the current stage counts until today, except the closing stage,
 * where a closed pathway no longer spends time.
 */
export function daysPerStage(history: readonly StageVisit[], today: string, closingStageId: string | null) {
  const days = new Map<string, number>();
  history.forEach((visit, i) => {
    const next = history[i + 1];
    if (!next && visit.toStageId === closingStageId) return;
    const spent = daysBetween(visit.effectiveOn, next ? next.effectiveOn : today);
    days.set(visit.toStageId, (days.get(visit.toStageId) ?? 0) + spent);
  });
  return days;
}

/** A stage key for a new stage: lower-case ASCII, from its label. */
export function stageKeyOf(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'etape'
  );
}
