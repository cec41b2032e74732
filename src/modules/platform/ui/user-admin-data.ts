export const roleLabel = (role: string, labels: Record<string, string>) => labels[role] ?? role;

/** "73282932000074" → "732 829 320 00074", the way SIRETs are printed. */
export const formatSiret = (siret: string) =>
  `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
