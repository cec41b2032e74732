import { describe, expect, it } from 'vitest';
import { compileDefinition, definitionSchema, isRepeat } from '#src/modules/forms/domain/definition.ts';
import { difficultySources } from '#src/modules/forms/domain/form-indicators.ts';
import { checkResponse } from '#src/modules/forms/domain/response.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';

const byKey = (key: string) => shippedTemplates.find((s) => s.key === key)!;
const compiledOf = (key: string) => compileDefinition(definitionSchema.parse(byKey(key).definition));

describe('shipped templates', () => {
  it.each(shippedTemplates.map((s) => s.key))('%s compiles without a problem', (key) => {
    expect(compiledOf(key).issues).toEqual([]);
  });

  it('name their room and difficulty questions alike, with the same values, so indicators count them together', () => {
    const roomGroups = shippedTemplates
      .filter((s) => s.kind === 'home_visit')
      .map((s) =>
        definitionSchema
          .parse(s.definition)
          .sections.flatMap((x) => x.items)
          .filter(isRepeat),
      )
      .map((groups) => groups.find((g) => g.questions.some((q) => q.name === 'piece'))!);
    const valuesOf = (name: RegExp) =>
      roomGroups.map((g) => g.questions.find((q) => name.test(q.name))!.choices!.map((c) => c.value));
    const [lommeRooms, etapeRooms] = valuesOf(/^piece$/);
    expect(etapeRooms).toEqual(expect.arrayContaining(lommeRooms!));
    const [lommeDifficulties, etapeDifficulties] = valuesOf(/difficil|difficult/);
    expect(etapeDifficulties).toEqual(lommeDifficulties);
    expect(roomGroups[1]!.questions.map((q) => q.name)).toContain('difficultes');
    // What the indicators read: difficulties by room in the assessment, none in the first-reception sheet.
    expect(difficultySources(compiledOf('etape_evaluation_domicile').compiled.definition)).toEqual([
      { repeat: 'pieces', question: 'difficultes', room: 'piece' },
    ]);
    expect(difficultySources(compiledOf('etape_premier_accueil').compiled.definition)).toEqual([]);
  });

  it('ask for the bathroom equipment only in the bathroom, and refuse a toilet seat at 90 cm', () => {
    const { compiled } = compiledOf('etape_evaluation_domicile');
    const answers = {
      date_visite: '2026-11-02',
      motif_visite: 'apa',
      pieces: [
        { piece: 'salle_de_bain', equipement_bain: 'baignoire', difficultes: ['se_laver'] },
        { piece: 'wc', equipement_bain: 'baignoire', hauteur_wc: 90 },
      ],
      priorites: 'Douche de plain-pied et barres d’appui aux toilettes.',
      avis_personne: 'favorable',
    };
    const result = checkResponse(compiled, answers, { today: '2026-11-03', submitting: true });
    expect(result.issues).toEqual([
      { path: 'pieces.1.hauteur_wc', message: 'Indiquez une hauteur entre 30 et 70 cm.' },
    ]);
    expect(result.visible.has('pieces.0.equipement_bain')).toBe(true);
    expect(result.visible.has('pieces.1.equipement_bain')).toBe(false);
  });

  it('require who the request is for when it is not the asker, on the first-reception sheet', () => {
    const { compiled } = compiledOf('etape_premier_accueil');
    const result = checkResponse(
      compiled,
      {
        date_accueil: '2026-11-02',
        mode_accueil: 'sans_rdv',
        demandeur: 'enfant',
        pour_soi: 'no',
        demande_formulee: 'Ma mère ne peut plus entrer dans sa baignoire.',
        vit_seul: 'yes',
        aidant_present: 'no',
        type_habitat: 'maison_plain_pied',
        statut_occupation: 'proprietaire',
        difficultes: ['se_laver'],
        chute_recente: 'no',
        hospitalisation: 'no',
        suite: ['visite_domicile'],
      },
      { today: '2026-11-03', submitting: true },
    );
    expect(result.issues).toEqual([{ path: 'beneficiaire', message: 'Cette question est obligatoire.' }]);
  });
});
