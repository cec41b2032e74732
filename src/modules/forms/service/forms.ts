import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findPersonForActor } from '#src/modules/people/index.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import type {
  AdminTemplate,
  AdminTemplateSummary,
  ResponseCreateInput,
  ResponseDetail,
  ResponseSummary,
  TemplateSummary,
  TemplateVersion,
} from '#src/modules/forms/api/form.schema.ts';
import {
  compileDefinition,
  definitionSchema,
  type FormDefinition,
  type DefinitionIssue,
} from '#src/modules/forms/domain/definition.ts';
import { checkResponse } from '#src/modules/forms/domain/response.ts';
import { attachmentIssues } from '#src/modules/forms/service/attachments.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';
import { checkVisitChoice, journalSubmission, linkVisit } from '#src/modules/forms/service/visits.ts';
import { indexResponseForSearch } from '#src/modules/forms/service/search.ts';
import {
  listTemplateKeys,
  findResponse,
  findTemplate,
  findVersion,
  insertResponse,
  insertTemplate,
  insertVersion,
  latestVersionNumber,
  listPersonResponses,
  listTemplatesWithHistory,
  listTemplatesWithLatest,
  listVersions,
  updateResponseIfRevision,
  type ResponseRow,
} from '#src/modules/forms/repo/forms.repo.ts';

const t = messages.forms.validation;

const validationError = (prefix: string, issues: DefinitionIssue[]) =>
  new AppError('validation_failed', {
    issues: issues.map((i): FieldIssue => ({ path: `${prefix}.${i.path}`, message: i.message })),
  });

/** A definition that compiles, or a 400 naming each problem under `definition.`. */
function compiled(definition: FormDefinition) {
  const result = compileDefinition(definition);
  if (result.issues.length > 0) throw validationError('definition', result.issues);
  return result.compiled;
}

async function addVersion(tx: Db, actor: Actor, templateId: string, definition: FormDefinition, version: number) {
  const id = newId();
  await insertVersion(tx, {
    workspaceId: actor.workspaceId,
    id,
    templateId,
    version,
    definition,
    publishedByUserId: actor.userId,
  });
  return id;
}

/**
 * The workspace's templates; any shipped template the workspace lacks (by key) is added on use, in the
 * caller's transaction and audited like any other change, so templates shipped later reach existing
 * workspaces. Templates already there, edited or not, are left as they are.
 */
export async function ensureTemplates(tx: Db, actor: Actor, requestId: string | null) {
  const present = new Set(await listTemplateKeys(tx, actor.workspaceId));
  for (const shipped of shippedTemplates.filter((s) => !present.has(s.key))) {
    const definition = definitionSchema.parse(shipped.definition);
    const templateId = newId();
    const inserted = await insertTemplate(tx, {
      workspaceId: actor.workspaceId,
      id: templateId,
      key: shipped.key,
      title: shipped.title,
      kind: shipped.kind,
    });
    if (!inserted) continue;
    await addVersion(tx, actor, templateId, compiled(definition).definition, 1);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_template.shipped_applied',
      entityType: 'form_template',
      entityId: templateId,
      changedFields: ['key', 'title', 'kind', 'definition'],
      requestId,
    });
  }
  return listTemplatesWithLatest(tx, actor.workspaceId);
}

export async function listTemplates(db: Db, actor: Actor, requestId: string): Promise<TemplateSummary[]> {
  const rows = await db.transaction((tx) => ensureTemplates(tx, actor, requestId));
  return rows.map((r) => ({ ...r, kind: r.kind as TemplateSummary['kind'] }));
}

export async function getVersion(db: Db, actor: Actor, id: string): Promise<TemplateVersion> {
  const row = await findVersion(db, actor.workspaceId, id);
  if (!row) throw notFound();
  return {
    ...row,
    templateKind: row.templateKind as TemplateVersion['templateKind'],
    definition: row.definition as FormDefinition,
    publishedAt: row.publishedAt.toISOString(),
  };
}

export async function createTemplate(
  db: Db,
  actor: Actor,
  input: { key: string; title: string; kind: string; definition: FormDefinition },
  requestId: string,
) {
  const definition = compiled(input.definition).definition;
  return db.transaction(async (tx) => {
    await ensureTemplates(tx, actor, requestId);
    const id = newId();
    if (
      !(await insertTemplate(tx, {
        workspaceId: actor.workspaceId,
        id,
        key: input.key,
        title: input.title,
        kind: input.kind,
      }))
    ) {
      throw fieldError('key', t.keyTaken);
    }
    const versionId = await addVersion(tx, actor, id, definition, 1);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_template.created',
      entityType: 'form_template',
      entityId: id,
      changedFields: ['key', 'title', 'kind', 'definition'],
      requestId,
    });
    return { id, versionId, version: 1 };
  });
}

