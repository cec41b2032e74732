import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '#src/modules/forms/api/form.schema.ts';
import {
  checkDraft,
  describePath,
  emptyChoice,
  emptyQuestion,
  emptySection,
  fromDefinition,
  isGroup,
  moved,
  namesOf,
  slug,
  suggestName,
  toDefinition,
  type TemplateDraft,
} from '#src/modules/forms/ui/template-draft.ts';

const definition: FormDefinition = {
  sections: [
    {
      name: 'logement',
      title: 'Logement',
      help: 'Le logement actuel.',
      items: [
        {
          type: 'single_choice',
          name: 'type_logement',
          label: 'Type de logement',
          required: true,
          choices: [
            { value: 'maison', label: 'Maison' },
            { value: 'appartement', label: 'Appartement' },
          ],
        },
        {
          type: 'number',
          name: 'etage',
          label: 'Étage',
          required: false,
          unit: 'étage',
          relevant: "${type_logement} = 'appartement'",
          constraint: '. >= 0',
          constraintMessage: 'Un étage positif.',
        },
        { type: 'scale', name: 'confort', label: 'Confort', required: false, scale: { min: 1, max: 5 } },
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces',
          itemLabel: 'Pièce',
          questions: [{ type: 'text', name: 'piece', label: 'Pièce', required: true }],
        },
        { type: 'calculate', name: 'double', label: 'Double', required: false, calculation: '${etage} * 2' },
      ],
    },
  ],
};

const draftOf = (sections = fromDefinition(definition), extra: Partial<TemplateDraft> = {}): TemplateDraft => ({
  key: 'visite',
  keyEdited: true,
  title: 'Visite',
  kind: 'home_visit',
  sections,
  ...extra,
});

describe('names suggested from labels', () => {
  it('drops accents, ligatures and punctuation into lowercase snake_case', () => {
    expect(slug('Difficultés à l’étage ?')).toBe('difficultes_a_l_etage');
    expect(slug('Œuvre sociale — cœur')).toBe('oeuvre_sociale_coeur');
    expect(slug('   ')).toBe('');
  });

  it('starts with a letter and never takes a name already used', () => {
    expect(suggestName('2 pièces', new Set(), 'question')).toBe('question_2_pieces');
    expect(suggestName('Étage', new Set(['etage', 'etage_2']), 'question')).toBe('etage_3');
    expect(suggestName('?!', new Set(), 'choix')).toBe('choix');
  });

  it('lists the names of the whole draft except the node being renamed', () => {
    const sections = fromDefinition(definition);
    const etage = sections[0]!.items[1]!;
    const names = namesOf(sections, etage.uid);
    expect(names.has('etage')).toBe(false);
    expect([...names]).toEqual(['logement', 'type_logement', 'confort', 'pieces', 'piece', 'double']);
  });
});

describe('draft and definition', () => {
  it('gives back the published definition unchanged when nothing was edited', () => {
    expect(toDefinition(fromDefinition(definition))).toEqual(JSON.parse(JSON.stringify(definition)));
  });

  it('leaves out blank texts and what the chosen type does not use, without forgetting it in the draft', () => {
    const question = {
      ...emptyQuestion(),
      name: 'q',
      label: 'Q',
      help: '  ',
      unit: 'm²',
      required: true,
      constraint: '. > 0',
      choices: [emptyChoice()],
    };
    const calculated = { ...question, type: 'calculate' as const, calculation: '1 + 1' };
    const section = { ...emptySection(), name: 's', title: 'S', items: [question, calculated] };
    const [text, calc] = toDefinition([section]).sections[0]!.items;
    expect(text).toEqual({ type: 'text', name: 'q', label: 'Q', required: true, constraint: '. > 0' });
    expect(calc).toEqual({
      type: 'calculate',
      name: 'q',
      label: 'Q',
      required: false,
      unit: 'm²',
      calculation: '1 + 1',
    });
    expect(section.items[1]!.choices).toHaveLength(1);
  });

  it('sends no scale when a bound is not a whole number, so the check names the scale', () => {
    const sections = fromDefinition(definition);
    const scale = sections[0]!.items[2]!;
    sections[0]!.items[2] = { ...scale, scaleMax: 'cinq' } as typeof scale;
    const issues = checkDraft(draftOf(sections), false);
    expect(issues.get('definition.sections.0.items.2.scale')).toBe(
      'Une échelle a besoin d’un minimum inférieur à son maximum.',
    );
  });

  it('moves one element by an offset', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});

describe('checks before publishing', () => {
  it('finds nothing in a definition the server accepts', () => {
    expect([...checkDraft(draftOf(), false)]).toEqual([]);
    expect([...checkDraft(draftOf(), true)]).toEqual([]);
  });

  it('reports a broken reference on the very path the server uses, even while a label is missing', () => {
    const sections = fromDefinition(definition);
    const etage = sections[0]!.items[1]!;
    sections[0]!.items[1] = { ...etage, label: '', relevant: "${type_lgt} = 'appartement'" };
    const issues = checkDraft(draftOf(sections), false);
    expect(Object.fromEntries(issues)).toEqual({
      'definition.sections.0.items.1.label': 'Le libellé est obligatoire.',
      'definition.sections.0.items.1.relevant': 'Référence inconnue : ${type_lgt} ne désigne aucune question.',
    });
  });

  it('checks key, title and kind only for a new template', () => {
    const draft = draftOf(fromDefinition(definition), { key: 'É', title: '', kind: '' });
    expect([...checkDraft(draft, true).keys()].sort()).toEqual(['key', 'kind', 'title']);
    expect(checkDraft(draft, false).size).toBe(0);
  });

  it('asks for a question in an empty section or group, in plain words', () => {
    const sections = fromDefinition(definition);
    const group = sections[0]!.items[3]!;
    if (!isGroup(group)) throw new Error('the fourth item is the rooms group');
    sections[0]!.items[3] = { ...group, questions: [] };
    const empty = { ...emptySection(), name: 'vide', title: 'Vide', items: [] };
    const issues = checkDraft(draftOf([...sections, empty]), false);
    expect(Object.fromEntries(issues)).toEqual({
      'definition.sections.0.items.3.questions': 'Un groupe répété a besoin d’au moins une question.',
      'definition.sections.1.items': 'Une section a besoin d’au moins une question.',
    });
  });

  it('asks for a first section', () => {
    expect(Object.fromEntries(checkDraft(draftOf([]), false))).toEqual({
      'definition.sections': 'Un formulaire a besoin d’au moins une section.',
    });
  });
});

describe('issue paths in words', () => {
  const draft = draftOf();
  it.each([
    ['kind', 'Type de formulaire'],
    ['definition.sections', 'Sections'],
    ['definition.sections.0.title', 'Section 1 — Titre'],
    ['definition.sections.0.items.1.relevant', 'Question 1.2 — Condition d’affichage'],
    ['definition.sections.0.items.3.name', 'Groupe répété 1.4 — Nom'],
    ['definition.sections.0.items.3.questions.0.label', 'Question 1.4.1 — Libellé'],
    ['definition.sections.0.items.0.choices.1.value', 'Question 1.1 — Choix 2 — Valeur'],
  ])('%s', (path, words) => {
    expect(describePath(path, draft)).toBe(words);
  });
});
