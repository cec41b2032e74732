/**
 * ISO 9999 codes. Stored as 2, 4 or 6 digits without separators (`122306`), shown in pairs (`12 23 06`).
 * Only the class level ships, with our own French labels: ISO's titles are copyrighted (NF EN ISO 9999),
 * so a workspace imports its licensed subclasses and divisions as a file.
 */
export const CURRENT_ISO_EDITION = '2022';

/** The 11 classes of the 2022 edition (class 05 was dissolved into 04 and 22), labelled in our own words. */
export const isoClasses: readonly { code: string; label: string }[] = [
  { code: '04', label: 'Mesurer, stimuler ou entraîner les fonctions du corps' },
  { code: '06', label: 'Orthèses et prothèses' },
  { code: '09', label: 'Soins personnels : se laver, aller aux toilettes, s’habiller' },
  { code: '12', label: 'Se déplacer : marche, fauteuils, transferts' },
  { code: '15', label: 'Vie domestique : cuisine, repas, ménage' },
  { code: '18', label: 'Mobilier et aménagement du logement' },
  { code: '22', label: 'Communiquer, s’informer, être alerté' },
  { code: '24', label: 'Saisir, porter et manipuler les objets' },
  { code: '27', label: 'Adapter et contrôler son environnement' },
  { code: '28', label: 'Travail et emploi' },
  { code: '30', label: 'Loisirs' },
];

const classLabels = new Map(isoClasses.map((c) => [c.code, c.label]));

/** Our label of the class a code belongs to, or null when the class does not exist. */
export const isoClassLabelOf = (code: string) => classLabels.get(code.slice(0, 2)) ?? null;

/**
 * The canonical digits of a code as people type it (`12 23 06`, `12.23.06`, `122306`), or null when it is
 * not 1 to 3 pairs of digits.
 */
export function parseIsoCode(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d{2}(?:[ .]?\d{2}){0,2}$/.test(trimmed)) return null;
  return trimmed.replace(/[ .]/g, '');
}

/** The canonical digits of a division code (6 digits), or null. Products are classified at division level. */
export function parseDivisionCode(input: string): string | null {
  const code = parseIsoCode(input);
  return code?.length === 6 ? code : null;
}

/** `122306` → `12 23 06`, the way the standard prints it. */
export const formatIsoCode = (code: string) => code.replace(/(\d\d)(?=\d)/g, '$1 ');

/** `122306` → `['12', '1223', '122306']`: the class, subclass and division a code sits under. */
export const isoAncestors = (code: string) => [2, 4, 6].filter((n) => n <= code.length).map((n) => code.slice(0, n));
