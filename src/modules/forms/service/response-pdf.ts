import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { pageFooter, renderPdf } from '#src/shared/pdf/document.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findPersonForActor } from '#src/modules/people/index.ts';
import {
  compileDefinition,
  isRepeat,
  type FormDefinition,
  type Question,
} from '#src/modules/forms/domain/definition.ts';
import { checkResponse, type AnswerValue, type Answers } from '#src/modules/forms/domain/response.ts';
import { listAttachmentsWithContent, type AttachmentRow } from '#src/modules/forms/repo/attachments.repo.ts';
import { findResponse, findVersion, listPersonResponses } from '#src/modules/forms/repo/forms.repo.ts';
import { attachmentAnswers } from '#src/modules/forms/service/attachments.ts';

const t = messages.forms.pdf;

/** Everything printed about one response, read beforehand so that building the document is pure. */
export type PrintableResponse = {
  organizationName: string | null;
  templateTitle: string;
  version: number;
  definition: FormDefinition;
  answers: Answers;
  /** Paths of the sections, groups and questions shown when the response was filled (relevance). */
  visible: Set<string>;
  person: { firstName: string; lastName: string; birthDate: string | null };
  status: 'draft' | 'submitted';
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  attachments: Map<string, Pick<AttachmentRow, 'fileName' | 'mediaType' | 'byteSize' | 'content' | 'createdAt'>>;
};

const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** "1944-03-12" → "12 mars 1944", the way the application shows dates. */
const formatDay = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
const formatInstant = (at: Date) => dateTimeFormat.format(at);
const formatSize = (bytes: number) => messages.forms.attachments.size(bytes / 1024);

// pdfkit embeds JPEG and PNG; a WebP photo (sent without the browser's downscaling) is listed by name instead.
const printableImage = (mediaType: string) => mediaType === 'image/jpeg' || mediaType === 'image/png';

/** One answer as printed: text in French format, or the attachment's image. */
function answerCell(
  q: Question,
  value: AnswerValue,
  doc: PrintableResponse,
  images: Record<string, string>,
): TableCell {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t.unanswered;
  const labelOf = (v: string) => q.choices?.find((c) => c.value === v)?.label ?? v;
  switch (q.type) {
    case 'date':
      return formatDay(String(value));
    case 'yes_no':
      return value === 'yes' ? t.yes : t.no;
    case 'single_choice':
      return labelOf(String(value));
    case 'multiple_choice':
      return { ul: (value as string[]).map(labelOf) };
    case 'number':
    case 'calculate': {
      const text = typeof value === 'number' ? numberFormat.format(value) : String(value);
      return q.unit ? `${text} ${q.unit}` : text;
    }
    case 'scale':
      return q.scale ? `${numberFormat.format(Number(value))} / ${q.scale.max}` : String(value);
    case 'photo':
    case 'file':
    case 'signature': {
      const attachment = doc.attachments.get(String(value));
      if (!attachment) return { text: t.missingAttachment, italics: true };
      if (q.type === 'file' || !printableImage(attachment.mediaType)) {
        return t.file(attachment.fileName, formatSize(attachment.byteSize));
      }
      const key = `attachment-${String(value)}`;
      images[key] = `data:${attachment.mediaType};base64,${attachment.content.toString('base64')}`;
      if (q.type === 'photo') return { image: key, fit: [280, 210] };
      return { stack: [{ image: key, fit: [200, 80] }, { text: t.signedOn(formatInstant(attachment.createdAt)) }] };
    }
    default:
      return String(value);
  }
}

const questionTable = (rows: TableCell[][]): Content => ({
  table: { widths: ['38%', '*'], body: rows, dontBreakRows: true },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});

const labelCell = (q: Question): TableCell => ({ text: q.label, bold: true });

