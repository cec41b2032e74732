import { describe, expect, it } from 'vitest';
import { compileDefinition, definitionSchema, type FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { checkResponse } from '#src/modules/forms/domain/response.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';

const definition: FormDefinition = definitionSchema.parse({
  sections: [
    {
      name: 'situation',
      title: 'Situation',
      items: [
        {
          type: 'number',
          name: 'age',
          label: 'Âge',
          unit: 'ans',
          required: true,
          constraint: '. >= 60 and . < 120',
          constraintMessage: 'L’âge doit être compris entre 60 et 119 ans.',
        },
        { type: 'yes_no', name: 'vit_seul', label: 'Vit seul·e ?' },
        { type: 'text', name: 'aidant', label: 'Aidant', relevant: "${vit_seul} = 'no'", required: true },
        { type: 'number', name: 'loyer', label: 'Loyer', unit: '€' },
        { type: 'number', name: 'charges', label: 'Charges', unit: '€' },
        {
          type: 'calculate',
          name: 'total',
          label: 'Total',
          calculation: 'coalesce(${loyer}, 0) + coalesce(${charges}, 0)',
        },
        {
          type: 'date',
          name: 'visite',
          label: 'Date de visite',
          constraint: '. <= today()',
          constraintMessage: 'La visite ne peut pas être dans le futur.',
        },
      ],
    },
    {
      name: 'logement',
      title: 'Logement',
      relevant: '${age} >= 60',
      items: [
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces',
          itemLabel: 'Pièce',
          questions: [
            {
              type: 'single_choice',
              name: 'piece',
              label: 'Pièce',
              required: true,
              choices: [
                { value: 'cuisine', label: 'Cuisine' },
                { value: 'sdb', label: 'Salle de bain' },
              ],
            },
            {
              type: 'multiple_choice',
              name: 'difficultes',
              label: 'Difficultés',
              choices: [
                { value: 'baignoire', label: 'Enjamber la baignoire' },
                { value: 'placards', label: 'Atteindre les placards' },
              ],
            },
            {
              type: 'text',
              name: 'detail_baignoire',
              label: 'Précisez',
              relevant: "selected(${difficultes}, 'baignoire')",
            },
            { type: 'calculate', name: 'nb', label: 'Nombre', calculation: 'count-selected(${difficultes})' },
          ],
        },
        { type: 'scale', name: 'confort', label: 'Confort', scale: { min: 1, max: 5 } },
      ],
    },
  ],
});

const { compiled, issues: definitionIssues } = compileDefinition(definition);
const check = (answers: Record<string, unknown>, submitting = true) =>
  checkResponse(compiled, answers, { today: '2026-11-29', submitting });

