import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { responseSearchText } from '#src/modules/forms/service/search-text.ts';
import { excerptAround } from '#src/modules/forms/service/search.ts';

const definition: FormDefinition = {
  sections: [
    {
      name: 's',
      title: 'Section',
      items: [
        { type: 'date', name: 'le', label: 'Date de la visite', required: false },
        { type: 'number', name: 'etage', label: 'Étage', unit: 'étage(s)', required: false },
        { type: 'yes_no', name: 'ascenseur', label: 'Ascenseur', required: false },
        {
          type: 'multiple_choice',
          name: 'aides',
          label: 'Aides',
          required: false,
          choices: [
            { value: 'apa', label: 'APA' },
            { value: 'portage', label: 'Portage de repas' },
          ],
        },
        { type: 'calculate', name: 'total', label: 'Total', calculation: '1 + 1', required: false },
        { type: 'photo', name: 'photo', label: 'Photo', required: false },
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces',
          itemLabel: 'Pièce',
          questions: [{ type: 'long_text', name: 'note', label: 'Ce que vous avez vu', required: false }],
        },
      ],
    },
  ],
};

describe('responseSearchText', () => {
  it('writes one "question<TAB>answer" line per answer, as a person reads it', () => {
    const text = responseSearchText(definition, {
      le: '2026-03-05',
      etage: 3.5,
      ascenseur: 'no',
      aides: ['portage', 'apa'],
      total: 2,
      photo: '0190a0b0-0000-7000-8000-000000000000',
      pieces: [{ note: 'Tapis\nglissant,   seuil haut' }, {}],
    });
    expect(text.split('\n')).toEqual([
      'Date de la visite\t05/03/2026',
      'Étage\t3,5 étage(s)',
      'Ascenseur\tNon',
      'Aides\tPortage de repas, APA',
      'Pièce 1 — Ce que vous avez vu\tTapis glissant, seuil haut',
    ]);
  });

  it('is empty when nothing was answered', () => {
    expect(responseSearchText(definition, {})).toBe('');
  });
});

describe('excerptAround', () => {
  it('keeps a short answer whole and cuts a long one around the words, accents ignored', () => {
    expect(excerptAround('Salle de bain', 'bain')).toBe('Salle de bain');
    const long = `${'a'.repeat(300)} la baignoire est très haute ${'b'.repeat(300)}`;
    const excerpt = excerptAround(long, 'TRES haute');
    expect(excerpt).toContain('très haute');
    expect(excerpt.startsWith('…') && excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(162);
  });
});
