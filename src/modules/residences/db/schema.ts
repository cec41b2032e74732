import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';

/**
 * A résidence autonomie (ex-logement-foyer): a medico-social establishment with a FINESS number,
 * outside RPLS and the SNE path, whose manager admits residents itself. The admission conditions
 * (GIR range, minimum age) are the manager's settings, not legal constants.
 */
export const residences = pgTable(
  'residences',
  {
    ...tenantColumns,
    managingOrganizationId: uuid('managing_organization_id').notNull(),
    name: text('name').notNull(),
    addressLine: text('address_line'),
    communeInsee: text('commune_insee').notNull(),
    finess: text('finess'),
    capacity: integer('capacity').notNull(),
    girMin: smallint('gir_min').notNull(),
    girMax: smallint('gir_max').notNull(),
    minAge: smallint('min_age'),
    otherConditions: text('other_conditions'),
    services: text('services'),
    monthlyPriceCents: integer('monthly_price_cents'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.managingOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
  ],
);

/** A home of the residence; `status` is `occupied` exactly when an occupancy is open on it. */
export const residenceUnits = pgTable(
  'residence_units',
  {
    ...tenantColumns,
    residenceId: uuid('residence_id').notNull(),
    number: text('number').notNull(),
    typology: text('typology').notNull(),
    surfaceM2: doublePrecision('surface_m2'),
    rentCents: integer('rent_cents'),
    status: text('status').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.residenceId], foreignColumns: [residences.workspaceId, residences.id] }),
    uniqueIndex('residence_units_number_unique').on(t.workspaceId, t.residenceId, t.number),
  ],
);

/** Who lived in a unit, from when to when; the open one is the current occupant. */
export const residenceOccupancies = pgTable(
  'residence_occupancies',
  {
    ...tenantColumns,
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    movedInOn: date('moved_in_on').notNull(),
    movedOutOn: date('moved_out_on'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [residenceUnits.workspaceId, residenceUnits.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    // The database itself refuses two current occupants of one unit, even from concurrent admissions.
    uniqueIndex('residence_occupancies_open_unit')
      .on(t.workspaceId, t.unitId)
      .where(sql`moved_out_on is null`),
    index('residence_occupancies_person_idx').on(t.workspaceId, t.personId),
  ],
);

/**
 * A request for a place. `position` orders the active entries (waiting or offered) of one residence
 * from 1; an admitted or withdrawn entry leaves the list and loses its position.
 */
export const residenceWaitingEntries = pgTable(
  'residence_waiting_entries',
  {
    ...tenantColumns,
    residenceId: uuid('residence_id').notNull(),
    personId: uuid('person_id').notNull(),
    requestedOn: date('requested_on').notNull(),
    wishedTypology: text('wished_typology'),
    position: integer('position'),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    girJustification: text('gir_justification'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.residenceId], foreignColumns: [residences.workspaceId, residences.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    uniqueIndex('residence_waiting_entries_active_person')
      .on(t.workspaceId, t.residenceId, t.personId)
      .where(sql`status in ('waiting', 'offered')`),
    index('residence_waiting_entries_residence_idx').on(t.workspaceId, t.residenceId, t.position),
  ],
);

/** The history of an entry: every addition, move and status change, never updated nor deleted. */
export const residenceWaitingEvents = pgTable(
  'residence_waiting_events',
  {
    ...tenantColumns,
    entryId: uuid('entry_id').notNull(),
    kind: text('kind').notNull(),
    fromPosition: integer('from_position'),
    toPosition: integer('to_position'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.entryId],
      foreignColumns: [residenceWaitingEntries.workspaceId, residenceWaitingEntries.id],
    }),
    index('residence_waiting_events_entry_idx').on(t.workspaceId, t.entryId, t.at),
  ],
);
