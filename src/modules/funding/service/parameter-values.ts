import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { frenchDay } from '#src/shared/time/paris.ts';
import {
  layerWorkspaceValues,
  readValue,
  shapeOf,
  WORKSPACE_FILE,
  type DatedValue,
  type Parameter,
  type ValueOverlapError,
  type WorkspaceParameterValue,
} from '#src/modules/funding/domain/parameters.ts';
import type {
  EnteredValueView,
  ParameterValueInput,
  ParametersPage,
} from '#src/modules/funding/api/parameter-values.schema.ts';
import {
  findParameterValue,
  insertParameterValue,
  listParameterValueRows,
  listParameterValues,
  lockParameter,
  updateParameterValue,
  workspaceValueOf,
  type ParameterValueRow,
  type ParameterValueValues,
} from '#src/modules/funding/repo/parameter-values.repo.ts';
import { shippedRules, withWorkspaceValues } from '#src/modules/funding/service/simulate.ts';

const t = messages.fundingRules.parameters;
const confidenceLabel = messages.fundingRules.simulator.results.confidence;

const period = (value: DatedValue) =>
  value.to === null ? t.since(frenchDay(value.from)) : t.between(frenchDay(value.from), frenchDay(value.to));

/** The clash named for the user: the value the period overlaps, published or entered earlier. */
const clashMessage = ({ other }: ValueOverlapError) =>
  other.file === WORKSPACE_FILE
    ? t.errors.overlapEntered(period(other))
    : t.errors.overlapShipped(period(other), confidenceLabel[other.confidence]);

const enteredViewOf = (row: ParameterValueRow, clash: string | null): EnteredValueView => ({
  id: row.id,
  revision: row.revision,
  parameter: row.parameterId,
  from: row.fromOn,
  to: row.toOn,
  value: row.value as EnteredValueView['value'],
  confidence: row.confidence as EnteredValueView['confidence'],
  sourceTitle: row.sourceTitle,
  sourceUrl: row.sourceUrl,
  note: row.note,
  withdrawnAt: row.archivedAt?.toISOString() ?? null,
  clash,
});

/**
 * Every shipped parameter with the values the workspace's simulations use (its own layered on the shipped ones),
 * those with a value not retrieved first, and what the workspace entered, withdrawn values included.
 */
