import { isDeepStrictEqual } from 'node:util';
import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { ageOn, girOnFileForActor } from '#src/modules/people/index.ts';
import { findPathwayForActor, type PathwayRow } from '#src/modules/pathways/index.ts';
import { productSummaries } from '#src/modules/catalogue/index.ts';
import { trialsOfPerson } from '#src/modules/trials/index.ts';
import type {
  FundingOptions,
  HandOverInput,
  SaveInput,
  SheetContentInput,
  SheetView,
  VersionSummary,
  VersionView,
} from '#src/modules/recommendations/api/sheet.schema.ts';
import {
  contentIssues,
  isStaleRevision,
  nextVersionNumber,
  productIdsOf,
  type ProductSnapshot,
  type SheetContent,
  type SheetSnapshot,
} from '#src/modules/recommendations/domain/sheet.ts';
import {
  findSheetOfPathway,
  findVersion,
  insertSheet,
  insertVersion,
  latestVersionNumber,
  listVersions,
  updateSheetIfRevision,
  type SheetRow,
  type VersionRow,
} from '#src/modules/recommendations/repo/sheets.repo.ts';
import { fundingOptionsOf, resolveAidLeads } from '#src/modules/recommendations/service/aid-leads.ts';

const v = messages.recommendations.validation;

/** A pathway the actor may see (case-team rule), or 404 as for a missing one. */
async function visiblePathway(db: Db, actor: Actor, pathwayId: string): Promise<PathwayRow> {
  const pathway = await findPathwayForActor(db, actor, pathwayId);
  if (!pathway) throw notFound();
  return pathway;
}

const mayReadHealth = (actor: Actor) => actor.permissions.has('person.read_sensitive');

/** Age today and, for readers of health data, the GIR on the file: what pre-fills and heads the sheet. */
async function personFacts(db: Db, actor: Actor, pathway: PathwayRow) {
  return {
    age: pathway.birthDate ? ageOn(pathway.birthDate, parisDay(new Date())) : null,
    gir: mayReadHealth(actor) ? await girOnFileForActor(db, actor, pathway.personId) : null,
  };
}

/** The products as the catalogue describes them today, each with the person's latest trial of it. */
export async function productSnapshots(db: Db, workspaceId: string, personId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const [summaries, trials] = await Promise.all([
    productSummaries(db, workspaceId, ids),
    trialsOfPerson(db, workspaceId, personId),
  ]);
  return summaries.map(({ photoId: _, localDistributors, ...summary }): ProductSnapshot => {
    // Trials come latest first.
    const trial = trials.find((t) => t.productId === summary.id);
    return {
      ...summary,
      localDistributors: localDistributors.map(({ name, address, phone }) => ({ name, address, phone })),
      trial: trial ? { outcome: trial.outcome, triedOn: trial.triedOn, remark: trial.reasonNote } : null,
    };
  });
}

const toVersionSummary = (row: VersionRow): VersionSummary => ({
  id: row.id,
  version: row.version,
  handedOverAt: row.handedOverAt.toISOString(),
  handedOverByName: row.handedOverByName,
  sharedWithPerson: row.sharedWithPerson,
});

export async function getSheet(db: Db, actor: Actor, pathwayId: string): Promise<SheetView> {
  const pathway = await visiblePathway(db, actor, pathwayId);
  const sheet = await findSheetOfPathway(db, actor.workspaceId, pathwayId);
  const [person, products, versions] = await Promise.all([
    personFacts(db, actor, pathway),
    sheet ? productSnapshots(db, actor.workspaceId, pathway.personId, productIdsOf(sheet.content)) : [],
    sheet ? listVersions(db, actor.workspaceId, sheet.id) : [],
  ]);
  return {
    pathway: { id: pathway.id, personId: pathway.personId, firstName: pathway.firstName, lastName: pathway.lastName },
    person,
    canWrite: actor.permissions.has('recommendation.write'),
    draft: sheet
      ? {
          id: sheet.id,
          revision: sheet.revision,
          content: sheet.content,
          updatedAt: sheet.updatedAt.toISOString(),
          updatedByName: sheet.updatedByName,
        }
      : null,
    products,
    versions: versions.map(toVersionSummary),
  };
}

