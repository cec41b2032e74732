import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { sniffMediaType } from '#src/modules/forms/index.ts';
import { listMemberRows } from '#src/modules/platform/index.ts';
import type { Product, ProductHistory, ProductInput } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatIsoCode, isoClassLabelOf } from '#src/modules/catalogue/domain/iso.ts';
import type { ActivityCode, RoomCode } from '#src/modules/catalogue/domain/vocabulary.ts';
import {
  deleteFile,
  distributorIdsOf,
  distributorsOfProduct,
  existingDistributorIds,
  filesOfProduct,
  findFile,
  findProduct,
  insertFile,
  insertProduct,
  insertVersion,
  itemsOfProduct,
  knownIsoCodes,
  listVersions,
  setProductDistributors,
  updateProductRow,
  type ProductFields,
  type ProductRow,
} from '#src/modules/catalogue/repo/products.repo.ts';

const v = messages.catalogue.validation;

/** The ISO codes must be in the workspace's list and the distributors in the workspace: field errors otherwise. */
async function checkReferences(db: Db, workspaceId: string, input: ProductInput) {
  const codes = [input.primaryIsoCode, ...input.secondaryIsoCodes];
  const [known, distributorIds] = await Promise.all([
    knownIsoCodes(db, workspaceId, input.isoEdition, codes),
    existingDistributorIds(db, workspaceId, input.distributorIds),
  ]);
  const issues: FieldIssue[] = [];
  if (!known.has(input.primaryIsoCode))
    issues.push({ path: 'primaryIsoCode', message: v.isoUnknown(formatIsoCode(input.primaryIsoCode)) });
  input.secondaryIsoCodes.forEach((code, i) => {
    if (!known.has(code)) issues.push({ path: `secondaryIsoCodes.${i}`, message: v.isoUnknown(formatIsoCode(code)) });
  });
  input.distributorIds.forEach((id, i) => {
    if (!distributorIds.has(id)) issues.push({ path: `distributorIds.${i}`, message: v.distributorUnknown });
  });
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

const fieldsOf = (input: ProductInput): ProductFields => ({
  kind: input.kind,
  name: input.name,
  description: input.description,
  manufacturer: input.manufacturer,
  primaryIsoCode: input.primaryIsoCode,
  secondaryIsoCodes: [...new Set(input.secondaryIsoCodes.filter((c) => c !== input.primaryIsoCode))],
  isoEdition: input.isoEdition,
  averagePriceCents: input.averagePriceCents,
  priceDate: input.priceDate,
  priceSource: input.priceSource,
  lppCode: input.lppCode,
  reimbursementBaseCents: input.reimbursementBaseCents,
  priceCeilingCents: input.priceCeilingCents,
  dimensions: input.dimensions,
  features: input.features,
  activities: [...new Set(input.activities)],
  rooms: [...new Set(input.rooms)],
});

const stateOf = (row: ProductRow, distributorIds: string[]) => ({
  kind: row.kind,
  name: row.name,
  description: row.description,
  manufacturer: row.manufacturer,
  primaryIsoCode: row.primaryIsoCode,
  secondaryIsoCodes: row.secondaryIsoCodes,
  isoEdition: row.isoEdition,
  averagePriceCents: row.averagePriceCents,
  priceDate: row.priceDate,
  priceSource: row.priceSource,
  lppCode: row.lppCode,
  reimbursementBaseCents: row.reimbursementBaseCents,
  priceCeilingCents: row.priceCeilingCents,
  dimensions: row.dimensions,
  features: row.features,
  activities: row.activities,
  rooms: row.rooms,
  distributorIds,
});

export async function createProduct(db: Db, actor: Actor, input: ProductInput, requestId: string | null) {
  await checkReferences(db, actor.workspaceId, input);
  return db.transaction((tx) => insertCheckedProduct(tx, actor, input, requestId));
}

/**
 * Writes a product whose references are checked, with its distributor links and its audit row: its first
 * version. The caller holds the transaction (one product from the form, a whole file from an import).
 */
export async function insertCheckedProduct(tx: Db, actor: Actor, input: ProductInput, requestId: string | null) {
  const id = newId();
  await insertProduct(tx, { ...fieldsOf(input), workspaceId: actor.workspaceId, id, createdBy: actor.userId });
  await setProductDistributors(
    tx,
    actor.workspaceId,
    id,
    [...new Set(input.distributorIds)].map((distributorId) => ({ id: newId(), distributorId })),
  );
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'catalogue_product.create',
    entityType: 'catalogue_product',
    entityId: id,
    changedFields: Object.keys(fieldsOf(input)),
    requestId,
  });
  return { id };
}

/**
 * Saves a new state of the sheet, given the version the writer read: the previous state is kept whole in the
 * versions table, so the history shows every change. A stale version is a 409.
 */
