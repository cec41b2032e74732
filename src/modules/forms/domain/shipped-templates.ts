/**
 * The templates a workspace starts with (seed data, editable by publishing a new version), after
 * the Lomme "parcours logement intégré": the interview guide of the seniors' desk for a social-housing
 * application, and the home-visit qualification grid (difficulties room by room, hazards, what the
 * person expects — rational or not —, hesitations, the family's position).
 */

const yesNo = (name: string, label: string, extra: Record<string, unknown> = {}) => ({
  type: 'yes_no',
  name,
  label,
  ...extra,
});
const choices = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));

const rooms = choices([
  ['entree', 'Entrée et accès au logement'],
  ['escalier', 'Escalier intérieur'],
  ['sejour', 'Séjour'],
  ['cuisine', 'Cuisine'],
  ['chambre', 'Chambre'],
  ['salle_de_bain', 'Salle de bain'],
  ['wc', 'Toilettes'],
  ['exterieur', 'Extérieur, jardin, balcon'],
]);

const activities = choices([
  ['entrer_sortir', 'Entrer et sortir'],
  ['se_deplacer', 'Se déplacer, circuler'],
  ['se_laver', 'Se laver (baignoire, douche)'],
  ['toilettes', 'Utiliser les toilettes'],
  ['cuisiner', 'Préparer les repas'],
  ['atteindre', 'Atteindre les rangements'],
  ['se_coucher', 'Se coucher et se lever'],
  ['entretenir', 'Entretenir le logement'],
  ['monter_marches', 'Monter ou descendre des marches'],
]);

