import type { Permission } from '#src/shared/auth/permissions.ts';

export const roles = [
  'reception',
  'referent',
  'housing_officer',
  'home_help',
  'landlord',
  'ot',
  'social_financial',
  'documentation',
  'livinglab',
  'researcher',
  'manager',
  'admin',
] as const;

export type Role = (typeof roles)[number];

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

const caseWork: Permission[] = ['person.read', 'person.write', 'pathway.read', 'pathway.write', 'referral.create'];

/**
 * What each role may do. Row scope (case team, own landlord, anonymised data) comes on top:
 * a permission opens a kind of record, never every record of that kind.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  reception: [
    ...caseWork,
    'person.read_all',
    'referral.triage',
    'agenda.read',
    'agenda.write',
    'library.read',
    'catalogue.read',
  ],
  referent: [
    ...caseWork,
    'person.read_sensitive',
    'referral.triage',
    'housing.read',
    'funding.read',
    'funding.write',
    'agenda.read',
    'agenda.write',
    'catalogue.read',
    'library.read',
    'observatory.read',
  ],
  housing_officer: [
    ...caseWork,
    'referral.triage',
    'housing.read',
    'housing.manage',
    'housing.supply',
    'outreach.manage',
    'agenda.read',
    'agenda.write',
    'library.read',
    'observatory.read',
  ],
  home_help: ['referral.create', 'alert.create', 'library.read'],
  landlord: [
    'referral.create',
    'person.read',
    'pathway.read',
    'housing.read',
    // Their own programmes and units only (row scope by organisation).
    'housing.supply',
    'offer.respond',
    'library.read',
  ],
  ot: [
    ...caseWork,
    'person.read_sensitive',
    'catalogue.read',
    'catalogue.manage',
    'recommendation.write',
    'trial.write',
    'funding.read',
    'agenda.read',
    'agenda.write',
    'library.read',
  ],
  social_financial: [
    ...caseWork,
    'person.read_sensitive',
    'funding.read',
    'funding.write',
    'agenda.read',
    'agenda.write',
    'catalogue.read',
    'library.read',
  ],
  documentation: ['library.read', 'library.manage', 'catalogue.read', 'catalogue.manage'],
  livinglab: [
    'livinglab.manage',
    'agenda.read',
    'agenda.write',
    'catalogue.read',
    'trial.write',
    'survey.manage',
    'library.read',
  ],
  researcher: ['survey.manage', 'survey.analyse', 'observatory.read', 'library.read'],
  manager: [
    'person.read',
    'person.read_all',
    'pathway.read',
    'housing.read',
    'catalogue.read',
    'funding.read',
    'agenda.read',
    'observatory.read',
    'project.manage',
    'partner.manage',
    'outreach.manage',
    'organization.read',
    'user.read',
    'audit.read',
    'library.read',
  ],
  admin: ['workspace.admin', 'organization.read', 'organization.manage', 'user.read', 'user.manage', 'audit.read'],
};

/** Roles whose holders must protect their account with a second factor. */
export const rolesRequiringTwoFactor: readonly Role[] = ['admin'];

export function permissionsOf(roleNames: readonly string[]): Set<Permission> {
  return new Set(roleNames.filter(isRole).flatMap((role) => rolePermissions[role]));
}