export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductInput & { version: number },
  requestId: string | null,
) {
  return db.transaction(async (tx) => {
    const row = await findProduct(tx, actor.workspaceId, id, true);
    if (!row) throw notFound();
    // Checked once the product is known to be the actor's, so another workspace's id learns nothing.
    await checkReferences(tx, actor.workspaceId, input);
    if (row.version !== input.version) throw new AppError('conflict', { message: v.stale });
    const previous = stateOf(row, await distributorIdsOf(tx, actor.workspaceId, id));
    const next = { ...fieldsOf(input), distributorIds: [...new Set(input.distributorIds)].sort() };
    const changedFields = changedFieldsOf(previous as Record<string, unknown>, next).sort();
    if (changedFields.length === 0) return { id, version: row.version };
    await insertVersion(tx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      productId: id,
      version: row.version,
      snapshot: previous,
      changedFields,
      changedBy: actor.userId,
    });
    const version = row.version + 1;
    await updateProductRow(tx, actor.workspaceId, id, { ...fieldsOf(input), version, updatedBy: actor.userId });
    if (changedFields.includes('distributorIds'))
      await setProductDistributors(
        tx,
        actor.workspaceId,
        id,
        next.distributorIds.map((distributorId) => ({ id: newId(), distributorId })),
      );
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_product.update',
      entityType: 'catalogue_product',
      entityId: id,
      changedFields,
      requestId,
    });
    return { id, version };
  });
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  const ws = actor.workspaceId;
  const row = await findProduct(db, ws, id);
  if (!row) throw notFound();
  const codes = [row.primaryIsoCode, ...row.secondaryIsoCodes];
  const [labels, sellers, files, items] = await Promise.all([
    knownIsoCodes(db, ws, row.isoEdition, codes),
    distributorsOfProduct(db, ws, id),
    filesOfProduct(db, ws, id),
    itemsOfProduct(db, ws, id),
  ]);
  const isoRef = (code: string) => ({ code, display: formatIsoCode(code), label: labels.get(code) ?? null });
  return {
    id: row.id,
    kind: row.kind as Product['kind'],
    name: row.name,
    description: row.description,
    manufacturer: row.manufacturer,
    primaryIso: isoRef(row.primaryIsoCode),
    secondaryIsos: row.secondaryIsoCodes.map(isoRef),
    isoEdition: row.isoEdition,
    isoClassLabel: isoClassLabelOf(row.primaryIsoCode),
    averagePriceCents: row.averagePriceCents,
    priceDate: row.priceDate,
    priceSource: row.priceSource,
    lppCode: row.lppCode,
    reimbursementBaseCents: row.reimbursementBaseCents,
    priceCeilingCents: row.priceCeilingCents,
    dimensions: row.dimensions,
    features: row.features,
    activities: row.activities as ActivityCode[],
    rooms: row.rooms as RoomCode[],
    distributors: sellers,
    files: files as Product['files'],
    showroomItems: items as Product['showroomItems'],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canManage: actor.permissions.has('catalogue.manage'),
  };
}

export async function getProductHistory(db: Db, actor: Actor, id: string): Promise<ProductHistory> {
  if (!(await findProduct(db, actor.workspaceId, id))) throw notFound();
  const [rows, members] = await Promise.all([
    listVersions(db, actor.workspaceId, id),
    listMemberRows(db, actor.workspaceId),
  ]);
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  return {
    items: rows.map((r) => {
      const s = r.snapshot as ReturnType<typeof stateOf>;
      return {
        version: r.version,
        changedAt: r.changedAt.toISOString(),
        changedByName: r.changedBy ? (nameOf.get(r.changedBy) ?? null) : null,
        changedFields: r.changedFields,
        previous: {
          name: s.name,
          primaryIsoCode: s.primaryIsoCode,
          averagePriceCents: s.averagePriceCents,
          priceDate: s.priceDate,
          priceSource: s.priceSource,
          lppCode: s.lppCode,
          manufacturer: s.manufacturer,
        },
      };
    }),
  };
}

// ---- Photos and documents

/** Photos stay under the API-wide 1 MB body limit; so do documents. */
const MAX_FILE_BYTES = 1_000_000;
const acceptedTypes = { photo: ['image/jpeg', 'image/png', 'image/webp'], document: ['application/pdf'] } as const;

/** Stores a photo or a document after checking its size and its real type (magic bytes); audited. */
export async function uploadProductFile(
  db: Db,
  actor: Actor,
  productId: string,
  upload: { kind: 'photo' | 'document'; mediaType: string; bytes: Uint8Array; caption: string },
  requestId: string | null,
) {
  if (!(await findProduct(db, actor.workspaceId, productId))) throw notFound();
  if (!upload.caption) throw fieldError('caption', v.caption);
  if (upload.bytes.length === 0) throw fieldError('file', v.fileEmpty);
  if (upload.bytes.length > MAX_FILE_BYTES)
    throw fieldError('file', upload.kind === 'photo' ? v.photoTooLarge : v.documentTooLarge);
  const accepted: readonly string[] = acceptedTypes[upload.kind];
  // A renamed file is refused like a wrong one: the declared type must be what the bytes are.
  if (!accepted.includes(upload.mediaType) || sniffMediaType(upload.bytes) !== upload.mediaType)
    throw fieldError('file', upload.kind === 'photo' ? v.photoType : v.documentType);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertFile(tx, {
      workspaceId: actor.workspaceId,
      id,
      productId,
      kind: upload.kind,
      mediaType: upload.mediaType,
      byteSize: upload.bytes.length,
      caption: upload.caption,
      content: upload.bytes,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_file.create',
      entityType: 'catalogue_product',
      entityId: productId,
      changedFields: ['files'],
      requestId,
    });
  });
  return { id };
}

export async function readProductFile(db: Db, actor: Actor, fileId: string) {
  const file = await findFile(db, actor.workspaceId, fileId);
  if (!file) throw notFound();
  return file;
}

export async function removeProductFile(
  db: Db,
  actor: Actor,
  productId: string,
  fileId: string,
  requestId: string | null,
) {
  const file = await findFile(db, actor.workspaceId, fileId);
  if (!file || file.productId !== productId) throw notFound();
  await db.transaction(async (tx) => {
    await deleteFile(tx, actor.workspaceId, fileId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_file.delete',
      entityType: 'catalogue_product',
      entityId: productId,
      changedFields: ['files'],
      requestId,
    });
  });
}
