export const organizationKinds = [
  'ccas',
  'cias',
  'city_service',
  'landlord',
  'association',
  'departement',
  'university',
  'company',
  'other',
] as const;

export type OrganizationKind = (typeof organizationKinds)[number];