const interviewGuide = {
  key: 'lomme_entretien_logement_social',
  kind: 'interview' as const,
  title: 'Guide d’entretien : demande de logement social (guichet seniors)',
  definition: {
    sections: [
      {
        name: 'demande',
        title: 'La demande',
        items: [
          {
            type: 'date',
            name: 'date_entretien',
            label: 'Date de l’entretien',
            required: true,
            constraint: '. <= today()',
            constraintMessage: 'L’entretien ne peut pas être daté dans le futur.',
          },
          {
            type: 'single_choice',
            name: 'origine_demande',
            label: 'Qui est à l’origine de la demande ?',
            required: true,
            choices: choices([
              ['personne', 'La personne elle-même'],
              ['famille', 'Sa famille ou un proche'],
              ['bailleur', 'Son bailleur'],
              ['professionnel', 'Un professionnel (aide à domicile, médecin, travailleur social)'],
            ]),
          },
          {
            type: 'long_text',
            name: 'motif',
            label: 'Pourquoi la personne souhaite-t-elle changer de logement ?',
            required: true,
            help: 'Notez ses mots : ce qui la pousse à demander, et depuis quand.',
          },
          yesNo('demande_deja_deposee', 'Une demande de logement social est-elle déjà enregistrée ?'),
          {
            type: 'text',
            name: 'numero_unique',
            label: 'Numéro unique de la demande',
            relevant: "${demande_deja_deposee} = 'yes'",
          },
        ],
      },
      {
        name: 'situation',
        title: 'Situation actuelle',
        items: [
          {
            type: 'single_choice',
            name: 'statut_occupation',
            label: 'Statut d’occupation',
            required: true,
            choices: choices([
              ['locataire_social', 'Locataire du parc social'],
              ['locataire_prive', 'Locataire du parc privé'],
              ['proprietaire', 'Propriétaire'],
              ['heberge', 'Hébergé·e'],
            ]),
          },
          {
            type: 'text',
            name: 'bailleur_actuel',
            label: 'Bailleur actuel',
            relevant: "${statut_occupation} = 'locataire_social'",
          },
          {
            type: 'number',
            name: 'etage',
            label: 'Étage du logement',
            unit: 'étage',
            constraint: '. >= 0 and . <= 40',
            constraintMessage: 'Indiquez un étage entre 0 (rez-de-chaussée) et 40.',
          },
          yesNo('ascenseur', 'Y a-t-il un ascenseur ?', { relevant: '${etage} > 0' }),
          {
            type: 'number',
            name: 'personnes_foyer',
            label: 'Nombre de personnes au foyer',
            unit: 'personne(s)',
            required: true,
            constraint: '. >= 1 and . <= 12',
            constraintMessage: 'Le foyer compte de 1 à 12 personnes.',
          },
          {
            type: 'number',
            name: 'loyer_actuel',
            label: 'Loyer actuel charges comprises',
            unit: '€ par mois',
            constraint: '. >= 0',
            constraintMessage: 'Le loyer ne peut pas être négatif.',
          },
          {
            type: 'number',
            name: 'ressources',
            label: 'Ressources mensuelles du foyer',
            unit: '€ par mois',
            constraint: '. >= 0',
            constraintMessage: 'Les ressources ne peuvent pas être négatives.',
          },
          {
            type: 'calculate',
            name: 'taux_effort',
            label: 'Part des ressources consacrée au loyer',
            unit: '%',
            calculation: 'if(${ressources} > 0, ${loyer_actuel} * 100 div ${ressources}, 0)',
          },
        ],
      },
      {
        name: 'souhaits',
        title: 'Le logement souhaité',
        items: [
          {
            type: 'multiple_choice',
            name: 'typologie',
            label: 'Taille de logement souhaitée',
            choices: choices([
              ['t1', 'T1'],
              ['t2', 'T2'],
              ['t3', 'T3'],
              ['t4', 'T4 ou plus'],
            ]),
          },
          { type: 'text', name: 'quartiers', label: 'Quartiers ou communes souhaités' },
          {
            type: 'multiple_choice',
            name: 'criteres',
            label: 'Ce qui compte pour la personne',
            help: 'Les raisons ne sont pas toujours rationnelles : elles comptent autant pour réussir le projet.',
            choices: choices([
              ['rez_de_chaussee', 'Rez-de-chaussée ou ascenseur'],
              ['douche', 'Une douche plutôt qu’une baignoire'],
              ['pres_medecin', 'Rester près de son médecin'],
              ['deuxieme_chambre', 'Avoir une deuxième chambre'],
              ['pres_famille', 'Être près de sa famille'],
              ['garder_quartier', 'Garder son quartier, ses commerces'],
              ['animal', 'Garder son animal'],
              ['exterieur', 'Un balcon ou un jardin'],
            ]),
          },
          { type: 'text', name: 'criteres_autres', label: 'Autres souhaits, en ses mots' },
          {
            type: 'scale',
            name: 'urgence',
            label: 'Urgence ressentie par la personne',
            help: '1 : pas pressée, 5 : très urgent.',
            scale: { min: 1, max: 5 },
          },
        ],
      },
      {
        name: 'suite',
        title: 'Suite donnée',
        items: [
          yesNo('visite_a_prevoir', 'Une visite à domicile est-elle à prévoir ?', { required: true }),
          {
            type: 'date',
            name: 'date_visite',
            label: 'Date envisagée pour la visite',
            relevant: "${visite_a_prevoir} = 'yes'",
          },
          { type: 'long_text', name: 'observations', label: 'Observations de l’agent' },
        ],
      },
    ],
  },
};

