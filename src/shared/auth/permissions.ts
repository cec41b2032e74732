/**
 * The vocabulary of permissions: verb on resource. Roles (platform module) grant subsets of it;
 * every route declares one of these, or 'public' / 'authenticated'.
 */
export const permissions = [
  'workspace.admin',
  'organization.read',
  'organization.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'person.read',
  'person.read_all',
  'person.read_sensitive',
  'person.write',
  'referral.create',
  'referral.triage',
  'pathway.read',
  'pathway.write',
  'housing.read',
  'housing.manage',
  'housing.supply',
  'offer.respond',
  'catalogue.read',
  'catalogue.manage',
  'recommendation.write',
  'trial.write',
  'funding.read',
  'funding.write',
  'agenda.read',
  'agenda.write',
  'outreach.manage',
  'survey.manage',
  'survey.analyse',
  'livinglab.manage',
  'partner.manage',
  'project.manage',
  'observatory.read',
  'library.read',
  'library.manage',
  'alert.create',
] as const;

export type Permission = (typeof permissions)[number];

/** What a route declares: a permission, or one of two explicit openings. */
export type RouteAccess = Permission | 'public' | 'authenticated';
