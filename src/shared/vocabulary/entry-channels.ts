/**
 * The doors into the integrated housing pathway ("les portes d'entrée du parcours peuvent être
 * différentes"): one vocabulary for intake, pathways and the indicators that count entries.
 */
export const entryChannels = [
  'reception_desk',
  'home_support_coordinator',
  'home_help_alert',
  'city_housing_service',
  'social_landlord',
  'outreach_event',
  'partner_association',
  'departement',
  'self',
  'family',
] as const;
export type EntryChannel = (typeof entryChannels)[number];