const homeVisitGrid = {
  key: 'lomme_visite_qualification',
  kind: 'home_visit' as const,
  title: 'Visite à domicile : grille de qualification',
  definition: {
    sections: [
      {
        name: 'visite',
        title: 'La visite',
        items: [
          {
            type: 'date',
            name: 'date_visite',
            label: 'Date de la visite',
            required: true,
            constraint: '. <= today()',
            constraintMessage: 'La visite ne peut pas être datée dans le futur.',
          },
          yesNo('visite_binome', 'Visite en binôme ?', { help: 'Par exemple avec le bailleur ou l’ergothérapeute.' }),
          {
            type: 'text',
            name: 'second_visiteur',
            label: 'Second visiteur (nom et structure)',
            relevant: "${visite_binome} = 'yes'",
            required: true,
          },
          {
            type: 'multiple_choice',
            name: 'personnes_presentes',
            label: 'Personnes présentes',
            choices: choices([
              ['personne', 'La personne'],
              ['conjoint', 'Son conjoint'],
              ['enfant', 'Un enfant'],
              ['aidant', 'Un autre aidant'],
              ['professionnel', 'Un professionnel'],
            ]),
          },
        ],
      },
      {
        name: 'difficultes',
        title: 'Difficultés pièce par pièce',
        help: 'Observez la personne dans ses gestes réels : comment elle entre, se lave, cuisine, se couche.',
        items: [
          {
            type: 'repeat',
            name: 'pieces',
            label: 'Pièces visitées',
            itemLabel: 'Pièce',
            questions: [
              { type: 'single_choice', name: 'piece', label: 'Pièce', required: true, choices: rooms },
              {
                type: 'multiple_choice',
                name: 'activites_difficiles',
                label: 'Activités difficiles dans cette pièce',
                choices: activities,
              },
              {
                type: 'scale',
                name: 'gravite',
                label: 'Gravité des difficultés',
                help: '0 : aucune, 3 : la personne ne peut plus faire seule.',
                scale: { min: 0, max: 3 },
              },
              {
                type: 'long_text',
                name: 'observation',
                label: 'Ce que vous avez observé',
                relevant: 'count-selected(${activites_difficiles}) > 0',
              },
              {
                type: 'calculate',
                name: 'nombre_difficultes',
                label: 'Nombre d’activités difficiles',
                calculation: 'count-selected(${activites_difficiles})',
              },
            ],
          },
        ],
      },
      {
        name: 'section_dangers',
        title: 'Dangers repérés',
        items: [
          {
            type: 'multiple_choice',
            name: 'dangers',
            label: 'Dangers',
            choices: choices([
              ['chute', 'Risque de chute (tapis, seuils, sol glissant)'],
              ['eclairage', 'Éclairage insuffisant'],
              ['electricite', 'Installation électrique dangereuse'],
              ['gaz', 'Gaz, chauffage d’appoint'],
              ['humidite', 'Humidité, insalubrité'],
              ['encombrement', 'Encombrement'],
              ['isolement', 'Isolement, personne injoignable'],
            ]),
          },
          yesNo('chute_recente', 'La personne est-elle tombée dans les 12 derniers mois ?'),
          {
            type: 'number',
            name: 'nombre_chutes',
            label: 'Nombre de chutes',
            unit: 'chute(s)',
            relevant: "${chute_recente} = 'yes'",
            constraint: '. >= 1 and . <= 50',
            constraintMessage: 'Indiquez entre 1 et 50 chutes.',
          },
          {
            type: 'long_text',
            name: 'dangers_precisions',
            label: 'Précisions',
            relevant: 'count-selected(${dangers}) > 0',
          },
        ],
      },
      {
        name: 'attentes',
        title: 'Ce que la personne attend',
        help: 'On sort de l’approche rationnelle : notez ce sur quoi repose sa satisfaction.',
        items: [
          {
            type: 'single_choice',
            name: 'projet',
            label: 'Projet envisagé par la personne',
            required: true,
            choices: choices([
              ['rester_adapter', 'Rester et adapter le logement'],
              ['mutation', 'Changer de logement dans le parc social'],
              ['devenir_locataire', 'Vendre et devenir locataire'],
              ['etablissement', 'Entrer en établissement'],
              ['ne_sait_pas', 'Ne sait pas encore'],
            ]),
          },
          {
            type: 'multiple_choice',
            name: 'souhaits',
            label: 'Souhaits exprimés',
            choices: choices([
              ['pres_medecin', 'Rester près de son médecin'],
              ['deuxieme_chambre', 'Avoir une deuxième chambre (recevoir, garder ses meubles)'],
              ['pres_famille', 'Être près de sa famille'],
              ['garder_quartier', 'Garder son quartier, ses voisins'],
              ['animal', 'Garder son animal'],
              ['jardin', 'Garder un jardin ou un balcon'],
              ['meme_loyer', 'Ne pas payer plus qu’aujourd’hui'],
            ]),
          },
          { type: 'long_text', name: 'attentes_mots', label: 'Ses attentes, en ses mots' },
          {
            type: 'scale',
            name: 'satisfaction_actuelle',
            label: 'Satisfaction de la personne dans son logement actuel',
            help: '1 : pas du tout satisfaite, 5 : très satisfaite.',
            scale: { min: 1, max: 5 },
          },
        ],
      },
      {
        name: 'hesitations',
        title: 'Hésitations et entourage',
        items: [
          yesNo('hesite', 'La personne exprime-t-elle des hésitations ou des craintes ?', { required: true }),
          {
            type: 'multiple_choice',
            name: 'freins',
            label: 'Ce qui la freine',
            relevant: "${hesite} = 'yes'",
            choices: choices([
              ['attachement', 'Attachement au logement, aux souvenirs'],
              ['demenagement', 'Peur du déménagement'],
              ['cout', 'Coût, reste à charge'],
              ['demarches', 'Démarches administratives, délais'],
              ['precipitation', 'Sentiment d’aller trop vite'],
              ['travaux', 'Crainte des travaux'],
            ]),
          },
          {
            type: 'long_text',
            name: 'hesitations_detail',
            label: 'Précisez ses hésitations',
            relevant: "${hesite} = 'yes'",
          },
          yesNo('famille_associee', 'La famille est-elle associée au projet ?'),
          {
            type: 'single_choice',
            name: 'position_famille',
            label: 'Position de la famille',
            relevant: "${famille_associee} = 'yes'",
            choices: choices([
              ['favorable', 'Favorable'],
              ['hesitante', 'Hésitante'],
              ['opposee', 'Opposée'],
              ['partagee', 'Partagée entre ses membres'],
            ]),
          },
          {
            type: 'long_text',
            name: 'position_famille_detail',
            label: 'Ce que dit la famille',
            relevant: "${famille_associee} = 'yes'",
          },
        ],
      },
      {
        name: 'section_synthese',
        title: 'Synthèse',
        items: [
          {
            type: 'long_text',
            name: 'synthese',
            label: 'Synthèse de la qualification',
            required: true,
            constraint: 'string-length(.) >= 20',
            constraintMessage: 'Rédigez une synthèse d’au moins 20 caractères.',
          },
          yesNo('conference_logement', 'Présenter la situation en conférence logement ?'),
        ],
      },
    ],
  },
};

