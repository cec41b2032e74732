import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { renderPdf } from '#src/shared/pdf/document.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { sheetDocument } from '#src/modules/recommendations/service/sheet-pdf.ts';
import { visibleVersion } from '#src/modules/recommendations/service/sheets.ts';

/** Prints any handed-over version the actor may read; printing is audited like reading a file. */
export async function printVersion(db: Db, actor: Actor, id: string, requestId: string) {
  const version = await visibleVersion(db, actor, id);
  const handedOverAt = new Date(version.handedOverAt);
  const content = await renderPdf(
    sheetDocument({ version: version.version, handedOverAt, content: version.content, snapshot: version.snapshot }),
  );
  const { person } = version.snapshot;
  await db.transaction((tx) =>
    writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'recommendation_sheet.printed',
      entityType: 'recommendation_sheet_version',
      entityId: id,
      personId: version.personId,
      requestId,
    }),
  );
  return {
    fileName: messages.recommendations.pdf.fileName(
      `${person.lastName} ${person.firstName}`.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim(),
      version.version,
      parisDay(handedOverAt),
    ),
    content,
  };
}
