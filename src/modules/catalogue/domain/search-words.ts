// Short French function words would match almost every product by prefix or with a typo: drop them.
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

/** A text as accent-free, lower-case words: how the catalogue is indexed and how a query is read. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The query as accent-free, lower-case words worth matching (at most 6). */
export function searchWords(query: string): string[] {
  const words = normalisedWords(query).filter((w) => w.length >= 2 && !stopWords.has(w));
  return [...new Set(words)].slice(0, 6);
}
