/** Configurable forms: versioned templates, responses attached to a person, the shipped grids. Part of the one catalogue in ../fr.ts. */
export const forms = {
  expression: {
    empty: 'L’expression est vide.',
    incomplete: 'L’expression est incomplète.',
    endOfExpression: 'fin de l’expression',
    unterminatedString: (at: number) => `Texte entre guillemets non refermé (position ${at}).`,
    badReference: (at: number) => `Référence mal formée (position ${at}) : écrivez \${nom_de_la_question}.`,
    unexpectedCharacter: (c: string, at: number) => `Caractère inattendu « ${c} » (position ${at}).`,
    unexpectedToken: (token: string, at: number) => `Élément inattendu « ${token} » (position ${at}).`,
    unknownFunction: (name: string) => `Fonction inconnue : ${name}().`,
    wrongArity: (name: string, n: number) =>
      n === 0 ? `La fonction ${name}() ne prend pas d’argument.` : `La fonction ${name}() attend ${n} argument(s).`,
  },
  definition: {
    badName: 'Le nom doit commencer par une lettre et ne contenir que des lettres sans accent, chiffres et _.',
    badChoiceValue: 'La valeur d’un choix ne contient que des lettres sans accent, chiffres, - et _.',
    labelRequired: 'Le libellé est obligatoire.',
    duplicateName: (name: string) => `Le nom « ${name} » est déjà utilisé dans ce formulaire.`,
    unknownReference: (name: string) => `Référence inconnue : \${${name}} ne désigne aucune question.`,
    laterReference: (name: string) =>
      `\${${name}} désigne une question posée plus loin : elle n’est pas encore connue ici.`,
    repeatReference: (name: string) =>
      `\${${name}} est dans un groupe répété : seules les questions de ce groupe peuvent y faire référence.`,
    calculationRequired: 'Un champ calculé a besoin d’un calcul.',
    choicesRequired: 'Une question à choix a besoin d’au moins un choix.',
    scaleRequired: 'Une échelle a besoin d’un minimum inférieur à son maximum.',
  },
  validation: {
    required: 'Cette question est obligatoire.',
    constraintFailed: 'La réponse ne respecte pas la règle de cette question.',
    notText: 'Saisissez un texte.',
    tooLong: (max: number) => `La réponse ne doit pas dépasser ${max} caractères.`,
    notNumber: 'Saisissez un nombre.',
    outOfScale: (min: number, max: number) => `Choisissez une valeur entière de ${min} à ${max}.`,
    notDate: 'Saisissez une date valide (jj/mm/aaaa).',
    notChoice: 'Choisissez parmi les réponses proposées.',
    submitted: 'Ce formulaire a été validé : il ne peut plus être modifié.',
    wrongPerson: 'Ce parcours ne concerne pas cette personne.',
    keyTaken: 'Un modèle porte déjà cette clé.',
  },
};