/*
 * L'Étape (CCAS de Lattes): the ergotherapists' first-reception sheet and home-environment assessment,
 * once hand-written then retyped into a spreadsheet. Rooms (`piece`) and difficulties share their
 * values with the Lomme grid, so that indicators count them together; in a room repeat group the
 * difficulty question is named `difficultes`.
 */

const extendedRooms = [...rooms, ...choices([['couloir', 'Couloir, dégagements']])];

const caregiverLinks = choices([
  ['conjoint', 'Conjoint'],
  ['enfant', 'Enfant'],
  ['autre_famille', 'Autre membre de la famille'],
  ['voisin', 'Voisin ou ami'],
  ['professionnel', 'Professionnel (aide à domicile, infirmier)'],
]);

const bathroomTypes = choices([
  ['baignoire', 'Baignoire'],
  ['douche_bac', 'Douche avec bac'],
  ['douche_plain_pied', 'Douche de plain-pied'],
  ['baignoire_douche', 'Baignoire et douche'],
]);

const notInFuture = (what: string) => ({
  constraint: '. <= today()',
  constraintMessage: `${what} ne peut pas être datée dans le futur.`,
});

const firstReception = {
  key: 'etape_premier_accueil',
  kind: 'interview' as const,
  title: 'L’Étape : fiche de premier accueil',
  definition: {
    sections: [
      {
        name: 'section_accueil',
        title: 'L’accueil',
        help: 'Le premier accueil est mené par un ergothérapeute : comprendre la demande et repérer les besoins non exprimés.',
        items: [
          {
            type: 'date',
            name: 'date_accueil',
            label: 'Date de l’accueil',
            required: true,
            ...notInFuture('L’accueil'),
          },
          {
            type: 'single_choice',
            name: 'mode_accueil',
            label: 'Mode d’accueil',
            required: true,
            choices: choices([
              ['sans_rdv', 'Permanence sans rendez-vous'],
              ['rdv', 'Sur rendez-vous'],
              ['telephone', 'Par téléphone'],
              ['animation', 'Lors d’une animation, d’un atelier ou d’un salon'],
            ]),
          },
          {
            type: 'single_choice',
            name: 'demandeur',
            label: 'Qui fait la demande ?',
            required: true,
            choices: choices([
              ['personne', 'La personne elle-même'],
              ['conjoint', 'Son conjoint'],
              ['enfant', 'Un de ses enfants'],
              ['aidant', 'Un autre proche aidant'],
              ['professionnel', 'Un professionnel (aide à domicile, infirmier, travailleur social)'],
            ]),
          },
          {
            type: 'text',
            name: 'demandeur_nom',
            label: 'Nom et qualité du demandeur',
            relevant: "${demandeur} != 'personne'",
          },
          {
            type: 'single_choice',
            name: 'connu_par',
            label: 'Comment la personne a-t-elle connu l’Étape ?',
            choices: choices([
              ['presse', 'Presse, site internet'],
              ['animation', 'Animation, démonstration, salon'],
              ['professionnel', 'Un professionnel du domicile'],
              ['apa', 'L’équipe APA du Département'],
              ['entourage', 'Sa famille, le bouche-à-oreille'],
            ]),
          },
        ],
      },
      {
        name: 'section_demande',
        title: 'La demande',
        items: [
          yesNo('pour_soi', 'La demande concerne-t-elle le demandeur lui-même ?', { required: true }),
          {
            type: 'text',
            name: 'beneficiaire',
            label: 'Pour qui ? (nom et lien avec le demandeur)',
            relevant: "${pour_soi} = 'no'",
            required: true,
          },
          {
            type: 'long_text',
            name: 'demande_formulee',
            label: 'La demande telle qu’elle est formulée',
            required: true,
            help: 'Notez les mots de la personne ou de son accompagnant.',
          },
          {
            type: 'long_text',
            name: 'besoins_non_exprimes',
            label: 'Besoins complémentaires repérés, non exprimés',
          },
        ],
      },
      {
        name: 'section_entourage',
        title: 'Entourage et aidants',
        items: [
          yesNo('vit_seul', 'La personne vit-elle seule ?', { required: true }),
          yesNo('aidant_present', 'Un proche l’aide-t-il au quotidien ?', { required: true }),
          {
            type: 'single_choice',
            name: 'aidant_lien',
            label: 'Lien de l’aidant principal',
            relevant: "${aidant_present} = 'yes'",
            choices: caregiverLinks,
          },
          {
            type: 'single_choice',
            name: 'aidant_frequence',
            label: 'Fréquence de l’aide',
            relevant: "${aidant_present} = 'yes'",
            choices: choices([
              ['quotidienne', 'Tous les jours'],
              ['hebdomadaire', 'Chaque semaine'],
              ['occasionnelle', 'De temps en temps'],
            ]),
          },
          yesNo('aide_domicile', 'Une aide à domicile intervient-elle ?'),
          {
            type: 'number',
            name: 'heures_aide',
            label: 'Heures d’aide à domicile',
            unit: 'h par semaine',
            relevant: "${aide_domicile} = 'yes'",
            constraint: '. > 0 and . <= 80',
            constraintMessage: 'Indiquez entre 1 et 80 heures par semaine.',
          },
          yesNo('apa', 'La personne bénéficie-t-elle de l’APA ?'),
        ],
      },
      {
        name: 'section_logement',
        title: 'Le logement',
        items: [
          {
            type: 'single_choice',
            name: 'type_habitat',
            label: 'Type d’habitat',
            required: true,
            choices: choices([
              ['maison_plain_pied', 'Maison de plain-pied'],
              ['maison_etage', 'Maison à étage'],
              ['appartement', 'Appartement'],
              ['residence_seniors', 'Résidence autonomie ou résidence seniors'],
              ['autre', 'Autre'],
            ]),
          },
          {
            type: 'single_choice',
            name: 'statut_occupation',
            label: 'Statut d’occupation',
            required: true,
            choices: choices([
              ['proprietaire', 'Propriétaire'],
              ['locataire_social', 'Locataire du parc social'],
              ['locataire_prive', 'Locataire du parc privé'],
              ['heberge', 'Hébergé·e'],
            ]),
          },
          {
            type: 'number',
            name: 'etage',
            label: 'Étage du logement',
            unit: 'étage',
            relevant: "${type_habitat} = 'appartement' or ${type_habitat} = 'residence_seniors'",
            constraint: '. >= 0 and . <= 40',
            constraintMessage: 'Indiquez un étage entre 0 (rez-de-chaussée) et 40.',
          },
          yesNo('ascenseur', 'Y a-t-il un ascenseur ?', { relevant: '${etage} > 0' }),
          {
            type: 'number',
            name: 'marches_entree',
            label: 'Marches pour entrer dans le logement',
            unit: 'marche(s)',
            constraint: '. >= 0 and . <= 100',
            constraintMessage: 'Indiquez entre 0 et 100 marches.',
          },
          {
            type: 'single_choice',
            name: 'salle_de_bain',
            label: 'Équipement de la salle de bain',
            choices: bathroomTypes,
          },
        ],
      },
      {
        name: 'section_difficultes',
        title: 'Difficultés rencontrées au quotidien',
        items: [
          {
            type: 'multiple_choice',
            name: 'difficultes',
            label: 'Activités devenues difficiles',
            required: true,
            choices: activities,
          },
          {
            type: 'long_text',
            name: 'difficultes_precisions',
            label: 'Précisions sur ces difficultés',
            relevant: 'count-selected(${difficultes}) > 0',
          },
          {
            type: 'multiple_choice',
            name: 'aides_techniques',
            label: 'Aides techniques déjà utilisées',
            choices: choices([
              ['canne', 'Canne'],
              ['deambulateur', 'Déambulateur'],
              ['fauteuil_roulant', 'Fauteuil roulant'],
              ['siege_douche', 'Siège ou tabouret de douche'],
              ['planche_bain', 'Planche de bain'],
              ['rehausseur_wc', 'Rehausseur de toilettes'],
              ['barres_appui', 'Barres d’appui'],
              ['lit_medicalise', 'Lit médicalisé'],
              ['teleassistance', 'Téléassistance'],
            ]),
          },
        ],
      },
      {
        name: 'section_historique',
        title: 'Historique',
        items: [
          yesNo('chute_recente', 'La personne est-elle tombée dans les 12 derniers mois ?', { required: true }),
          {
            type: 'number',
            name: 'nombre_chutes',
            label: 'Nombre de chutes',
            unit: 'chute(s)',
            relevant: "${chute_recente} = 'yes'",
            constraint: '. >= 1 and . <= 50',
            constraintMessage: 'Indiquez entre 1 et 50 chutes.',
          },
          yesNo('hospitalisation', 'A-t-elle été hospitalisée dans les 12 derniers mois ?', { required: true }),
          {
            type: 'text',
            name: 'hospitalisation_motif',
            label: 'Motif et durée de l’hospitalisation',
            relevant: "${hospitalisation} = 'yes'",
          },
          yesNo('adaptations_anterieures', 'Le logement a-t-il déjà été adapté ?'),
          {
            type: 'long_text',
            name: 'adaptations_detail',
            label: 'Adaptations et aides déjà en place',
            relevant: "${adaptations_anterieures} = 'yes'",
          },
          {
            type: 'long_text',
            name: 'deja_essaye',
            label: 'Ce qui a déjà été essayé',
            help: 'Matériel essayé, démarches engagées, solutions abandonnées et pourquoi.',
          },
        ],
      },
      {
        name: 'section_suite',
        title: 'Suite donnée',
        items: [
          {
            type: 'multiple_choice',
            name: 'suite',
            label: 'Prochaine étape',
            required: true,
            choices: choices([
              ['essai_showroom', 'Essai de matériel au show-room ou dans l’appartement pédagogique'],
              ['fiche_preconisations', 'Fiche de préconisations remise'],
              ['visite_domicile', 'Visite à domicile d’un ergothérapeute'],
              ['accompagnement_financier', 'Accompagnement social et financier (devis, aides)'],
              ['orientation_association', 'Orientation vers une association spécialisée'],
            ]),
          },
          {
            type: 'date',
            name: 'date_visite_prevue',
            label: 'Date envisagée pour la visite',
            relevant: "selected(${suite}, 'visite_domicile')",
          },
          { type: 'long_text', name: 'observations', label: 'Observations de l’ergothérapeute' },
        ],
      },
    ],
  },
};