/** The PDF content of a response: header, then every section and question that was shown, in form order. */
export function responseDocument(doc: PrintableResponse): TDocumentDefinitions {
  const images: Record<string, string> = {};
  const content: Content[] = [];
  const person = `${doc.person.firstName} ${doc.person.lastName}`;

  if (doc.organizationName) content.push({ text: doc.organizationName, color: '#444444', margin: [0, 0, 0, 4] });
  content.push({ text: doc.templateTitle, style: 'title' });
  content.push({ text: t.version(doc.version), color: '#444444', margin: [0, 0, 0, 10] });
  const header: TableCell[][] = [
    [{ text: t.person, bold: true }, person],
    [{ text: t.birthDate, bold: true }, doc.person.birthDate ? formatDay(doc.person.birthDate) : t.unanswered],
    [{ text: t.status, bold: true }, t.statuses[doc.status]],
    [{ text: t.author, bold: true }, doc.authorName],
    [{ text: t.createdOn, bold: true }, formatInstant(doc.createdAt)],
    [{ text: t.updatedOn, bold: true }, formatInstant(doc.updatedAt)],
  ];
  if (doc.submittedAt) header.push([{ text: t.submittedOn, bold: true }, formatInstant(doc.submittedAt)]);
  content.push(questionTable(header));

  for (const section of doc.definition.sections) {
    if (!doc.visible.has(section.name)) continue;
    content.push({ text: section.title, style: 'section' });
    let rows: TableCell[][] = [];
    const flush = () => {
      if (rows.length > 0) content.push(questionTable(rows));
      rows = [];
    };
    for (const item of section.items) {
      if (!isRepeat(item)) {
        if (doc.visible.has(item.name))
          rows.push([labelCell(item), answerCell(item, doc.answers[item.name] as AnswerValue, doc, images)]);
        continue;
      }
      if (!doc.visible.has(item.name)) continue;
      flush();
      content.push({ text: item.label, style: 'group' });
      const instances = (Array.isArray(doc.answers[item.name]) ? doc.answers[item.name] : []) as Record<
        string,
        AnswerValue
      >[];
      if (instances.length === 0) content.push({ text: t.noInstance, italics: true, margin: [0, 0, 0, 8] });
      instances.forEach((instance, index) => {
        // "Pièce 1 — Salle de bain": the first question names the instance when it is a short answer.
        const first = item.questions[0]!;
        const firstValue = instance[first.name];
        const name =
          typeof firstValue === 'string' && ['text', 'single_choice'].includes(first.type)
            ? (first.choices?.find((c) => c.value === firstValue)?.label ?? firstValue)
            : null;
        // A room stays on one page with its heading (its photo included).
        content.push({
          unbreakable: true,
          stack: [
            { text: t.instance(item.itemLabel, index + 1, name), style: 'instance' },
            questionTable(
              item.questions
                .filter((q) => doc.visible.has(`${item.name}.${index}.${q.name}`))
                .map((q) => [labelCell(q), answerCell(q, instance[q.name] ?? null, doc, images)]),
            ),
          ],
        });
      });
    }
    flush();
  }

  return {
    info: { title: `${doc.templateTitle} — ${person}` },
    content,
    images,
    footer: pageFooter(t.confidential, t.page),
    styles: {
      title: { fontSize: 16, bold: true },
      section: { fontSize: 13, bold: true, margin: [0, 10, 0, 2] },
      group: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
      instance: { fontSize: 10, bold: true, italics: true, margin: [0, 2, 0, 0] },
    },
  };
}

/** A file name safe for every system: no path separators or reserved characters. */
const safeFileName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Prints a response the actor may open (404 otherwise, as for reading it): every question that was
 * shown, answers in French, photos and the signature embedded. Printing is audited.
 */
export async function printResponse(db: Db, actor: Actor, id: string, requestId: string) {
  const row = await findResponse(db, actor.workspaceId, id);
  const person = row ? await findPersonForActor(db, actor, row.personId) : null;
  if (!row || !person) throw notFound();
  const version = (await findVersion(db, actor.workspaceId, row.templateVersionId))!;
  const summary = (await listPersonResponses(db, actor.workspaceId, row.personId)).find((r) => r.id === id)!;
  const definition = version.definition as FormDefinition;
  const answers = row.answers as Answers;
  const { visible } = checkResponse(compileDefinition(definition).compiled, answers, {
    today: parisDay(row.updatedAt),
    submitting: false,
  });
  const ids = [...new Set(attachmentAnswers(definition, answers).map((a) => a.id))];
  const attachments = await listAttachmentsWithContent(db, actor.workspaceId, row.personId, ids);
  const organization = actor.memberships.find((m) => m.organizationKind === 'ccas' || m.organizationKind === 'cias');

  const pdf = await renderPdf(
    responseDocument({
      organizationName: organization?.organizationName ?? null,
      templateTitle: version.templateTitle,
      version: version.version,
      definition,
      answers,
      visible,
      person,
      status: row.status as PrintableResponse['status'],
      authorName: summary.authorName,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
      attachments: new Map(attachments.map((a) => [a.id, a])),
    }),
  );
  await db.transaction((tx) =>
    writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_response.printed',
      entityType: 'form_response',
      entityId: id,
      personId: row.personId,
      requestId,
    }),
  );
  const day = parisDay(row.submittedAt ?? row.updatedAt);
  return {
    fileName: safeFileName(t.fileName(version.templateTitle, `${person.lastName} ${person.firstName}`, day)),
    content: pdf,
  };
}