/** Publishes the next version; earlier versions and the responses filled with them stay as they were. */
export async function publishVersion(
  db: Db,
  actor: Actor,
  templateId: string,
  input: { definition: FormDefinition },
  requestId: string,
) {
  return db.transaction(async (tx) => {
    // The template is looked up first: an unseen one answers 404 whatever the body holds.
    const template = await findTemplate(tx, actor.workspaceId, templateId);
    if (!template) throw notFound();
    const definition = compiled(input.definition).definition;
    const version = (await latestVersionNumber(tx, actor.workspaceId, templateId)) + 1;
    const versionId = await addVersion(tx, actor, templateId, definition, version);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_template.version_published',
      entityType: 'form_template',
      entityId: templateId,
      changedFields: ['definition'],
      requestId,
    });
    return { id: templateId, versionId, version };
  });
}

/** Checks answers against the response's version: 400 with each problem under `answers.`, else what to store. */
async function checkedAnswers(
  db: Db,
  actor: Actor,
  versionId: string,
  answers: Record<string, unknown>,
  submit: boolean,
  personId: string,
) {
  const version = await findVersion(db, actor.workspaceId, versionId);
  if (!version) throw fieldError('templateVersionId', messages.errors.not_found);
  const definition = version.definition as FormDefinition;
  const result = checkResponse(compiled(definition), answers, {
    today: parisDay(new Date()),
    submitting: submit,
  });
  // Attachment answers must name an uploaded attachment of this person and of the question's kind.
  const issues = [
    ...result.issues,
    ...(await attachmentIssues(db, actor.workspaceId, personId, definition, result.answers)),
  ];
  if (issues.length > 0) throw validationError('answers', issues);
  return result.answers;
}

const statusOf = (submit: boolean) => (submit ? 'submitted' : 'draft');

/**
 * Creates a response about a person the actor may see (404 otherwise). A create replayed with the
 * same client id for the same person returns the stored response unchanged.
 */
export async function createResponse(
  db: Db,
  actor: Actor,
  personId: string,
  input: ResponseCreateInput,
  requestId: string,
): Promise<{ id: string; status: 'draft' | 'submitted'; revision: number; created: boolean }> {
  const person = await findPersonForActor(db, actor, personId);
  if (!person) throw notFound();
  if (input.id) {
    const existing = await findResponse(db, actor.workspaceId, input.id);
    if (existing) return replayed(existing, personId);
  }
  if (input.pathwayId) {
    const pathway = await findPathwayForActor(db, actor, input.pathwayId);
    if (!pathway) throw fieldError('pathwayId', messages.errors.not_found);
    if (pathway.personId !== personId) throw fieldError('pathwayId', t.wrongPerson);
  }
  await checkVisitChoice(db, actor, input);
  const answers = await checkedAnswers(db, actor, input.templateVersionId, input.answers, input.submit, personId);
  const id = input.id ?? newId();
  const status = statusOf(input.submit);
  return db.transaction(async (tx) => {
    const inserted = await insertResponse(tx, {
      workspaceId: actor.workspaceId,
      id,
      personId,
      pathwayId: input.pathwayId ?? null,
      templateVersionId: input.templateVersionId,
      answers,
      status,
      authorUserId: actor.userId,
      submittedAt: input.submit ? new Date() : null,
    });
    // Two replays racing: the loser finds the winner's row.
    if (!inserted) return replayed((await findResponse(tx, actor.workspaceId, id))!, personId);
    const visitJournalEntryId = await linkVisit(tx, actor, id, input, requestId);
    await indexResponseForSearch(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: input.submit ? 'form_response.submitted' : 'form_response.created',
      entityType: 'form_response',
      entityId: id,
      personId,
      changedFields: Object.keys(answers).map((k) => `answers.${k}`),
      requestId,
    });
    if (input.submit && input.pathwayId) {
      await journalSubmission(tx, actor, { ...input, id, pathwayId: input.pathwayId, visitJournalEntryId }, requestId);
    }
    return { id, status, revision: 1, created: true };
  });
}

function replayed(existing: ResponseRow, personId: string) {
  if (existing.personId !== personId) throw new AppError('conflict');
  return {
    id: existing.id,
    status: existing.status as 'draft' | 'submitted',
    revision: existing.revision,
    created: false,
  };
}

