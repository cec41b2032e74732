// Short French function words match everything by trigram similarity: drop them.
const stopWords = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'un',
  'une',
  'et',
  'ou',
  'pour',
  'avec',
  'sans',
  'en',
  'au',
  'aux',
]);

/** The query as accent-free, lower-case words worth matching (at most 6). */
export function searchWords(query: string): string[] {
  const words = query
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !stopWords.has(w));
  return [...new Set(words)].slice(0, 6);
}