/** The draft someone else saved meanwhile, for the writer to compare with theirs (never silently overwritten). */
const staleConflict = (sheet: SheetRow | null) =>
  new AppError('conflict', {
    message: messages.recommendations.conflict.stale,
    details: {
      current: sheet
        ? { revision: sheet.revision, content: sheet.content, updatedAt: sheet.updatedAt.toISOString() }
        : null,
    },
  });

const validationError = (issues: FieldIssue[]) => new AppError('validation_failed', { issues });

/**
 * Checks the content and reads its funding leads again from the funding module: group rules, products that must
 * exist in the catalogue, aids their source knows. 400 keyed by the field's path in the body.
 */
async function preparedContent(
  db: Db,
  actor: Actor,
  pathway: PathwayRow,
  content: SheetContentInput,
  handingOver: boolean,
  requestId: string,
): Promise<SheetContent> {
  const issues: FieldIssue[] = contentIssues(content, handingOver).map((i) => ({
    path: `content.${i.path}`,
    message: v[i.problem],
  }));
  const [products, aidLeads] = await Promise.all([
    productSummaries(db, actor.workspaceId, productIdsOf(content)),
    resolveAidLeads(db, actor, pathway, content.aidLeads, requestId),
  ]);
  const known = new Set(products.map((product) => product.id));
  content.groups.forEach((g, gi) =>
    g.items.forEach((item, ii) => {
      if (!known.has(item.productId))
        issues.push({ path: `content.groups.${gi}.items.${ii}.productId`, message: v.productUnknown });
    }),
  );
  issues.push(...aidLeads.issues);
  if (issues.length > 0) throw validationError(issues);
  return { ...content, aidLeads: aidLeads.leads };
}

/** The aids the person may get, for the editor to propose as funding leads. */
export async function fundingOptions(
  db: Db,
  actor: Actor,
  pathwayId: string,
  requestId: string,
): Promise<FundingOptions> {
  return fundingOptionsOf(db, actor, await visiblePathway(db, actor, pathwayId), requestId);
}

// Deep comparison: jsonb gives the keys back in its own order.
const changedParts = (before: SheetContent | null, after: SheetContent) =>
  (Object.keys(after) as (keyof SheetContent)[])
    .filter((k) => !isDeepStrictEqual(before?.[k], after[k]))
    .map((k) => `content.${k}`);

/**
 * Saves the pathway's draft (creating it on revision 0). A writer who read an older revision gets a
 * 409 with the current draft: two therapists, or two tabs, never overwrite each other.
 */