/** A response the actor may open: its person must be visible to them, else 404 as for a missing one. */
async function visibleResponse(db: Db, actor: Actor, id: string) {
  const row = await findResponse(db, actor.workspaceId, id);
  if (!row || !(await findPersonForActor(db, actor, row.personId))) throw notFound();
  return row;
}

/** The answers someone else saved meanwhile, for the writer to compare with theirs (never silently overwritten). */
const staleConflict = (row: ResponseRow) =>
  new AppError('conflict', {
    message: row.status === 'submitted' ? t.submitted : t.stale,
    details: {
      current: {
        answers: row.answers,
        revision: row.revision,
        status: row.status,
        updatedAt: row.updatedAt.toISOString(),
      },
    },
  });

export async function updateResponse(
  db: Db,
  actor: Actor,
  id: string,
  input: { revision: number; answers: Record<string, unknown>; submit: boolean },
  requestId: string,
): Promise<{ id: string; status: 'draft' | 'submitted'; revision: number }> {
  const row = await visibleResponse(db, actor, id);
  if (row.status === 'submitted' || row.revision !== input.revision) throw staleConflict(row);
  const answers = await checkedAnswers(db, actor, row.templateVersionId, input.answers, input.submit, row.personId);
  const before = row.answers as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(before), ...Object.keys(answers)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(answers[k]),
  );
  const status = statusOf(input.submit);
  await db.transaction(async (tx) => {
    const written = await updateResponseIfRevision(tx, actor.workspaceId, id, input.revision, {
      answers,
      status,
      submittedAt: input.submit ? new Date() : null,
    });
    // A concurrent writer got there between the read and this write.
    if (!written) throw staleConflict((await findResponse(tx, actor.workspaceId, id))!);
    await indexResponseForSearch(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: input.submit ? 'form_response.submitted' : 'form_response.updated',
      entityType: 'form_response',
      entityId: id,
      personId: row.personId,
      changedFields: [...changed.map((k) => `answers.${k}`), ...(input.submit ? ['status'] : [])],
      requestId,
    });
    if (input.submit && row.pathwayId)
      await journalSubmission(tx, actor, { ...row, pathwayId: row.pathwayId }, requestId);
  });
  return { id, status, revision: input.revision + 1 };
}

const toSummary = (r: Awaited<ReturnType<typeof listPersonResponses>>[number]): ResponseSummary => ({
  ...r,
  status: r.status as ResponseSummary['status'],
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  submittedAt: r.submittedAt?.toISOString() ?? null,
});

export async function listResponsesOfPerson(db: Db, actor: Actor, personId: string): Promise<ResponseSummary[]> {
  if (!(await findPersonForActor(db, actor, personId))) throw notFound();
  return (await listPersonResponses(db, actor.workspaceId, personId)).map(toSummary);
}

/** One response with its answers; reading answers about a person is audited. */
export async function getResponse(db: Db, actor: Actor, id: string, requestId: string): Promise<ResponseDetail> {
  const row = await visibleResponse(db, actor, id);
  const summary = (await listPersonResponses(db, actor.workspaceId, row.personId)).find((r) => r.id === id)!;
  await db.transaction((tx) =>
    writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_response.read',
      entityType: 'form_response',
      entityId: id,
      personId: row.personId,
      requestId,
    }),
  );
  return {
    ...toSummary(summary),
    personId: row.personId,
    answers: row.answers as Record<string, unknown>,
    canWrite: actor.permissions.has('person.write') && row.status === 'draft',
  };
}

/** The builder's list: every template with its latest version's date (the shipped ones on first use). */
export async function listTemplatesForAdmin(db: Db, actor: Actor, requestId: string): Promise<AdminTemplateSummary[]> {
  const rows = await db.transaction(async (tx) => {
    await ensureTemplates(tx, actor, requestId);
    return listTemplatesWithHistory(tx, actor.workspaceId);
  });
  return rows.map((r) => ({
    ...r,
    kind: r.kind as AdminTemplateSummary['kind'],
    latestPublishedAt: r.latestPublishedAt.toISOString(),
  }));
}

/** A template as the builder edits it: its versions, latest first, and the latest definition to start from. */
export async function getTemplateForAdmin(db: Db, actor: Actor, id: string): Promise<AdminTemplate> {
  const template = await findTemplate(db, actor.workspaceId, id);
  if (!template) throw notFound();
  const versions = await listVersions(db, actor.workspaceId, id);
  const latest = await findVersion(db, actor.workspaceId, versions[0]!.id);
  return {
    id: template.id,
    key: template.key,
    title: template.title,
    kind: template.kind as AdminTemplate['kind'],
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
    latestDefinition: latest!.definition as FormDefinition,
  };
}