const homeEnvironment = {
  key: 'etape_evaluation_domicile',
  kind: 'home_visit' as const,
  title: 'L’Étape : évaluation de l’environnement au domicile',
  definition: {
    sections: [
      {
        name: 'section_visite',
        title: 'La visite',
        items: [
          {
            type: 'date',
            name: 'date_visite',
            label: 'Date de la visite',
            required: true,
            ...notInFuture('La visite'),
          },
          {
            type: 'single_choice',
            name: 'motif_visite',
            label: 'Motif de la visite',
            required: true,
            choices: choices([
              ['suite_accueil', 'Suite au premier accueil'],
              ['demande_personne', 'À la demande de la personne ou de sa famille'],
              ['apa', 'Demande de l’équipe APA du Département'],
              ['retour_hospitalisation', 'Retour d’hospitalisation'],
            ]),
          },
          {
            type: 'multiple_choice',
            name: 'personnes_presentes',
            label: 'Personnes présentes',
            choices: choices([
              ['personne', 'La personne'],
              ['conjoint', 'Son conjoint'],
              ['enfant', 'Un enfant'],
              ['aidant', 'Un autre aidant'],
              ['professionnel', 'Un professionnel'],
            ]),
          },
        ],
      },
      {
        name: 'section_pieces',
        title: 'Pièce par pièce',
        help: 'Faites montrer les gestes du quotidien dans chaque pièce : entrer, se laver, atteindre, se relever.',
        items: [
          {
            type: 'repeat',
            name: 'pieces',
            label: 'Pièces évaluées',
            itemLabel: 'Pièce',
            questions: [
              { type: 'single_choice', name: 'piece', label: 'Pièce', required: true, choices: extendedRooms },
              {
                type: 'multiple_choice',
                name: 'difficultes',
                label: 'Difficultés observées dans cette pièce',
                choices: activities,
              },
              {
                type: 'scale',
                name: 'gravite',
                label: 'Gravité des difficultés',
                help: '0 : aucune, 3 : la personne ne peut plus faire seule.',
                scale: { min: 0, max: 3 },
              },
              {
                type: 'number',
                name: 'marches',
                label: 'Marches ou seuils à franchir',
                unit: 'marche(s)',
                constraint: '. >= 0 and . <= 50',
                constraintMessage: 'Indiquez entre 0 et 50 marches.',
              },
              {
                type: 'single_choice',
                name: 'sol',
                label: 'Sol',
                choices: choices([
                  ['sans_danger', 'Sans danger'],
                  ['glissant', 'Glissant'],
                  ['tapis', 'Tapis non fixés'],
                  ['abime', 'Inégal ou abîmé'],
                ]),
              },
              {
                type: 'single_choice',
                name: 'eclairage',
                label: 'Éclairage',
                choices: choices([
                  ['suffisant', 'Suffisant'],
                  ['insuffisant', 'Insuffisant'],
                  ['interrupteurs', 'Interrupteurs difficiles à atteindre'],
                ]),
              },
              {
                type: 'single_choice',
                name: 'equipement_bain',
                label: 'Baignoire ou douche',
                relevant: "${piece} = 'salle_de_bain'",
                choices: bathroomTypes,
              },
              {
                type: 'number',
                name: 'hauteur_wc',
                label: 'Hauteur de l’assise des toilettes',
                unit: 'cm',
                relevant: "${piece} = 'wc'",
                constraint: '. >= 30 and . <= 70',
                constraintMessage: 'Indiquez une hauteur entre 30 et 70 cm.',
              },
              yesNo('barres_appui', 'Des barres d’appui sont-elles posées ?', {
                relevant: "${piece} = 'salle_de_bain' or ${piece} = 'wc'",
              }),
              {
                type: 'number',
                name: 'hauteur_lit',
                label: 'Hauteur du lit (dessus du matelas)',
                unit: 'cm',
                relevant: "${piece} = 'chambre'",
                constraint: '. >= 20 and . <= 100',
                constraintMessage: 'Indiquez une hauteur entre 20 et 100 cm.',
              },
              yesNo('rangements_accessibles', 'Les rangements utiles sont-ils à portée de main ?', {
                relevant: "${piece} = 'cuisine'",
              }),
              {
                type: 'multiple_choice',
                name: 'dangers_piece',
                label: 'Dangers repérés',
                choices: choices([
                  ['chute', 'Risque de chute (tapis, seuils, sol glissant)'],
                  ['eclairage', 'Éclairage insuffisant'],
                  ['electricite', 'Installation électrique dangereuse'],
                  ['gaz', 'Gaz, chauffage d’appoint'],
                  ['humidite', 'Humidité, insalubrité'],
                  ['encombrement', 'Encombrement'],
                ]),
              },
              { type: 'long_text', name: 'preconisations_piece', label: 'Préconisations pour cette pièce' },
              { type: 'photo', name: 'photo_piece', label: 'Photo de la pièce' },
            ],
          },
        ],
      },
      {
        name: 'section_preconisations',
        title: 'Préconisations à discuter',
        items: [
          {
            type: 'multiple_choice',
            name: 'preconisations',
            label: 'Préconisations à discuter avec la personne',
            choices: choices([
              ['barres_appui', 'Pose de barres d’appui'],
              ['douche_plain_pied', 'Remplacer la baignoire par une douche de plain-pied'],
              ['siege_douche', 'Siège de douche ou planche de bain'],
              ['rehausseur_wc', 'Rehausseur ou WC surélevé'],
              ['main_courante', 'Main courante dans l’escalier'],
              ['monte_escalier', 'Monte-escalier'],
              ['eclairage', 'Éclairage automatique (détecteurs de présence)'],
              ['tapis_seuils', 'Retirer les tapis, supprimer les seuils'],
              ['rangements', 'Ranger les objets usuels à hauteur'],
              ['lit_medicalise', 'Lit médicalisé ou rehausse du lit'],
              ['teleassistance', 'Téléassistance'],
              ['rampe', 'Rampe d’accès'],
            ]),
          },
          {
            type: 'long_text',
            name: 'priorites',
            label: 'Priorités retenues',
            required: true,
            constraint: 'string-length(.) >= 20',
            constraintMessage: 'Décrivez les priorités en au moins 20 caractères.',
          },
          {
            type: 'long_text',
            name: 'solutions_intermediaires',
            label: 'Solutions intermédiaires en attendant les travaux',
          },
          {
            type: 'single_choice',
            name: 'avis_personne',
            label: 'Ce qu’en pense la personne',
            required: true,
            choices: choices([
              ['favorable', 'Favorable'],
              ['hesitante', 'Hésitante'],
              ['opposee', 'Opposée'],
            ]),
          },
          yesNo('accompagnement_financier', 'Orienter vers le référent social et financier (devis, aides) ?'),
        ],
      },
    ],
  },
};

export const shippedTemplates = [interviewGuide, homeVisitGrid, firstReception, homeEnvironment];
