/** Part of the one catalogue in ../fr.ts. */
const num = (n: number) => n.toLocaleString('fr-FR');
const euros = (n: number) => `${num(n)} €`;

export const applications = {
  nav: 'Demandes de logement',
  poiNav: 'Lieux utiles',
  system: { sne: 'SNE (portail national)', sde: 'Système départemental (SDE)' },
  status: {
    active: 'Active',
    to_renew: 'À renouveler',
    struck_off_allocation: 'Radiée (attribution)',
    struck_off_not_renewed: 'Radiée (non renouvelée)',
    struck_off_abandoned: 'Radiée (abandon)',
    inadmissible: 'Irrecevable',
  },
  walkingAid: {
    none: 'Aucune',
    cane: 'Canne',
    walker: 'Déambulateur',
    manual_wheelchair: 'Fauteuil roulant manuel',
    electric_wheelchair: 'Fauteuil roulant électrique',
  },
  floorPreference: { ground: 'Rez-de-chaussée', upper: 'En étage (avec ascenseur)' },
  preference: {
    near_doctor: 'Près du médecin',
    near_pharmacy: 'Près d’une pharmacie',
    near_shops: 'Près des commerces alimentaires',
    near_transit: 'Près d’un arrêt de transport',
    near_family: 'Près de la famille ou de l’aidant',
    same_neighbourhood: 'Rester dans le même quartier',
    second_bedroom: 'Une deuxième chambre',
    floor: 'Étage souhaité',
    outdoor_space: 'Un extérieur (balcon, jardin)',
    services: 'Des services (salle commune, hôte…)',
    cost_margin: 'Un coût bien en dessous du budget',
    energy_class: 'Une bonne classe énergie',
  },
  weightLabel: (n: number) =>
    ['Indifférent', 'Un peu important', 'Assez important', 'Important', 'Très important', 'Essentiel'][n] ?? String(n),
  poiKind: {
    doctor: 'Médecin',
    pharmacy: 'Pharmacie',
    food_shop: 'Commerce alimentaire',
    transit_stop: 'Arrêt de transport',
    town_hall: 'Mairie ou CCAS',
    park: 'Parc ou jardin public',
  },
  verdict: {
    compatible: 'Compatible',
    after_works: 'Compatible après travaux',
    to_check: 'À vérifier',
    incompatible: 'Incompatible',
  },
  outcome: { pass: 'Respecté', fail: 'Non respecté', unknown: 'À vérifier', after_works: 'Après travaux' },
  constraint: {
    steps: 'Marches jusqu’à la porte',
    lift: 'Ascenseur jusqu’au palier',
    wheelchair_path: 'Cheminement sans marche (fauteuil)',
    wheelchair_doors: 'Largeur des portes (fauteuil)',
    shower: 'Douche sans ressaut',
    bedrooms: 'Deuxième chambre',
    typology: 'Typologie souhaitée',
    budget: 'Budget (loyer + charges)',
    commune: 'Commune souhaitée',
  },
  missing: {
    profile: 'La capacité de la personne n’est pas renseignée dans la demande.',
    unit: 'La mesure n’est pas renseignée pour ce logement.',
  },
  explain: {
    steps: (actual: number, limit: number) =>
      `${num(actual)} marche(s) jusqu’à la porte ; la personne en monte ${num(limit)} au plus.`,
    stepsWorks: 'Les marches de l’entrée disparaissent avec la rampe que le bailleur s’est engagé à poser.',
    lift: (floor: number, ok: boolean) =>
      floor <= 0
        ? 'Logement de plain-pied ou en rez-de-chaussée.'
        : ok
          ? `Étage ${num(floor)}, desservi par l’ascenseur.`
          : `Étage ${num(floor)} sans ascenseur jusqu’au palier.`,
    wheelchairPath: (steps: number) =>
      steps === 0 ? 'Aucune marche de la rue à la porte.' : `${num(steps)} marche(s) sur le chemin.`,
    wheelchairPathWorks: 'Les marches de l’entrée disparaissent avec la rampe promise par le bailleur.',
    doors: (width: number, limit: number) => `Passage le plus étroit : ${num(width)} cm (il faut ${num(limit)} cm).`,
    doorsWorks: 'Le bailleur s’est engagé à élargir les portes.',
    shower: (ok: boolean) => (ok ? 'Douche de plain-pied ou extra-plate.' : 'Baignoire ou douche à ressaut.'),
    showerWorks: 'Le bailleur s’est engagé à installer une douche de plain-pied.',
    bedrooms: (n: number) => `${num(n)} chambre(s).`,
    typology: (actual: string, wished: string) => `${actual} ; souhaité : ${wished}.`,
    budget: (cost: number, limit: number) => `${euros(cost)} par mois pour un budget de ${euros(limit)}.`,
    commune: (ok: boolean) => (ok ? 'Dans une commune souhaitée.' : 'Hors des communes souhaitées.'),
  },
  contribution: {
    noData: 'Pas de donnée : critère laissé hors du score.',
    walk: (minutes: number, place?: string) => `≈ ${num(minutes)} min à pied${place ? ` (${place})` : ''}`,
    points: (points: number) => `${num(Math.round(points * 10) / 10)} point(s)`,
    subScore: (s: number) => `${num(Math.round(s * 100))} % du critère`,
  },
  walkHelp: (detour: number, speed: number) =>
    `Temps de marche estimé : distance à vol d’oiseau × ${num(detour)} (détours des rues), parcourue à ${num(speed)} m/s, le pas moyen d’une personne âgée. C’est une estimation, pas un itinéraire.`,
  errors: {
    sneNumber:
      'Le numéro unique compte 18 caractères (chiffres et lettres) et commence par le département sur 3 caractères, par exemple 059…',
    sneNumberTaken: 'Ce numéro unique est déjà enregistré pour une autre demande.',
    pathway: 'Choisissez un parcours que vous suivez.',
    commune: 'Cette commune n’est pas dans la liste officielle.',
    renewalBeforeFiling: 'Le renouvellement ne peut pas précéder le premier dépôt.',
    familyCoordinates: 'Indiquez la latitude et la longitude, ou aucune des deux.',
    cotation: 'Indiquez les points, la version de la grille et la date, ou rien.',
  },
  reminder: {
    title: (days: number) => `Demande de logement social à renouveler dans ${days} jours`,
    body: (name: string, expiresOn: string) =>
      `La demande de logement social de ${name} expire le ${expiresOn}. Sans renouvellement, elle est radiée et perd son ancienneté.`,
  },
} as const;