export async function saveSheet(db: Db, actor: Actor, pathwayId: string, input: SaveInput, requestId: string) {
  const pathway = await visiblePathway(db, actor, pathwayId);
  const content = await preparedContent(db, actor, pathway, input.content, false, requestId);
  return db.transaction(async (tx) => {
    const existing = await findSheetOfPathway(tx, actor.workspaceId, pathwayId);
    let id: string;
    let saved: { revision: number; updatedAt: Date };
    if (!existing) {
      if (input.revision !== 0) throw staleConflict(null);
      id = newId();
      const created = await insertSheet(tx, {
        workspaceId: actor.workspaceId,
        id,
        pathwayId,
        personId: pathway.personId,
        content,
        createdByUserId: actor.userId,
        updatedByUserId: actor.userId,
      });
      // Another writer created it between the read and this insert.
      if (!created) throw staleConflict(await findSheetOfPathway(tx, actor.workspaceId, pathwayId));
      saved = { revision: 1, updatedAt: new Date() };
    } else {
      if (isStaleRevision(existing.revision, input.revision)) throw staleConflict(existing);
      id = existing.id;
      const updated = await updateSheetIfRevision(tx, actor.workspaceId, id, input.revision, {
        content,
        updatedByUserId: actor.userId,
      });
      if (!updated) throw staleConflict(await findSheetOfPathway(tx, actor.workspaceId, pathwayId));
      saved = updated;
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: existing ? 'recommendation_sheet.updated' : 'recommendation_sheet.created',
      entityType: 'recommendation_sheet',
      entityId: id,
      personId: pathway.personId,
      changedFields: changedParts(existing?.content ?? null, content),
      requestId,
    });
    return { id, revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** The actor's CCAS or CIAS, printed in the header next to the workspace. */
const organizationOf = (actor: Actor) =>
  actor.memberships.find((m) => m.organizationKind === 'ccas' || m.organizationKind === 'cias')?.organizationName ??
  actor.memberships[0]?.organizationName ??
  null;

/**
 * Freezes the draft as the next version: content, funding leads, products with prices, reimbursement,
 * distributors and trials, the person's age and GIR, as they are now. The draft takes the content sent with
 * the hand-over, if any, and the leads' figures read again, audited as a change of the draft. The draft's
 * revision moves on, so a hand-over sent on a revision already handed over (a double click, another tab) is a 409.
 */
export async function handOverSheet(db: Db, actor: Actor, pathwayId: string, input: HandOverInput, requestId: string) {
  const pathway = await visiblePathway(db, actor, pathwayId);
  const sheet = await findSheetOfPathway(db, actor.workspaceId, pathwayId);
  if (!sheet) throw notFound();
  if (isStaleRevision(sheet.revision, input.revision)) throw staleConflict(sheet);
  const content = await preparedContent(db, actor, pathway, input.content ?? sheet.content, true, requestId);
  const [person, products] = await Promise.all([
    personFacts(db, actor, pathway),
    productSnapshots(db, actor.workspaceId, pathway.personId, productIdsOf(content)),
  ]);
  const snapshot: SheetSnapshot = {
    workspaceName: actor.workspaceName,
    organizationName: organizationOf(actor),
    therapistName: actor.name,
    person: { firstName: pathway.firstName, lastName: pathway.lastName, ...person },
    products,
  };
  return db.transaction(async (tx) => {
    const moved = await updateSheetIfRevision(tx, actor.workspaceId, sheet.id, input.revision, {
      content,
      updatedByUserId: actor.userId,
    });
    if (!moved) throw staleConflict(await findSheetOfPathway(tx, actor.workspaceId, pathwayId));
    const draftChanges = changedParts(sheet.content, content);
    if (draftChanges.length > 0)
      await writeAudit(tx, {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'recommendation_sheet.updated',
        entityType: 'recommendation_sheet',
        entityId: sheet.id,
        personId: pathway.personId,
        changedFields: draftChanges,
        requestId,
      });
    const id = newId();
    const version = nextVersionNumber(await latestVersionNumber(tx, actor.workspaceId, sheet.id));
    await insertVersion(tx, {
      workspaceId: actor.workspaceId,
      id,
      sheetId: sheet.id,
      personId: pathway.personId,
      version,
      content,
      snapshot,
      sharedWithPerson: input.sharedWithPerson,
      handedOverByUserId: actor.userId,
      handedOverAt: new Date(),
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'recommendation_sheet.handed_over',
      entityType: 'recommendation_sheet_version',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['content', 'snapshot', 'version', ...(input.sharedWithPerson ? ['sharedWithPerson'] : [])],
      requestId,
    });
    return { id, version, revision: moved.revision };
  });
}

/** A version the actor may read through its pathway (404 otherwise); the GIR only for readers of health data. */
export async function visibleVersion(db: Db, actor: Actor, id: string): Promise<VersionView> {
  const row = await findVersion(db, actor.workspaceId, id);
  if (!row || !(await findPathwayForActor(db, actor, row.pathwayId))) throw notFound();
  const snapshot = row.snapshot;
  return {
    ...toVersionSummary(row),
    pathwayId: row.pathwayId,
    personId: row.personId,
    content: row.content,
    snapshot: { ...snapshot, person: { ...snapshot.person, gir: mayReadHealth(actor) ? snapshot.person.gir : null } },
  };
}