export async function listParameters(db: Db, actor: Actor): Promise<Omit<ParametersPage, 'canWrite'>> {
  const rows = await listParameterValueRows(db, actor.workspaceId);
  const { set, clashes } = withWorkspaceValues(rows.filter((r) => !r.archivedAt).map(workspaceValueOf));
  const clashOf = new Map(clashes.map((c) => [c.entry.id, clashMessage(c.error)]));
  const inUse = rows.filter((r) => !r.archivedAt && !clashOf.has(r.id));
  const items = [...shippedRules().parameters.parameters.values()].map((shipped) => {
    const parameter = set.parameters.get(shipped.id)!;
    return {
      id: parameter.id,
      label: parameter.label,
      unit: parameter.unit,
      notRetrieved: parameter.values.some((v) => v.status === 'not_retrieved'),
      shape: shapeOf(shipped),
      values: parameter.values.map((v) => ({
        from: v.from,
        to: v.to,
        value: v.value,
        confidence: v.confidence,
        status: v.status,
        note: v.note,
        sources: v.sources.flatMap((id) => {
          const source = set.sources.get(id);
          return source ? [{ title: source.title, url: source.url }] : [];
        }),
        enteredId:
          v.file === WORKSPACE_FILE
            ? (inUse.find((r) => r.parameterId === parameter.id && r.fromOn === v.from)?.id ?? null)
            : null,
      })),
      entered: rows
        .filter((r) => r.parameterId === parameter.id)
        .map((r) => enteredViewOf(r, clashOf.get(r.id) ?? null)),
    };
  });
  // Values nest two levels at most in the parameters file; the response schema spells that out. Stable sort: the
  // file's order within each group.
  return {
    items: [...items.filter((p) => p.notRetrieved), ...items.filter((p) => !p.notRetrieved)] as ParametersPage['items'],
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Faults found across fields of a request, whatever else is wrong with it: the value read in the shape of the
 * parameter, and an end before the start.
 */
export function crossFieldIssues(body: Record<string, unknown>): FieldIssue[] {
  const parameter =
    typeof body.parameter === 'string' ? shippedRules().parameters.parameters.get(body.parameter) : undefined;
  const issues: FieldIssue[] =
    parameter && body.value !== undefined
      ? readValue(body.value, shapeOf(parameter)).problems.map(({ path, problem }) => ({
          path: ['value', ...path].join('.'),
          message: t.errors[problem],
        }))
      : [];
  const { from, to } = body;
  if (typeof from === 'string' && typeof to === 'string' && ISO_DAY.test(from) && ISO_DAY.test(to) && to < from)
    issues.push({ path: 'to', message: t.errors.endBeforeStart });
  return issues;
}

/** The request's values, the value read in the shape of the parameter. */
function valuesOf(input: ParameterValueInput, parameter: Parameter) {
  const issues = crossFieldIssues(input);
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  const value = readValue(input.value, shapeOf(parameter));
  return {
    parameterId: parameter.id,
    fromOn: input.from,
    toOn: input.to,
    value: value.value,
    confidence: input.confidence,
    sourceTitle: input.sourceTitle,
    sourceUrl: input.sourceUrl,
    note: input.note,
  } satisfies ParameterValueValues;
}

function parameterOf(input: ParameterValueInput): Parameter {
  const parameter = shippedRules().parameters.parameters.get(input.parameter);
  if (!parameter) throw fieldError('parameter', t.errors.unknownParameter);
  return parameter;
}

/** A value overlapping a known one (shipped, or entered before) is refused on its start date, the clash named. */
async function refuseOverlap(tx: Db, workspaceId: string, candidate: WorkspaceParameterValue) {
  await lockParameter(tx, workspaceId, candidate.parameterId);
  const others = (await listParameterValues(tx, workspaceId)).filter((v) => v.id !== candidate.id);
  const { clashes } = layerWorkspaceValues(withWorkspaceValues(others).set, [candidate], t.enteredSource);
  if (clashes.length > 0) throw fieldError('from', clashMessage(clashes[0]!.error));
}

const candidateOf = (id: string, values: ReturnType<typeof valuesOf>): WorkspaceParameterValue => ({
  id,
  parameterId: values.parameterId,
  from: values.fromOn,
  to: values.toOn,
  value: values.value,
  confidence: values.confidence,
  sourceTitle: values.sourceTitle,
  sourceUrl: values.sourceUrl,
  note: values.note,
});

const audit = (tx: Db, actor: Actor, action: string, id: string, changedFields: string[], requestId: string) =>
  writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: `funding_parameter_value.${action}`,
    entityType: 'funding_parameter_value',
    entityId: id,
    changedFields,
    requestId,
  });

export async function createParameterValue(db: Db, actor: Actor, input: ParameterValueInput, requestId: string) {
  const values = valuesOf(input, parameterOf(input));
  return db.transaction(async (tx) => {
    const id = newId();
    await refuseOverlap(tx, actor.workspaceId, candidateOf(id, values));
    await insertParameterValue(tx, { ...values, workspaceId: actor.workspaceId, id, createdBy: actor.userId });
    await audit(tx, actor, 'create', id, Object.keys(values), requestId);
    return id;
  });
}

/** Saving over a newer version answers 409 with that version, so the form can show what changed. */
export async function editParameterValue(
  db: Db,
  actor: Actor,
  id: string,
  input: ParameterValueInput,
  requestId: string,
) {
  await db.transaction(async (tx) => {
    const before = await findParameterValue(tx, actor.workspaceId, id);
    if (!before || before.archivedAt) throw notFound();
    if (input.parameter !== before.parameterId) throw fieldError('parameter', t.errors.unknownParameter);
    const parameter = parameterOf(input);
    const values = valuesOf(input, parameter);
    if (input.revision !== undefined && input.revision !== before.revision)
      throw new AppError('conflict', { message: t.errors.stale, details: { current: enteredViewOf(before, null) } });
    // jsonb keeps object keys in its own order: read the stored value in the shape's order before comparing.
    const stored = { ...before, value: readValue(before.value, shapeOf(parameter)).value };
    const changed = changedFieldsOf(stored as Record<string, unknown>, values as Record<string, unknown>);
    if (changed.length === 0) return;
    await refuseOverlap(tx, actor.workspaceId, candidateOf(id, values));
    await updateParameterValue(tx, actor.workspaceId, id, values);
    await audit(tx, actor, 'update', id, changed, requestId);
  });
}

/** Withdrawn, not deleted: the page keeps it as history, and plans saved with it keep their figures. */
export async function withdrawParameterValue(db: Db, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await findParameterValue(tx, actor.workspaceId, id);
    if (!before || before.archivedAt) throw notFound();
    await updateParameterValue(tx, actor.workspaceId, id, { archivedAt: new Date() });
    await audit(tx, actor, 'withdraw', id, ['archivedAt'], requestId);
  });
}
