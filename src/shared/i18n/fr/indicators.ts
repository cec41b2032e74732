/** Indicators for managers. Part of the one catalogue in ../fr.ts. */

const fr = new Intl.NumberFormat('fr-FR');
const n = (value: number) => fr.format(value);
const plural = (count: number, one: string, many: string) => `${n(count)} ${count > 1 ? many : one}`;

export const indicators = {
  title: 'Indicateurs',
  lead: 'L’activité du territoire sur une période : entrées, étapes des parcours, durées et issues. Chiffres agrégés, sans aucun nom.',
  period: {
    legend: 'Période',
    preset: 'Période',
    presets: {
      month: 'Ce mois-ci',
      quarter: 'Les 3 derniers mois',
      twelveMonths: 'Les 12 derniers mois',
      year: 'Cette année',
      lastYear: 'L’année dernière',
      custom: 'Dates au choix',
    },
    from: 'Du',
    to: 'Au',
    show: 'Afficher',
    shown: (from: string, to: string) => `Du ${from} au ${to}`,
    dateInvalid: 'Saisissez une date valide, par exemple 01/03/2026.',
    toBeforeFrom: 'La date de fin doit être postérieure ou égale à la date de début.',
    tooLong: 'La période ne peut pas dépasser dix ans.',
  },
  empty: 'Aucune donnée sur cette période.',
  notRecorded: 'Non renseigné',
  snapshot: 'À ce jour, quelle que soit la période choisie.',
  columns: {
    channel: 'Canal d’entrée',
    stage: 'Étape',
    month: 'Mois',
    outcome: 'Issue',
    closureReason: 'Motif de clôture',
    referrals: 'Signalements',
    decision: 'Suite donnée',
    pathways: 'Parcours',
    medianDays: 'Durée médiane (jours)',
    visits: 'Passages terminés',
    difficulty: 'Difficulté',
    room: 'Pièce',
    persons: 'Personnes',
  },
  figures: {
    referralsByChannel: {
      title: 'Signalements reçus par canal',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun signalement reçu sur la période.'
          : `${plural(total, 'signalement reçu', 'signalements reçus')} ; le canal le plus fréquent est « ${top} » (${n(topCount)}).`,
    },
    referralDecisions: {
      title: 'Suites données aux signalements',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun signalement reçu sur la période.'
          : `Sur ${plural(total, 'signalement reçu', 'signalements reçus')}, la suite la plus fréquente est « ${top} » (${n(topCount)}).`,
    },
    referralClosureReasons: {
      title: 'Signalements clos sans parcours, par motif',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun signalement clos sur la période.'
          : `${plural(total, 'signalement clos', 'signalements clos')} ; motif le plus fréquent : « ${top} » (${n(topCount)}).`,
    },
    entriesByChannel: {
      title: 'Parcours ouverts par canal d’entrée',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun parcours ouvert sur la période.'
          : `${plural(total, 'parcours ouvert', 'parcours ouverts')} ; le canal le plus fréquent est « ${top} » (${n(topCount)}).`,
    },
    entriesByMonth: {
      title: 'Parcours ouverts par mois',
      summary: (total: number, months: number, busiest: string | null, busiestCount: number) =>
        total === 0
          ? 'Aucun parcours ouvert sur la période.'
          : `${plural(total, 'parcours ouvert', 'parcours ouverts')} en ${plural(months, 'mois', 'mois')} ; le plus grand nombre en ${busiest} (${n(busiestCount)}).`,
    },
    pathwaysByStage: {
      title: 'Parcours par étape, à ce jour',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun parcours pour l’instant.'
          : `${plural(total, 'parcours', 'parcours')} au total ; l’étape qui en compte le plus est « ${top} » (${n(topCount)}).`,
    },
    medianDaysPerStage: {
      title: 'Durée médiane passée dans chaque étape',
      summary: (longest: string | null, days: number) =>
        longest === null
          ? 'Aucun passage d’étape terminé sur la période.'
          : `L’étape la plus longue est « ${longest} », avec une durée médiane de ${plural(days, 'jour', 'jours')}.`,
    },
    outcomes: {
      title: 'Issues des parcours clôturés',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun parcours clôturé sur la période.'
          : `${plural(total, 'parcours clôturé', 'parcours clôturés')} ; issue la plus fréquente : « ${top} » (${n(topCount)}).`,
    },
    closureReasons: {
      title: 'Motifs de clôture des parcours',
      summary: (total: number, top: string | null, topCount: number) =>
        total === 0
          ? 'Aucun parcours clôturé sur la période.'
          : `${plural(total, 'clôture', 'clôtures')} ; motif le plus fréquent : « ${top} » (${n(topCount)}).`,
    },
  },
  /** What the submitted home-visit forms record (difficulties room by room), counted in persons. */
  homeVisits: {
    difficulties: {
      title: 'Difficultés repérées lors des visites à domicile',
      summary: (persons: number, responses: number, top: string | null, topCount: number) =>
        top === null
          ? 'Aucune difficulté relevée dans les visites à domicile validées sur la période.'
          : `${plural(persons, 'personne', 'personnes')} (${plural(responses, 'visite validée', 'visites validées')}) ; difficulté la plus fréquente : « ${top} » (${plural(topCount, 'personne', 'personnes')}).`,
    },
    rooms: {
      title: 'Pièces où des difficultés sont repérées',
      summary: (top: string | null, topCount: number) =>
        top === null
          ? 'Aucune difficulté relevée pièce par pièce sur la période.'
          : `La pièce la plus souvent citée est « ${top} » (${plural(topCount, 'personne', 'personnes')}).`,
    },
    note: 'Formulaires de visite à domicile validés sur la période, quel que soit le modèle. Chaque personne compte une fois par difficulté et une fois par pièce, même si elle est citée dans plusieurs pièces ou plusieurs visites ; une même personne peut avoir plusieurs difficultés.',
    download: 'Télécharger les difficultés et les pièces (CSV)',
    csv: {
      header: ['Regroupement', 'Libellé', 'Code', 'Personnes'],
      dimensions: { difficulty: 'Difficulté', room: 'Pièce' },
      fileName: (from: string, to: string) => `difficultes-visites-${from}-${to}.csv`,
    },
  },
  /** The accessible figure of src/shared/ui/figure.tsx. */
  figure: {
    views: (title: string) => `Affichage de « ${title} »`,
    chart: 'Graphique',
    table: 'Tableau',
    tableCaption: (title: string) => `${title} : données`,
  },
};
