/** Person files, search, caseload, consents, case teams. Part of the one catalogue in ../fr.ts. */
export const people = {
  searchLabel: 'Rechercher une personne',
  searchHint: 'Nom ou prénom, les accents sont facultatifs',
  searchPlaceholder: 'ex. Lefevre',
  searchResults: (n: number) =>
    n === 0 ? 'Aucune personne trouvée' : n > 1 ? `${n} personnes trouvées` : '1 personne trouvée',
  age: (n: number) => `${n} ans`,
  born: 'Née ou né le',
  commune: 'Commune (code INSEE)',
  fileTitle: (name: string) => `Dossier de ${name}`,
  identity: 'Identité',
};
