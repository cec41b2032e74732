/** Assessments of a person: the AGGIR grid and the GIR it computes. Part of the one catalogue in ../fr.ts. */
export const assessments = {
  gridTitle: (name: string) => `Grille AGGIR — ${name}`,
  gridLead:
    'Pour chaque activité, la personne la fait-elle seule, spontanément, totalement, habituellement et correctement ? ' +
    'Le GIR est calculé par l’algorithme national (CASF, annexe 2-2).',
  evaluate: 'Évaluer avec la grille AGGIR',
  history: 'Évaluations AGGIR',
  historyCaption: 'Évaluations AGGIR, la plus récente en premier',
  noHistory: 'Aucune évaluation AGGIR enregistrée.',
  backToFile: 'Retour au dossier',
  assessedOn: 'Date de l’évaluation',
  pathway: 'Parcours concerné',
  noPathway: 'Aucun parcours en particulier',
  pathwayOption: (openedOn: string, stage: string) => `Parcours ouvert le ${openedOn} — ${stage}`,
  pathwayFromLink: 'Le parcours d’où vous venez',
  note: 'Observations',
  save: 'Enregistrer l’évaluation',
  saving: 'Enregistrement…',
  savedOlder: (gir: number) =>
    `Évaluation enregistrée : GIR ${gir}. Le dossier garde un GIR plus récent, saisi auparavant.`,
  columns: {
    date: 'Date',
    gir: 'GIR',
    rank: 'Rang',
    evaluator: 'Évaluateur ou évaluatrice',
    discriminant: 'Variables discriminantes',
    note: 'Observations',
  },
  liveGir: (gir: number, rank: number) => `GIR calculé : ${gir} (rang ${rank})`,
  liveIncomplete: (missing: number) =>
    missing > 1
      ? `GIR calculé lorsque les ${missing} variables discriminantes restantes seront cotées.`
      : 'GIR calculé lorsque la dernière variable discriminante sera cotée.',
  discriminantTitle: 'Variables discriminantes',
  discriminantHelp: 'Ces dix variables servent au calcul du GIR (les deux dernières sont cotées mais ne pèsent pas).',
  illustrativeTitle: 'Variables illustratives',
  illustrativeHelp: 'Ces sept variables éclairent le plan d’aide ; elles n’entrent pas dans le calcul du GIR.',
  modalities: {
    A: 'A — fait seul, totalement, habituellement et correctement',
    B: 'B — fait partiellement, ou non habituellement, ou non correctement',
    C: 'C — ne fait pas',
  } as Record<string, string>,
  modalityShort: { A: 'A', B: 'B', C: 'C' } as Record<string, string>,
  /** The variables of the grid (CASF annexe 2-1) with a short reminder of what each covers. */
  variables: {
    coherence: {
      label: 'Cohérence',
      help: 'Converser et se comporter de façon logique et sensée. Cotée globalement : la règle qui combine communication et comportement (guide de 2008) n’a pas pu être vérifiée, elle n’est pas appliquée.',
    },
    orientation: {
      label: 'Orientation',
      help: 'Se repérer dans le temps, les moments de la journée et les lieux. Cotée globalement : la règle qui combine temps et espace (guide de 2008) n’a pas pu être vérifiée, elle n’est pas appliquée.',
    },
    toilette: {
      label: 'Toilette',
      help: 'Assurer son hygiène corporelle. AA = A, CC = C, autres = B (guide de remplissage, texte antérieur à 2008).',
    },
    habillage: {
      label: 'Habillage',
      help: 'S’habiller, se déshabiller, se présenter. AAA = A, CCC = C, autres = B (guide de remplissage, texte antérieur à 2008).',
    },
    alimentation: {
      label: 'Alimentation',
      help: 'Se servir et manger les aliments préparés. AA = A ; CC, BC, CB = C ; autres = B (guide de remplissage, texte antérieur à 2008).',
    },
    elimination: {
      label: 'Élimination',
      help: 'Assumer l’hygiène de l’élimination urinaire et fécale. Une partie en C donne C ; AA = A ; autres = B (guide de remplissage, texte antérieur à 2008).',
    },
    transferts: { label: 'Transferts', help: 'Se lever, se coucher, s’asseoir.' },
    deplacementInterieur: {
      label: 'Déplacements à l’intérieur',
      help: 'Avec ou sans canne, déambulateur ou fauteuil roulant, dans le logement.',
    },
    deplacementExterieur: {
      label: 'Déplacements à l’extérieur',
      help: 'À partir de la porte d’entrée, sans moyen de transport. Ne pèse pas dans le calcul du GIR.',
    },
    communication: {
      label: 'Communication à distance',
      help: 'Utiliser les moyens de communication : téléphone, alarme, sonnette. Ne pèse pas dans le calcul du GIR.',
    },
    gestion: { label: 'Gestion', help: 'Gérer ses propres affaires, son budget, ses biens.' },
    cuisine: { label: 'Cuisine', help: 'Préparer ses repas et les conditionner pour qu’ils puissent être servis.' },
    menage: { label: 'Ménage', help: 'Effectuer l’ensemble des travaux ménagers.' },
    transports: {
      label: 'Transports',
      help: 'Prendre et/ou commander un moyen de transport.',
    },
    achats: { label: 'Achats', help: 'Acquisition directe ou par correspondance.' },
    suiviTraitement: {
      label: 'Suivi du traitement',
      help: 'Se conformer à l’ordonnance du médecin.',
    },
    activitesTempsLibre: {
      label: 'Activités de temps libre',
      help: 'Activités sportives, culturelles, sociales, de loisir ou de passe-temps.',
    },
  } as Record<string, { label: string; help: string }>,
  /** The parts of the composite variables. */
  parts: {
    toiletteHaut: 'Toilette du haut (visage, tronc, membres supérieurs, mains, rasage, coiffage)',
    toiletteBas: 'Toilette du bas (régions intimes, membres inférieurs, pieds)',
    habillageHaut: 'Habillage du haut (vêtements passés par les bras et/ou la tête)',
    habillageMoyen: 'Habillage du milieu (boutonnage, fermetures, ceinture, bretelles, pressions)',
    habillageBas: 'Habillage du bas (y compris chaussettes, bas, chaussures)',
    alimentationSeServir: 'Se servir (couper la viande, ouvrir un pot de yaourt, peler un fruit, remplir son verre)',
    alimentationManger: 'Manger (porter les aliments à la bouche et les avaler)',
    eliminationUrinaire: 'Élimination urinaire',
    eliminationFecale: 'Élimination fécale',
  } as Record<string, string>,
  combined: (variable: string, letter: string) => `Cotation retenue pour « ${variable} » : ${letter}`,
  validation: {
    ratingRequired: 'Choisissez A, B ou C pour cette variable.',
    dateRequired: 'Indiquez la date de l’évaluation (jj/mm/aaaa).',
    dateFuture: 'La date de l’évaluation ne peut pas être dans le futur.',
    pathwayUnknown: 'Ce parcours est introuvable ou ne concerne pas cette personne.',
  },
};
