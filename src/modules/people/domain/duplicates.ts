/**
 * Names as duplicate detection compares them: lower case, no accents, ligatures spelled out,
 * hyphens and apostrophes as spaces ("Marie-Hélène L'Hôte" → "marie helene l hote"). The database
 * folds stored names the same way (`immutable_unaccent(lower(...))`); trigram similarity then
 * tolerates small typos and ignores word order, so swapped first and last names still match.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded full name a new file is compared with. */
export const duplicateNeedle = (firstName: string, lastName: string): string => foldName(`${firstName} ${lastName}`);

/**
 * Minimum trigram similarity for two full names to be called the same: one or two wrong letters
 * in a name ("Lefebvre" for "Lefèvre") stay above it; different first names of the same family
 * ("Jeanne" and "Jean-Pierre Duval") fall below.
 */
export const DUPLICATE_SIMILARITY = 0.5;
