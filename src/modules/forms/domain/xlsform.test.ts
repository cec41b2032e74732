import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '#src/shared/i18n/fr.ts';
import { definitionSchema, questionTypes, type FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { shippedTemplates } from '#src/modules/forms/domain/shipped-templates.ts';
import {
  definitionToXlsform,
  hasErrors,
  summarize,
  xlsformToDefinition,
  type ReportLine,
  type SheetRow,
  type Workbook,
} from '#src/modules/forms/domain/xlsform.ts';

const t = messages.forms.xlsform;

/** Rows numbered as in the spreadsheet, header first. */
const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

const surveyHeader = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'calculation'];
/** A survey sheet from rows given as objects keyed by column. */
const survey = (rows: Record<string, string>[], header = surveyHeader) =>
  sheet(header, ...rows.map((r) => header.map((h) => r[h] ?? '')));

const yesNoChoices = [
  ['list_name', 'name', 'label'],
  ['oui_non', 'yes', 'Oui'],
  ['oui_non', 'no', 'Non'],
];

const errors = (report: ReportLine[]) => report.filter((l) => l.severity === 'error');
const warnings = (report: ReportLine[]) => report.filter((l) => l.severity === 'warning');

describe('xlsformToDefinition: mapping', () => {
  it('maps types, columns, groups, repeats and the settings sheet to a definition', () => {
    const header = [...surveyHeader, 'constraint_message', 'appearance', 'parameters', 'unit', 'item_label'];
    const workbook: Workbook = {
      survey: survey(
        [
          { type: 'begin_group', name: 'logement', label: 'Logement', hint: 'Le logement actuel' },
          { type: 'decimal', name: 'etage', label: 'Étage', unit: 'étage', required: 'yes' },
          {
            type: 'select_one oui_non',
            name: 'ascenseur',
            label: 'Ascenseur ?',
            relevant: '${etage} > 0',
            required: 'TRUE',
          },
          {
            type: 'text',
            name: 'remarques',
            label: 'Remarques',
            appearance: 'multiline',
            constraint: 'string-length(.) < 500',
            constraint_message: 'Trop long',
          },
          { type: 'begin_repeat', name: 'pieces', label: 'Pièces visitées', item_label: 'Pièce' },
          { type: 'select_multiple pieces_l', name: 'piece', label: 'Pièce' },
          { type: 'range', name: 'gravite', label: 'Gravité', parameters: 'start=0 end=3 step=1' },
          { type: 'image', name: 'photo_piece', label: 'Photo' },
          { type: 'end_repeat' },
          { type: 'end_group' },
          { type: 'begin group', name: 'fin', label: 'Fin', relevant: "${ascenseur} = 'no'" },
          { type: 'date', name: 'date_visite', label: 'Date de visite', constraint: '. <= today()' },
          { type: 'calculate', name: 'double_etage', calculation: '${etage} * 2' },
          { type: 'image', name: 'signature', label: 'Signature', appearance: 'signature' },
          { type: 'file', name: 'courrier', label: 'Courrier' },
          { type: 'end group' },
        ],
        header,
      ),
      choices: sheet(...yesNoChoices, ['pieces_l', 'cuisine', 'Cuisine'], ['pieces_l', 'sdb', 'Salle de bain']),
      settings: sheet(['form_title', 'form_id', 'version'], ['Visite à domicile', 'Visite-Domicile 2026', '3']),
    };
    const result = xlsformToDefinition(workbook);
    expect(result.report).toEqual([]);
    expect(result.settings).toEqual({ title: 'Visite à domicile', key: 'visite_domicile_2026', version: '3' });
    expect(result.definition).toEqual({
      sections: [
        {
          name: 'logement',
          title: 'Logement',
          help: 'Le logement actuel',
          items: [
            { type: 'number', name: 'etage', label: 'Étage', unit: 'étage', required: true },
            { type: 'yes_no', name: 'ascenseur', label: 'Ascenseur ?', relevant: '${etage} > 0', required: true },
            {
              type: 'long_text',
              name: 'remarques',
              label: 'Remarques',
              required: false,
              constraint: 'string-length(.) < 500',
              constraintMessage: 'Trop long',
            },
            {
              type: 'repeat',
              name: 'pieces',
              label: 'Pièces visitées',
              itemLabel: 'Pièce',
              questions: [
                {
                  type: 'multiple_choice',
                  name: 'piece',
                  label: 'Pièce',
                  required: false,
                  choices: [
                    { value: 'cuisine', label: 'Cuisine' },
                    { value: 'sdb', label: 'Salle de bain' },
                  ],
                },
                { type: 'scale', name: 'gravite', label: 'Gravité', required: false, scale: { min: 0, max: 3 } },
                { type: 'photo', name: 'photo_piece', label: 'Photo', required: false },
              ],
            },
          ],
        },
        {
          name: 'fin',
          title: 'Fin',
          relevant: "${ascenseur} = 'no'",
          items: [
            { type: 'date', name: 'date_visite', label: 'Date de visite', required: false, constraint: '. <= today()' },
            {
              type: 'calculate',
              name: 'double_etage',
              label: 'double_etage',
              required: false,
              calculation: '${etage} * 2',
            },
            { type: 'signature', name: 'signature', label: 'Signature', required: false },
            { type: 'file', name: 'courrier', label: 'Courrier', required: false },
          ],
        },
      ],
    });
  });

  it('puts questions outside any group in default sections, in form order', () => {
    const { definition, report } = xlsformToDefinition({
      survey: survey([
        { type: 'text', name: 'nom', label: 'Nom' },
        { type: 'begin_group', name: 'section_1', label: 'Groupe' },
        { type: 'text', name: 'prenom', label: 'Prénom' },
        { type: 'end_group' },
        { type: 'begin_repeat', name: 'enfants', label: 'Enfants' },
        { type: 'text', name: 'enfant', label: 'Enfant' },
        { type: 'end_repeat' },
        { type: 'text', name: 'fin', label: 'Fin' },
      ]),
    });
    expect(report).toEqual([]);
    expect(definition.sections.map((s) => [s.name, s.title, s.items.map((i) => i.name)])).toEqual([
      ['section_2', t.defaultSectionTitle, ['nom']],
      ['section_1', 'Groupe', ['prenom']],
      ['section_3', t.defaultSectionTitle, ['enfants', 'fin']],
    ]);
    expect(definition.sections[2]!.items[0]).toMatchObject({ type: 'repeat', label: 'Enfants', itemLabel: 'Enfants' });
  });

  it('flattens a group inside a section, passing its condition down to each question, with a warning', () => {
    const { definition, report } = xlsformToDefinition({
      survey: survey([
        { type: 'begin_group', name: 'a', label: 'A' },
        { type: 'integer', name: 'age', label: 'Âge' },
        { type: 'begin_group', name: 'b', label: 'B', relevant: '${age} > 60' },
        { type: 'text', name: 'aidant', label: 'Aidant', relevant: "${age} != ''" },
        { type: 'text', name: 'medecin', label: 'Médecin' },
        { type: 'end_group' },
        { type: 'end_group' },
      ]),
    });
    expect(errors(report)).toEqual([]);
    expect(definition.sections[0]!.items).toMatchObject([
      { name: 'age', type: 'number' },
      { name: 'aidant', relevant: "(${age} > 60) and (${age} != '')" },
      { name: 'medecin', relevant: '${age} > 60' },
    ]);
    expect(warnings(report)).toEqual([
      { severity: 'warning', sheet: 'survey', row: 3, column: 'type', message: t.integerAsNumber },
      { severity: 'warning', sheet: 'survey', row: 4, column: 'type', message: t.nestedGroup('b') },
    ]);
  });

  it('keeps a select_one as a single choice unless its list is exactly yes/no', () => {
    const { definition, report } = xlsformToDefinition({
      survey: survey([
        { type: 'select_one oui_non', name: 'a', label: 'A' },
        { type: 'select_one oui_non_nsp', name: 'b', label: 'B' },
        { type: 'select_multiple oui_non', name: 'c', label: 'C' },
      ]),
      choices: sheet(
        ...yesNoChoices,
        ['oui_non_nsp', 'yes', 'Oui'],
        ['oui_non_nsp', 'no', 'Non'],
        ['oui_non_nsp', 'nsp', 'Ne sait pas'],
      ),
    });
    expect(report).toEqual([]);
    expect(definition.sections[0]!.items.map((i) => i.type)).toEqual(['yes_no', 'single_choice', 'multiple_choice']);
  });

  it('takes the French labels when the form has several languages and says which columns it leaves out', () => {
    const header = ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'hint::English (en)'];
    const { definition, report } = xlsformToDefinition({
      survey: sheet(header, ['text', 'nom', 'Name', 'Nom', 'Family name']),
      choices: sheet(['list_name', 'name', 'label::French'], ['l', 'a', 'A']),
    });
    expect(definition.sections[0]!.items[0]).toEqual({
      type: 'text',
      name: 'nom',
      label: 'Nom',
      help: 'Family name',
      required: false,
    });
    expect(report).toEqual([
      { severity: 'warning', sheet: 'survey', row: 1, column: 'label::English (en)', message: expect.any(String) },
      {
        severity: 'warning',
        sheet: 'survey',
        row: 1,
        column: 'hint::English (en)',
        message: t.noFrench('hint::English (en)'),
      },
    ]);
  });
});