describe('checking a response', () => {
  it('compiles the definition without issue', () => {
    expect(definitionIssues).toEqual([]);
  });

  it('requires required relevant questions only when submitting', () => {
    expect(check({}).issues).toEqual([{ path: 'age', message: 'Cette question est obligatoire.' }]);
    expect(check({}, false).issues).toEqual([]);
    expect(check({ age: 70, vit_seul: 'no' }).issues).toEqual([
      { path: 'aidant', message: 'Cette question est obligatoire.' },
    ]);
  });

  it('reports a broken constraint with its French message on the question path', () => {
    expect(check({ age: 45 }).issues).toEqual([
      { path: 'age', message: 'L’âge doit être compris entre 60 et 119 ans.' },
    ]);
    expect(check({ age: 70, visite: '2027-01-05' }).issues).toEqual([
      { path: 'visite', message: 'La visite ne peut pas être dans le futur.' },
    ]);
  });

  it('drops irrelevant answers and unknown keys, and recomputes calculations', () => {
    const result = check({ age: '72', vit_seul: 'yes', aidant: 'Sa fille', loyer: 400, total: 1, pirate: 'x' });
    expect(result.issues).toEqual([]);
    expect(result.answers).toEqual({ age: 72, vit_seul: 'yes', loyer: 400, total: 400, pieces: [] });
    expect(result.visible.has('aidant')).toBe(false);
    expect(result.visible.has('logement')).toBe(true);
  });

  it('checks types with French messages', () => {
    const result = check({ age: 'beaucoup', vit_seul: 'peut-être', visite: '2026-02-31x', confort: 9 });
    expect(result.issues).toEqual([
      { path: 'age', message: 'Saisissez un nombre.' },
      { path: 'vit_seul', message: 'Choisissez parmi les réponses proposées.' },
      { path: 'visite', message: 'Saisissez une date valide (jj/mm/aaaa).' },
    ]);
    // The housing section depends on the age, which is invalid: it is hidden, so the scale is not checked.
    expect(result.visible.has('logement')).toBe(false);
    expect(check({ age: 70, confort: 9 }).issues).toEqual([
      { path: 'confort', message: 'Choisissez une valeur entière de 1 à 5.' },
    ]);
  });

  it('checks each instance of a repeat group room by room, with local relevance and calculations', () => {
    const result = check({
      age: 80,
      pieces: [
        { piece: 'sdb', difficultes: ['baignoire', 'placards'], detail_baignoire: 'Ne peut plus enjamber' },
        { piece: 'cuisine', difficultes: ['placards'], detail_baignoire: 'perdu' },
        { difficultes: ['grenier'] },
      ],
    });
    expect(result.issues).toEqual([
      { path: 'pieces.2.piece', message: 'Cette question est obligatoire.' },
      { path: 'pieces.2.difficultes', message: 'Choisissez parmi les réponses proposées.' },
    ]);
    expect(result.answers.pieces).toEqual([
      { piece: 'sdb', difficultes: ['baignoire', 'placards'], detail_baignoire: 'Ne peut plus enjamber', nb: 2 },
      { piece: 'cuisine', difficultes: ['placards'], nb: 1 },
      { nb: 0 },
    ]);
    expect(result.visible.has('pieces.0.detail_baignoire')).toBe(true);
    expect(result.visible.has('pieces.1.detail_baignoire')).toBe(false);
  });
});

describe('checking a definition', () => {
  const compile = (items: unknown[]) =>
    compileDefinition(definitionSchema.parse({ sections: [{ name: 's', title: 'S', items }] })).issues;

  it('names unknown and later references, duplicates, bad expressions and missing choices', () => {
    expect(
      compile([
        { type: 'text', name: 'a', label: 'A', relevant: "${b} = 'x'" },
        { type: 'text', name: 'b', label: 'B', relevant: '${inconnu} > 1' },
        { type: 'text', name: 'b', label: 'B bis', constraint: 'string-length(.) >>' },
        { type: 'single_choice', name: 'c', label: 'C' },
        { type: 'calculate', name: 'd', label: 'D' },
      ]),
    ).toEqual([
      {
        path: 'sections.0.items.0.relevant',
        message: '${b} désigne une question posée plus loin : elle n’est pas encore connue ici.',
      },
      { path: 'sections.0.items.1.relevant', message: 'Référence inconnue : ${inconnu} ne désigne aucune question.' },
      { path: 'sections.0.items.2.name', message: 'Le nom « b » est déjà utilisé dans ce formulaire.' },
      { path: 'sections.0.items.2.constraint', message: 'Élément inattendu « > » (position 19).' },
      { path: 'sections.0.items.3.choices', message: 'Une question à choix a besoin d’au moins un choix.' },
      { path: 'sections.0.items.4.calculation', message: 'Un champ calculé a besoin d’un calcul.' },
    ]);
  });

  it('needs at least one section', () => {
    expect(compileDefinition({ sections: [] }).issues).toEqual([
      { path: 'sections', message: 'Un formulaire a besoin d’au moins une section.' },
    ]);
  });

  it('keeps questions of a repeat group to that group', () => {
    expect(
      compile([
        {
          type: 'repeat',
          name: 'r',
          label: 'R',
          itemLabel: 'Un',
          questions: [{ type: 'text', name: 'x', label: 'X' }],
        },
        { type: 'text', name: 'y', label: 'Y', relevant: "${x} = 'a'" },
      ]),
    ).toEqual([
      {
        path: 'sections.0.items.1.relevant',
        message: '${x} est dans un groupe répété : seules les questions de ce groupe peuvent y faire référence.',
      },
    ]);
  });

  it('compiles every shipped template', () => {
    for (const template of shippedTemplates) {
      expect(compileDefinition(definitionSchema.parse(template.definition)).issues, template.key).toEqual([]);
    }
  });
});
