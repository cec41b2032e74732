import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findPersonForActor } from '#src/modules/people/index.ts';
import {
  attachmentLimits,
  attachmentUploadQuerySchema,
  type Attachment,
  type AttachmentKind,
} from '#src/modules/forms/api/attachments.schema.ts';
import { isRepeat, type DefinitionIssue, type FormDefinition } from '#src/modules/forms/domain/definition.ts';
import type { Answers } from '#src/modules/forms/domain/response.ts';
import {
  findAttachment,
  findAttachmentMetadata,
  insertAttachment,
  listAttachmentMetadata,
  type AttachmentMetadataRow,
} from '#src/modules/forms/repo/attachments.repo.ts';
import { contentProblem, megabytesOf, readAtMost, sha256Of } from '#src/modules/forms/service/attachments-content.ts';

const t = messages.forms.attachments;

const toAttachment = (row: AttachmentMetadataRow): Attachment => ({
  ...row,
  kind: row.kind as AttachmentKind,
  createdAt: row.createdAt.toISOString(),
});

export type UploadInput = {
  /** `kind`, `name` and the client's `id`, as received. */
  query: Record<string, string | undefined>;
  mediaType: string;
  body: ReadableStream<Uint8Array> | null;
};

/**
 * Stores an attachment about a person the actor may see (404 otherwise). The id comes from the
 * client: replaying an upload returns what was stored (`created: false`) without reading the body
 * again; the same id for another person is a conflict. Problems with the bytes are reported on `file`.
 */
export async function uploadAttachment(
  db: Db,
  actor: Actor,
  personId: string,
  input: UploadInput,
  requestId: string,
): Promise<{ attachment: Attachment; created: boolean }> {
  if (!(await findPersonForActor(db, actor, personId))) throw notFound();
  const parsed = attachmentUploadQuerySchema.safeParse(input.query);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const { id, kind, name } = parsed.data;
  const existing = await findAttachmentMetadata(db, actor.workspaceId, id);
  if (existing) return replayed(existing, personId);

  const bytes = await readAtMost(input.body, attachmentLimits[kind]);
  if (!bytes) throw fieldError('file', t.tooLarge(megabytesOf(kind)));
  const problem = contentProblem(kind, input.mediaType, bytes);
  if (problem) throw fieldError('file', problem);

  const row = {
    workspaceId: actor.workspaceId,
    id,
    personId,
    kind,
    fileName: name,
    mediaType: input.mediaType,
    byteSize: bytes.length,
    sha256: sha256Of(bytes),
    content: bytes,
    createdByUserId: actor.userId,
  };
  return db.transaction(async (tx) => {
    // Two replays racing: the loser finds the winner's row.
    if (!(await insertAttachment(tx, row))) {
      return replayed((await findAttachmentMetadata(tx, actor.workspaceId, id))!, personId);
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_attachment.created',
      entityType: 'form_attachment',
      entityId: id,
      personId,
      changedFields: ['content', 'fileName', 'kind', 'mediaType'],
      requestId,
    });
    return {
      attachment: toAttachment((await findAttachmentMetadata(tx, actor.workspaceId, id))!),
      created: true,
    };
  });
}

function replayed(existing: AttachmentMetadataRow, personId: string) {
  if (existing.personId !== personId) throw new AppError('conflict');
  return { attachment: toAttachment(existing), created: false };
}

/** An attachment's bytes for someone who may see its person (404 otherwise); the read is audited. */
export async function readAttachment(db: Db, actor: Actor, id: string, requestId: string) {
  const row = await findAttachment(db, actor.workspaceId, id);
  if (!row || !(await findPersonForActor(db, actor, row.personId))) throw notFound();
  await db.transaction((tx) =>
    writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_attachment.read',
      entityType: 'form_attachment',
      entityId: id,
      personId: row.personId,
      requestId,
    }),
  );
  return { fileName: row.fileName, mediaType: row.mediaType, content: row.content };
}

/** Every attachment answer of a checked response, with the question path it answers and the kind it expects. */
export function attachmentAnswers(definition: FormDefinition, answers: Answers) {
  const found: { path: string; id: string; kind: AttachmentKind }[] = [];
  const isAttachmentKind = (type: string): type is AttachmentKind =>
    type === 'photo' || type === 'file' || type === 'signature';
  for (const section of definition.sections) {
    for (const item of section.items) {
      if (!isRepeat(item)) {
        const value = answers[item.name];
        if (isAttachmentKind(item.type) && typeof value === 'string') {
          found.push({ path: item.name, id: value, kind: item.type });
        }
        continue;
      }
      const instances = Array.isArray(answers[item.name]) ? (answers[item.name] as Record<string, unknown>[]) : [];
      instances.forEach((instance, index) => {
        for (const q of item.questions) {
          const value = instance[q.name];
          if (isAttachmentKind(q.type) && typeof value === 'string') {
            found.push({ path: `${item.name}.${index}.${q.name}`, id: value, kind: q.type });
          }
        }
      });
    }
  }
  return found;
}

/**
 * The answers that point at an attachment that does not exist, belongs to another person, or is of
 * another kind than the question asks (a signature must have been captured as a signature).
 */
export async function attachmentIssues(
  db: Db,
  workspaceId: string,
  personId: string,
  definition: FormDefinition,
  answers: Answers,
): Promise<DefinitionIssue[]> {
  const referenced = attachmentAnswers(definition, answers);
  const rows = await listAttachmentMetadata(db, workspaceId, [...new Set(referenced.map((r) => r.id))]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return referenced.flatMap(({ path, id, kind }): DefinitionIssue[] => {
    const row = byId.get(id);
    if (!row) return [{ path, message: t.missing }];
    if (row.personId !== personId) return [{ path, message: t.otherPerson }];
    if (row.kind !== kind) return [{ path, message: t.wrongKind }];
    return [];
  });
}
