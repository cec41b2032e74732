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

export const shippedTemplates = [interviewGuide, homeVisitGrid];
