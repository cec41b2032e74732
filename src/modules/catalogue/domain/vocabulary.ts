/** The daily activities a product helps with, as ICF activity codes (labels in the message catalogue). */
export const activityCodes = [
  'd410', // changer de position
  'd420', // transferts
  'd450', // marcher
  'd4551', // monter les escaliers
  'd510', // se laver
  'd530', // aller aux toilettes
  'd540', // s'habiller
  'd550', // manger
  'd570', // prendre ses médicaments
  'd630', // préparer les repas
  'd640', // ménage
  'd360', // téléphoner, alerter
] as const;
export type ActivityCode = (typeof activityCodes)[number];

export const roomCodes = [
  'bathroom',
  'toilet',
  'bedroom',
  'kitchen',
  'living_room',
  'stairs',
  'entrance',
  'outdoors',
] as const;
export type RoomCode = (typeof roomCodes)[number];

export const productKinds = ['product', 'adaptation'] as const;

export const itemLocations = ['showroom', 'mobile_unit', 'lent_out'] as const;
export const itemOwnerships = ['owned', 'loaned'] as const;
export const itemStates = ['new', 'good', 'worn', 'under_repair', 'out_of_service'] as const;
/** Where an item can be seen and tried by a visitor. */
export const availableLocations = ['showroom', 'mobile_unit'] as const;

export const fileKinds = ['photo', 'document'] as const;