/** The one line reported for a survey made of a single question row (row 2). */
const reportFor = (row: Record<string, string>, extra: Partial<Workbook> = {}, header = surveyHeader) =>
  xlsformToDefinition({ survey: survey([row], header), ...extra }).report;

describe('xlsformToDefinition: the line-by-line report', () => {
  it('reports an unknown question type with its row, and blocks the import', () => {
    const report = xlsformToDefinition({
      survey: survey([
        { type: 'text', name: 'nom', label: 'Nom' },
        { type: 'geopoint', name: 'position', label: 'Position' },
        { type: 'text', name: 'ville', label: 'Ville' },
      ]),
    }).report;
    expect(report).toEqual([
      { severity: 'error', sheet: 'survey', row: 3, column: 'type', message: t.unsupportedType('geopoint') },
    ]);
    expect(hasErrors(report)).toBe(true);
  });

  it('reports a broken ${reference} with the row and column of the expression', () => {
    const report = xlsformToDefinition({
      survey: survey([
        { type: 'integer', name: 'age', label: 'Âge' },
        { type: 'text', name: 'aidant', label: 'Aidant', relevant: '${agee} > 60' },
        { type: 'text', name: 'avant', label: 'Avant', constraint: '${apres} != .' },
        { type: 'text', name: 'apres', label: 'Après' },
        { type: 'calculate', name: 'calc', calculation: 'regex(${age}, "[0-9]")' },
        { type: 'text', name: 'syntaxe', label: 'Syntaxe', relevant: '${age} >' },
      ]),
    }).report;
    expect(errors(report)).toEqual([
      {
        severity: 'error',
        sheet: 'survey',
        row: 3,
        column: 'relevant',
        message: messages.forms.definition.unknownReference('agee'),
      },
      {
        severity: 'error',
        sheet: 'survey',
        row: 4,
        column: 'constraint',
        message: messages.forms.definition.laterReference('apres'),
      },
      {
        severity: 'error',
        sheet: 'survey',
        row: 6,
        column: 'calculation',
        message: messages.forms.expression.unknownFunction('regex'),
      },
      { severity: 'error', sheet: 'survey', row: 7, column: 'relevant', message: messages.forms.expression.incomplete },
    ]);
  });

  it('reports a missing choice list, an or_other list, a duplicate choice and a bad choice name', () => {
    expect(reportFor({ type: 'select_one pieces', name: 'piece', label: 'Pièce' })).toEqual([
      { severity: 'error', sheet: 'survey', row: 2, column: 'type', message: t.missingList('pieces') },
    ]);
    expect(reportFor({ type: 'select_one', name: 'piece', label: 'Pièce' })).toEqual([
      { severity: 'error', sheet: 'survey', row: 2, column: 'type', message: t.missingListName('select_one') },
    ]);
    const choices = sheet(['list_name', 'name', 'label'], ['l', 'a', 'A'], ['l', 'a', 'A bis'], ['l', 'b c', 'B']);
    expect(reportFor({ type: 'select_one l or_other', name: 'q', label: 'Q' }, { choices })).toEqual([
      { severity: 'error', sheet: 'survey', row: 2, column: 'type', message: t.orOther },
      { severity: 'error', sheet: 'choices', row: 3, column: 'name', message: t.duplicateChoice('a', 'l') },
      {
        severity: 'error',
        sheet: 'choices',
        row: 4,
        column: 'name',
        message: messages.forms.definition.badChoiceValue,
      },
    ]);
  });

  it('reports duplicate and malformed names and missing labels on their rows', () => {
    const report = xlsformToDefinition({
      survey: survey([
        { type: 'text', name: 'nom', label: 'Nom' },
        { type: 'text', name: 'nom', label: 'Nom encore' },
        { type: 'text', name: 'mal-nommé', label: 'Mal nommé' },
        { type: 'text', name: 'sans_libelle' },
      ]),
    }).report;
    expect(report).toEqual([
      {
        severity: 'error',
        sheet: 'survey',
        row: 3,
        column: 'name',
        message: messages.forms.definition.duplicateName('nom'),
      },
      { severity: 'error', sheet: 'survey', row: 4, column: 'name', message: messages.forms.definition.badName },
      {
        severity: 'error',
        sheet: 'survey',
        row: 5,
        column: 'label',
        message: messages.forms.definition.labelRequired,
      },
    ]);
  });

  it('refuses columns that change what the form does (choice_filter, repeat_count) on each row using them', () => {
    const header = [...surveyHeader, 'choice_filter', 'repeat_count'];
    const report = xlsformToDefinition({
      survey: survey(
        [
          { type: 'begin_repeat', name: 'enfants', label: 'Enfants', repeat_count: '${nombre}' },
          { type: 'select_one l', name: 'ville', label: 'Ville', choice_filter: "canton = 'nord'" },
          { type: 'end_repeat' },
        ],
        header,
      ),
      choices: sheet(['list_name', 'name', 'label', 'canton'], ['l', 'lille', 'Lille', 'nord']),
    }).report;
    expect(report).toEqual([
      {
        severity: 'error',
        sheet: 'survey',
        row: 2,
        column: 'repeat_count',
        message: t.unsupportedColumn('repeat_count'),
      },
      {
        severity: 'error',
        sheet: 'survey',
        row: 3,
        column: 'choice_filter',
        message: t.unsupportedColumn('choice_filter'),
      },
      {
        severity: 'warning',
        sheet: 'choices',
        row: 1,
        column: 'canton',
        message: t.ignoredColumn('canton'),
      },
    ]);
  });

  it('refuses a repeat inside a repeat, unclosed groups and stray ends', () => {
    const nested = xlsformToDefinition({
      survey: survey([
        { type: 'begin_repeat', name: 'pieces', label: 'Pièces' },
        { type: 'text', name: 'piece', label: 'Pièce' },
        { type: 'begin_repeat', name: 'meubles', label: 'Meubles' },
        { type: 'text', name: 'meuble', label: 'Meuble' },
        { type: 'end_repeat' },
        { type: 'end_repeat' },
      ]),
    }).report;
    expect(nested).toEqual([{ severity: 'error', sheet: 'survey', row: 4, column: 'type', message: t.nestedRepeat }]);
    const unbalanced = xlsformToDefinition({
      survey: survey([
        { type: 'end_group' },
        { type: 'begin_group', name: 'a', label: 'A' },
        { type: 'text', name: 'q', label: 'Q' },
        { type: 'end_repeat' },
      ]),
    }).report;
    expect(unbalanced).toEqual([
      { severity: 'error', sheet: 'survey', row: 2, column: 'type', message: t.unexpectedEnd('end_group') },
      { severity: 'error', sheet: 'survey', row: 3, column: 'type', message: t.unclosedGroup('a') },
      { severity: 'error', sheet: 'survey', row: 5, column: 'type', message: t.unexpectedEnd('end_repeat') },
    ]);
  });

  it('refuses empty groups, a conditional required, bad range parameters and a calculation on a question', () => {
    const report = xlsformToDefinition({
      survey: survey(
        [
          { type: 'begin_group', name: 'vide', label: 'Vide' },
          { type: 'end_group' },
          { type: 'text', name: 'a', label: 'A', required: "${b} = 'yes'" },
          { type: 'range', name: 'b', label: 'B', parameters: 'start=0 end=1 step=0.5' },
          { type: 'text', name: 'c', label: 'C', calculation: 'today()' },
          { type: 'bogus', name: 'd', label: 'D' },
          { type: '', name: 'e', label: 'E' },
        ],
        [...surveyHeader, 'parameters'],
      ),
    }).report;
    expect(report).toEqual([
      { severity: 'error', sheet: 'survey', row: 2, column: 'type', message: t.emptyGroup('vide') },
      { severity: 'error', sheet: 'survey', row: 4, column: 'required', message: t.badRequired("${b} = 'yes'") },
      {
        severity: 'error',
        sheet: 'survey',
        row: 5,
        column: 'parameters',
        message: t.badParameters('start=0 end=1 step=0.5'),
      },
      { severity: 'error', sheet: 'survey', row: 6, column: 'calculation', message: t.calculationOnQuestion },
      { severity: 'error', sheet: 'survey', row: 7, column: 'type', message: t.unsupportedType('bogus') },
      { severity: 'error', sheet: 'survey', row: 8, column: 'type', message: t.missingType },
    ]);
  });

  it('warns, without blocking, about notes, device metadata, appearances and ignored columns or sheets', () => {
    const header = [...surveyHeader, 'appearance', 'media::image', 'unit'];
    const { report, definition } = xlsformToDefinition({
      survey: survey(
        [
          { type: 'start', name: 'start' },
          { type: 'note', name: 'intro', label: 'Bienvenue' },
          { type: 'select_one l', name: 'q', label: 'Q ${start}', appearance: 'minimal', 'media::image': 'q.png' },
          { type: 'text', name: 'r', label: 'R', unit: 'kg' },
        ],
        header,
      ),
      choices: sheet(['list_name', 'name', 'label'], ['l', 'a', 'A']),
      settings: sheet(['form_title', 'style'], ['Titre', 'pages']),
      external_choices: sheet(['list_name', 'name'], ['x', 'y']),
    });
    expect(hasErrors(report)).toBe(false);
    expect(definition.sections[0]!.items.map((i) => i.name)).toEqual(['q', 'r']);
    expect(report).toEqual([
      {
        severity: 'warning',
        sheet: 'survey',
        row: 1,
        column: 'media::image',
        message: t.ignoredColumn('media::image'),
      },
      { severity: 'warning', sheet: 'survey', row: 2, column: 'type', message: t.metadataIgnored('start') },
      { severity: 'warning', sheet: 'survey', row: 3, column: 'type', message: t.noteIgnored('Bienvenue') },
      { severity: 'warning', sheet: 'survey', row: 4, column: 'appearance', message: t.ignoredAppearance('minimal') },
      { severity: 'warning', sheet: 'survey', row: 4, column: 'label', message: t.labelReference },
      { severity: 'warning', sheet: 'survey', row: 5, column: 'unit', message: t.ignoredCell('unit') },
      { severity: 'warning', sheet: 'settings', row: 2, column: 'style', message: t.ignoredSetting('style') },
      {
        severity: 'warning',
        sheet: 'external_choices',
        row: null,
        column: null,
        message: t.ignoredSheet('external_choices'),
      },
    ]);
  });

  it('says what is missing when the workbook is not an XLSForm', () => {
    expect(xlsformToDefinition({ Feuil1: sheet(['a', 'b']) }).report).toEqual([
      { severity: 'error', sheet: 'survey', row: null, column: null, message: t.missingSurvey },
      { severity: 'warning', sheet: 'Feuil1', row: null, column: null, message: t.ignoredSheet('Feuil1') },
    ]);
    expect(xlsformToDefinition({ survey: sheet(['name', 'label'], ['a', 'A']) }).report).toEqual([
      { severity: 'error', sheet: 'survey', row: 1, column: null, message: t.missingColumn('type') },
    ]);
    expect(xlsformToDefinition({ survey: sheet(surveyHeader) }).report).toEqual([
      {
        severity: 'error',
        sheet: 'survey',
        row: null,
        column: null,
        message: messages.forms.definition.sectionRequired,
      },
    ]);
  });
});

