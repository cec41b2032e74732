import { writeAudit } from '#src/shared/audit/write.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { daysBetween, REMIND_AGAIN_DAYS } from '#src/modules/funding/domain/application.ts';
import {
  claimFollowUp,
  claimStallReminder,
  dueFollowUps,
  stalledApplications,
  type FollowUpKind,
} from '#src/modules/funding/repo/funding.repo.ts';

const BATCH = 200;
const t = messages.funding.notifications;
const linkOf = (projectId: string) => `/financements/projets/${projectId}`;

/**
 * The daily sweep: reminds the pathway referent of applications that stalled past their funder's usual delay
 * (again every 30 days while they stay stalled), and of the N+1 follow-ups due (tax credit declaration, use of
 * the adaptation). Each row is claimed in its own transaction, so overlapping runs never remind twice.
 */
export async function sendFundingReminders(db: Db, now: Date): Promise<{ stalled: number; followUps: number }> {
  const today = parisDay(now);
  const remindAgainBefore = new Date(now.getTime() - REMIND_AGAIN_DAYS * 86_400_000);
  let stalled = 0;
  for (;;) {
    const due = await stalledApplications(db, today, remindAgainBefore, BATCH);
    for (const a of due) {
      const done = await db.transaction(async (tx) => {
        if (!(await claimStallReminder(tx, a.workspaceId, a.id, remindAgainBefore))) return false;
        // The e-mail carries only the title, which names no person.
        await notify(tx, {
          workspaceId: a.workspaceId,
          userId: a.referentUserId,
          kind: 'funding.application_stalled',
          title: t.stalledTitle,
          body: t.stalledBody(a.funder, daysBetween(a.lastStepOn, today)),
          link: linkOf(a.projectId),
          email: true,
        });
        await writeAudit(tx, {
          workspaceId: a.workspaceId,
          actorUserId: null,
          action: 'funding_application.remind',
          entityType: 'funding_application',
          entityId: a.id,
          changedFields: ['remindedAt'],
        });
        return true;
      });
      if (done) stalled++;
    }
    if (due.length < BATCH) break;
  }
  let followUps = 0;
  for (const kind of ['tax_declaration', 'usage_check'] as FollowUpKind[]) {
    for (;;) {
      const due = await dueFollowUps(db, kind, today, BATCH);
      for (const plan of due) {
        const done = await db.transaction(async (tx) => {
          if (!(await claimFollowUp(tx, kind, plan.workspaceId, plan.id))) return false;
          await notify(tx, {
            workspaceId: plan.workspaceId,
            userId: plan.referentUserId,
            kind: `funding.${kind}`,
            title: kind === 'tax_declaration' ? t.taxTitle : t.usageTitle,
            body: kind === 'tax_declaration' ? t.taxBody : t.usageBody,
            link: linkOf(plan.projectId),
            email: true,
          });
          await writeAudit(tx, {
            workspaceId: plan.workspaceId,
            actorUserId: null,
            action: `funding_plan.remind_${kind}`,
            entityType: 'funding_plan',
            entityId: plan.id,
            changedFields: [kind === 'tax_declaration' ? 'taxDeclarationRemindedAt' : 'usageCheckRemindedAt'],
          });
          return true;
        });
        if (done) followUps++;
      }
      if (due.length < BATCH) break;
    }
  }
  return { stalled, followUps };
}
