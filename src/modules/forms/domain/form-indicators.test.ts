import { describe, expect, it } from 'vitest';
import { definitionSchema } from '#src/modules/forms/domain/definition.ts';
import { choiceLabels, difficultySources } from '#src/modules/forms/domain/form-indicators.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';

const shipped = (key: string) => definitionSchema.parse(shippedTemplates.find((t) => t.key === key)!.definition);
const choice = (name: string, type: 'single_choice' | 'multiple_choice' = 'multiple_choice') => ({
  type,
  name,
  label: name,
  required: false,
  choices: [{ value: `${name}_a`, label: `A de ${name}` }],
});

describe('difficultySources', () => {
  it('finds the room-by-room difficulties of the shipped home-visit grid, and none in the interview guide', () => {
    expect(difficultySources(shipped('lomme_visite_qualification'))).toEqual([
      { repeat: 'pieces', question: 'activites_difficiles', room: 'piece' },
    ]);
    expect(difficultySources(shipped('lomme_entretien_logement_social'))).toEqual([]);
  });

  it('adds top-level difficulty questions of a home-visit form only', () => {
    const rooms = {
      type: 'repeat' as const,
      name: 'logement',
      label: 'Logement',
      itemLabel: 'Pièce',
      questions: [choice('piece', 'single_choice'), choice('difficultes'), choice('equipements')],
    };
    const topLevel = choice('difficultes_rencontrees');
    const form = (items: unknown[]) => definitionSchema.parse({ sections: [{ name: 's', title: 'S', items }] });
    expect(difficultySources(form([rooms, topLevel]))).toEqual([
      { repeat: 'logement', question: 'difficultes', room: 'piece' },
      { repeat: null, question: 'difficultes_rencontrees', room: null },
    ]);
    // Without a room question, a form records no difficulty by room: it is not a home visit.
    expect(difficultySources(form([topLevel]))).toEqual([]);
    expect(difficultySources(form([{ ...rooms, questions: [choice('difficultes')] }, topLevel]))).toEqual([]);
  });
});

describe('choiceLabels', () => {
  it('names each value by the last definition that labels it', () => {
    const grid = shipped('lomme_visite_qualification');
    const relabelled = structuredClone(grid);
    const pieces = relabelled.sections[1]!.items[0]!;
    if (pieces.type !== 'repeat') throw new Error('the grid’s rooms moved');
    pieces.questions[0]!.choices![5]!.label = 'Salle d’eau';
    const labels = choiceLabels([grid, relabelled]);
    expect(labels.rooms.get('salle_de_bain')).toBe('Salle d’eau');
    expect(labels.difficulties.get('se_laver')).toBe('Se laver (baignoire, douche)');
    expect(choiceLabels([relabelled, grid]).rooms.get('salle_de_bain')).toBe('Salle de bain');
  });
});
