import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { organizations } from '#src/modules/platform/db/schema.ts';

const columns = {
  id: organizations.id,
  kind: organizations.kind,
  name: organizations.name,
  siret: organizations.siret,
  communeInsee: organizations.communeInsee,
  updatedAt: organizations.updatedAt,
};

export type OrganizationRow = {
  id: string;
  kind: string;
  name: string;
  siret: string | null;
  communeInsee: string | null;
  updatedAt: Date;
};

export type OrganizationValues = { kind: string; name: string; siret: string | null; communeInsee: string | null };

/** The workspace's organisations, sorted by name the French way. */
export async function listOrganizations(db: Db, workspaceId: string): Promise<OrganizationRow[]> {
  return db
    .select(columns)
    .from(organizations)
    .where(eq(organizations.workspaceId, workspaceId))
    .orderBy(sql`${organizations.name} collate fr_icu`);
}

/** Locks the row for the rest of the transaction, so two concurrent edits do not interleave. */
export async function findOrganizationForUpdate(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<OrganizationRow | null> {
  const [row] = await db
    .select(columns)
    .from(organizations)
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.id, id)))
    .for('update');
  return row ?? null;
}

export async function findOrganization(db: Db, workspaceId: string, id: string): Promise<OrganizationRow | null> {
  const [row] = await db
    .select(columns)
    .from(organizations)
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.id, id)));
  return row ?? null;
}

export async function siretTakenInWorkspace(
  db: Db,
  workspaceId: string,
  siret: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.workspaceId, workspaceId),
        eq(organizations.siret, siret),
        exceptId ? ne(organizations.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function createOrganizationRow(
  db: Db,
  workspaceId: string,
  values: OrganizationValues,
): Promise<OrganizationRow> {
  const [row] = await db
    .insert(organizations)
    .values({ id: newId(), workspaceId, ...values })
    .returning(columns);
  return row!;
}

export async function updateOrganizationRow(
  db: Db,
  workspaceId: string,
  id: string,
  values: Partial<OrganizationValues>,
): Promise<OrganizationRow> {
  const [row] = await db
    .update(organizations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.id, id)))
    .returning(columns);
  return row!;
}

/** PostgreSQL's unique-violation code, as raised by either driver (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505')
      return constraint === undefined || name === constraint || String((e as Error).message).includes(constraint);
  }
  return false;
}

export const SIRET_UNIQUE_CONSTRAINT = 'organizations_siret_unique';