describe('definitionToXlsform', () => {
  it('writes the three sheets, with choices per question and one yes/no list', () => {
    const shipped = shippedTemplates[0]!;
    const workbook = definitionToXlsform(definitionSchema.parse(shipped.definition), {
      title: shipped.title,
      key: shipped.key,
      version: 2,
    });
    expect(Object.keys(workbook)).toEqual(['survey', 'choices', 'settings']);
    expect(workbook.settings).toEqual([
      { row: 1, cells: ['form_title', 'form_id', 'version'] },
      { row: 2, cells: [shipped.title, shipped.key, '2'] },
    ]);
    const surveyRows = workbook.survey!.map((r) => r.cells.slice(0, 3));
    expect(surveyRows[1]).toEqual(['begin_group', 'demande', 'La demande']);
    expect(surveyRows).toContainEqual(['select_one yes_no', 'demande_deja_deposee', expect.any(String)]);
    expect(surveyRows).toContainEqual(['select_one origine_demande', 'origine_demande', expect.any(String)]);
    expect(workbook.choices!.filter((r) => r.cells[0] === 'yes_no').map((r) => r.cells.slice(1))).toEqual([
      ['yes', 'Oui'],
      ['no', 'Non'],
    ]);
  });

  it('round-trips every shipped template to an equal definition, with nothing to report', () => {
    for (const shipped of shippedTemplates) {
      const definition = definitionSchema.parse(shipped.definition);
      const back = xlsformToDefinition(
        definitionToXlsform(definition, { title: shipped.title, key: shipped.key, version: 1 }),
      );
      expect(back.report, shipped.key).toEqual([]);
      expect(back.definition, shipped.key).toEqual(definition);
      expect(back.settings).toEqual({ title: shipped.title, key: shipped.key, version: '1' });
    }
  });

  it('round-trips any definition built from every question type', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const optional = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined });
    const question = fc.record({
      type: fc.constantFrom(...questionTypes.filter((q) => q !== 'calculate')),
      label: text,
      help: optional(text),
      required: fc.boolean(),
      unit: optional(text.map((s) => s.slice(0, 30).trim()).filter((s) => s.length > 0)),
      choices: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { minLength: 1, maxLength: 4 }),
    });
    type Generated = typeof question extends fc.Arbitrary<infer Q> ? Q : never;
    const definitionArb = fc
      .array(
        fc.array(fc.oneof(question, fc.array(question, { minLength: 1, maxLength: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((sections): FormDefinition => {
        let n = 0;
        const build = (q: Generated) => {
          const name = `q${n++}`;
          const base = { type: q.type, name, label: q.label, help: q.help, required: q.required };
          if (q.type === 'number') return { ...base, unit: q.unit };
          if (q.type === 'single_choice' || q.type === 'multiple_choice') {
            return { ...base, choices: q.choices.map((value) => ({ value, label: value.toUpperCase() })) };
          }
          if (q.type === 'scale') return { ...base, scale: { min: 0, max: 4 } };
          return base;
        };
        return definitionSchema.parse({
          sections: sections.map((items, s) => ({
            name: `s${s}`,
            title: `Section ${s}`,
            items: items.map((item) =>
              Array.isArray(item)
                ? { type: 'repeat', name: `r${n++}`, label: 'Groupe', itemLabel: 'Élément', questions: item.map(build) }
                : build(item),
            ),
          })),
        });
      });
    fc.assert(
      fc.property(definitionArb, (definition) => {
        const back = xlsformToDefinition(definitionToXlsform(definition, { title: 'T', key: 'cle', version: 1 }));
        // A generated label may contain "${", which is only warned about.
        expect(errors(back.report)).toEqual([]);
        expect(back.definition).toEqual(definition);
      }),
      { numRuns: 60 },
    );
  });
});

describe('summarize', () => {
  it('counts the questions of each section, repeat groups included', () => {
    const summary = summarize(definitionSchema.parse(shippedTemplates[1]!.definition));
    const difficulties = summary.sections.find((s) => s.name === 'difficultes')!;
    expect(difficulties).toEqual({
      name: 'difficultes',
      title: 'Difficultés pièce par pièce',
      questions: 5,
      repeats: ['Pièces visitées'],
    });
    expect(summary.questions).toBe(summary.sections.reduce((n, s) => n + s.questions, 0));
  });
});
