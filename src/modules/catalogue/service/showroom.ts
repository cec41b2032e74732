import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { notify } from '#src/modules/notifications/index.ts';
import {
  findOrganization,
  listMemberRows,
  listOrganizations,
  rolePermissions,
  type Role,
} from '#src/modules/platform/index.ts';
import type { AgreementInput, ItemInput, ItemUpdate, Showroom } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { daysBetween, frenchDate, isToRenew } from '#src/modules/catalogue/domain/agreements.ts';
import { findProduct } from '#src/modules/catalogue/repo/products.repo.ts';
import {
  agreementsDueForReminder,
  findAgreement,
  findItem,
  insertAgreements,
  insertItems,
  listAgreements,
  listItems,
  markReminded,
  updateAgreement,
  updateItem,
} from '#src/modules/catalogue/repo/showroom.repo.ts';

const v = messages.catalogue.validation;

export async function getShowroom(db: Db, actor: Actor, now = new Date()): Promise<Showroom> {
  const today = parisDay(now);
  const [items, agreements, partners] = await Promise.all([
    listItems(db, actor.workspaceId),
    listAgreements(db, actor.workspaceId),
    listOrganizations(db, actor.workspaceId),
  ]);
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  return {
    items: items as Showroom['items'],
    agreements: agreements.map((a) => ({
      ...a,
      partnerName: partnerName.get(a.partnerOrganizationId) ?? '',
      toRenew: isToRenew(a, today),
      daysLeft: daysBetween(today, a.endsOn),
    })),
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    canManage: actor.permissions.has('catalogue.manage'),
  };
}

/** The product must be in the catalogue; a loaned item hangs on its agreement, an owned one on none. */
async function checkItem(db: Db, workspaceId: string, input: ItemInput) {
  const issues: FieldIssue[] = [];
  if (!(await findProduct(db, workspaceId, input.productId)))
    issues.push({ path: 'productId', message: v.productUnknown });
  if (input.ownership === 'loaned' && !input.loanAgreementId)
    issues.push({ path: 'loanAgreementId', message: v.loanedNeedsAgreement });
  if (input.ownership === 'owned' && input.loanAgreementId)
    issues.push({ path: 'loanAgreementId', message: v.ownedHasNoAgreement });
  if (input.loanAgreementId && !(await findAgreement(db, workspaceId, input.loanAgreementId)))
    issues.push({ path: 'loanAgreementId', message: v.agreementUnknown });
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

export async function createItem(db: Db, actor: Actor, input: ItemInput, requestId: string | null) {
  await checkItem(db, actor.workspaceId, input);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertItems(tx, [{ ...input, workspaceId: actor.workspaceId, id }]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'showroom_item.create',
      entityType: 'showroom_item',
      entityId: id,
      changedFields: Object.keys(input),
      requestId,
    });
  });
  return { id };
}

/** Changes an item read at `revision`; a change made since by someone else is a 409, not overwritten. */
export async function editItem(db: Db, actor: Actor, id: string, update: ItemUpdate, requestId: string | null) {
  const before = await findItem(db, actor.workspaceId, id);
  if (!before) throw notFound();
  const { revision, ...input } = update;
  await checkItem(db, actor.workspaceId, input);
  await db.transaction(async (tx) => {
    if (!(await updateItem(tx, actor.workspaceId, id, input, revision)))
      throw new AppError('conflict', { message: v.itemStale });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'showroom_item.update',
      entityType: 'showroom_item',
      entityId: id,
      changedFields: changedFieldsOf(before, input),
      requestId,
    });
  });
}

async function checkPartner(db: Db, workspaceId: string, organizationId: string) {
  if (!(await findOrganization(db, workspaceId, organizationId)))
    throw fieldError('partnerOrganizationId', v.partnerUnknown);
}

export async function createAgreement(db: Db, actor: Actor, input: AgreementInput, requestId: string | null) {
  await checkPartner(db, actor.workspaceId, input.partnerOrganizationId);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertAgreements(tx, [{ ...input, workspaceId: actor.workspaceId, id, createdBy: actor.userId }]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'loan_agreement.create',
      entityType: 'loan_agreement',
      entityId: id,
      changedFields: Object.keys(input),
      requestId,
    });
  });
  return { id };
}

export async function editAgreement(db: Db, actor: Actor, id: string, input: AgreementInput, requestId: string | null) {
  const before = await findAgreement(db, actor.workspaceId, id);
  if (!before) throw notFound();
  await checkPartner(db, actor.workspaceId, input.partnerOrganizationId);
  const changedFields = changedFieldsOf(before, input);
  // A renewed agreement (new end or reminder) gets a new reminder.
  const remindAgain = changedFields.includes('endsOn') || changedFields.includes('reminderDays');
  await db.transaction(async (tx) => {
    await updateAgreement(tx, actor.workspaceId, id, { ...input, ...(remindAgain ? { remindedAt: null } : {}) });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'loan_agreement.update',
      entityType: 'loan_agreement',
      entityId: id,
      changedFields,
      requestId,
    });
  });
}

const maintainsCatalogue = (role: string) =>
  (rolePermissions[role as Role] as readonly string[] | undefined)?.includes('catalogue.manage') ?? false;

/**
 * The daily sweep: each agreement whose reminder date has come notifies, once, the workspace's members who
 * maintain the catalogue and showroom. Safe to run again.
 */
export async function sendLoanAgreementReminders(db: Db, now: Date): Promise<{ sent: number }> {
  const t = messages.catalogue.reminders;
  let sent = 0;
  for (const due of await agreementsDueForReminder(db, parisDay(now))) {
    const done = await db.transaction(async (tx) => {
      if (!(await markReminded(tx, due.workspaceId, due.id))) return false;
      const partner = await findOrganization(tx, due.workspaceId, due.partnerOrganizationId);
      const recipients = new Set(
        (await listMemberRows(tx, due.workspaceId)).filter((m) => maintainsCatalogue(m.role)).map((m) => m.userId),
      );
      for (const userId of recipients)
        await notify(tx, {
          workspaceId: due.workspaceId,
          userId,
          kind: 'loan_agreement.renewal',
          title: t.title(due.title),
          body: t.body(partner?.name ?? '', frenchDate(due.endsOn)),
          link: '/showroom',
          email: true,
        });
      await writeAudit(tx, {
        workspaceId: due.workspaceId,
        actorUserId: null,
        action: 'loan_agreement.renewal_reminder',
        entityType: 'loan_agreement',
        entityId: due.id,
        changedFields: ['remindedAt'],
      });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
