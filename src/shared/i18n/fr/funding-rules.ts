/** Part of the one catalogue in ../fr.ts: the aid simulator and the workspace's own aids. */
export const fundingRules = {
  localAids: {
    errors: {
      girRange: 'Le GIR le plus élevé doit être supérieur ou égal au plus bas.',
      endBeforeStart: 'La fin de validité ne peut pas précéder son entrée en vigueur.',
      rateRequired: 'Indiquez le taux de l’aide (ou choisissez un montant fixe).',
      ceilingRequired: 'Indiquez d’abord le plafond pour une personne.',
      stale: 'Cette aide a été modifiée entre-temps : voici la version enregistrée.',
    },
  },
} as const;
