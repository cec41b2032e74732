import { messages } from '#src/shared/i18n/fr.ts';
import {
  compileDefinition,
  definitionSchema,
  isRepeat,
  type FormDefinition,
  type Item,
  type Question,
  type QuestionType,
  type Repeat,
  type Section,
} from '#src/modules/forms/domain/definition.ts';

/**
 * XLSForm (survey / choices / settings sheets, as written by KoboToolbox and ODK) ↔ our form
 * definition, on a plain table model so that it does not depend on a spreadsheet library. Whatever
 * cannot be carried over becomes a report line naming the sheet, row and column, never a silent
 * loss: an "error" line blocks the import, a "warning" line says what is left out and allows it
 * (docs/decisions/019-xlsform.md).
 */

const t = messages.forms.xlsform;

/** One spreadsheet row: its number as the spreadsheet shows it (from 1) and its cells as text from column A. */
export type SheetRow = { row: number; cells: string[] };
/** A workbook as plain data: each sheet's rows in order (empty rows may be left out). */
export type Workbook = Record<string, SheetRow[]>;

export type ReportSeverity = 'error' | 'warning';
export type ReportLine = {
  severity: ReportSeverity;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
};
/** What the settings sheet suggests for the template being created. */
export type XlsformSettings = { title: string | null; key: string | null; version: string | null };
export type XlsformImport = { definition: FormDefinition; report: ReportLine[]; settings: XlsformSettings };

export const hasErrors = (report: ReportLine[]) => report.some((line) => line.severity === 'error');

// ---------------------------------------------------------------------------------------------
// Reading sheets

type Column = { index: number; header: string; base: string; lang: string | null };
type Table = { sheet: string; headerRow: number; columns: Column[]; rows: SheetRow[] };

const aliases: Record<string, string> = {
  'list name': 'list_name',
  'constraint message': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  relevance: 'relevant',
  'item label': 'item_label',
  'choice filter': 'choice_filter',
  'repeat count': 'repeat_count',
  'jr:count': 'repeat_count',
  'form title': 'form_title',
  'form id': 'form_id',
};

function toTable(sheet: string, rows: SheetRow[]): Table | null {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rest] = filled;
  if (!head) return null;
  const columns = head.cells.flatMap((raw, index): Column[] => {
    const header = raw.trim();
    if (!header) return [];
    const [basePart = '', ...langParts] = header.split('::');
    const base = basePart.trim().toLowerCase();
    return [{ index, header, base: aliases[base] ?? base, lang: langParts.join('::').trim() || null }];
  });
  return { sheet, headerRow: head.row, columns, rows: rest };
}

const cellOf = (row: SheetRow, column: Column | null | undefined) =>
  column ? (row.cells[column.index] ?? '').trim() : '';

const hasContent = (table: Table, column: Column) => table.rows.some((r) => cellOf(r, column) !== '');

const isFrench = (lang: string) => /fran[cç]ais|french|(^|\W)(fr|fra|fre)(\W|$)/i.test(lang);

type Reporter = {
  add: (severity: ReportSeverity, sheet: string, row: number | null, column: string | null, message: string) => void;
};

/**
 * The column holding the French text of a translatable column (label, hint, …): the French one,
 * else the one without a language, else the first; the others are reported as left out.
 */
function pickLanguage(table: Table, base: string, report: Reporter): Column | null {
  const candidates = table.columns.filter((c) => c.base === base);
  const chosen =
    candidates.find((c) => c.lang !== null && isFrench(c.lang)) ??
    candidates.find((c) => c.lang === null) ??
    candidates[0];
  if (!chosen) return null;
  if (chosen.lang !== null && !isFrench(chosen.lang)) {
    report.add('warning', table.sheet, table.headerRow, chosen.header, t.noFrench(chosen.header));
  }
  for (const other of candidates) {
    if (other !== chosen && hasContent(table, other)) {
      report.add('warning', table.sheet, table.headerRow, other.header, t.ignoredLanguage(other.header));
    }
  }
  return chosen;
}

/** Columns picked by meaning: plain ones by name, translatable ones in French. */
function columnsOf(table: Table, plain: string[], translatable: string[], report: Reporter) {
  const picked = new Map<string, Column>();
  for (const base of plain) {
    const column = table.columns.find((c) => c.base === base && c.lang === null);
    if (column) picked.set(base, column);
  }
  for (const base of translatable) {
    const column = pickLanguage(table, base, report);
    if (column) picked.set(base, column);
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------
// XLSForm → definition

const surveyPlain = [
  'type',
  'name',
  'required',
  'relevant',
  'constraint',
  'calculation',
  'appearance',
  'parameters',
  'unit',
];
const surveyTranslatable = ['label', 'hint', 'constraint_message', 'item_label'];
/** Columns whose content changes what the form does and that have no equivalent: the row cannot be imported. */
const blockingColumns = ['choice_filter', 'repeat_count'];

/** Data captured by the device itself (start, end, device id…): Demeure records author and dates on its own. */
const metadataTypes = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
]);
const simpleTypes: Record<string, QuestionType> = {
  text: 'text',
  string: 'text',
  integer: 'number',
  int: 'number',
  decimal: 'number',
  date: 'date',
  calculate: 'calculate',
  range: 'scale',
  image: 'photo',
  file: 'file',
};

type Origin = { sheet: string; row: number };
type Frame =
  | { kind: 'section'; node: Section; row: number; name: string }
  | { kind: 'repeat'; node: Repeat; row: number; name: string }
  | { kind: 'group'; relevant: string | undefined; row: number; name: string }
  | { kind: 'skipped'; row: number };

type ParsedType = { keyword: string; args: string[] };

/** `select one list`, `begin group`: XLSForm also accepts a space for the underscore. */
function parseType(raw: string): ParsedType {
  const words = raw.trim().split(/\s+/);
  let keyword = words.shift()!.toLowerCase();
  if (['begin', 'end', 'select'].includes(keyword) && words[0] && /^(group|repeat|one|multiple)$/i.test(words[0])) {
    keyword = `${keyword}_${words.shift()!.toLowerCase()}`;
  }
  return { keyword, args: words };
}

const parseRequired = (value: string): boolean | null => {
  const v = value.toLowerCase();
  if (['', 'no', 'false', 'false()', '0'].includes(v)) return false;
  if (['yes', 'true', 'true()', '1'].includes(v)) return true;
  return null;
};

/** `start=1 end=5 step=1` → an integer scale; pyxform's defaults for the missing ones. */
function parseScale(parameters: string): { min: number; max: number } | null {
  const values: Record<string, number> = { start: 1, end: 10, step: 1 };
  for (const part of parameters.split(/[\s;,]+/).filter(Boolean)) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim().toLowerCase());
    if (!(key in values) || value === '') return null;
    values[key] = Number(value);
  }
  const { start, end, step } = values as { start: number; end: number; step: number };
  if (!Number.isInteger(start) || !Number.isInteger(end) || step !== 1) return null;
  return { min: start, max: end };
}

/** A form key from a form_id: lower case, no accents, `_` for anything else. */
function keyFrom(formId: string): string | null {
  const key = formId
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return key.length >= 2 ? key : null;
}

/** The conditions of the groups flattened around an item, and its own, all required. */
function setRelevant(item: Item, groupConditions: (string | undefined)[]) {
  const present = [...groupConditions, item.relevant].filter((c): c is string => !!c);
  if (present.length > 1) item.relevant = present.map((c) => `(${c})`).join(' and ');
  else if (present.length === 1) item.relevant = present[0];
}

/** Every name of a definition: sections, questions, repeat groups. */
const namesOf = (definition: FormDefinition) =>
  new Set(
    definition.sections.flatMap((s) => [
      s.name,
      ...s.items.flatMap((item) => [item.name, ...(isRepeat(item) ? item.questions.map((q) => q.name) : [])]),
    ]),
  );

/** Drops undefined properties, so an imported definition equals one written by hand. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

type Choice = { value: string; label: string };
type ChoiceList = { name: string; choices: (Choice & { row: number })[] };

function readChoices(table: Table | null, report: Reporter) {
  const lists = new Map<string, ChoiceList>();
  if (!table) return { lists, columns: new Map<string, Column>() };
  const columns = columnsOf(table, ['list_name', 'name'], ['label'], report);
  for (const required of ['list_name', 'name', 'label']) {
    if (!columns.has(required)) {
      report.add('error', table.sheet, table.headerRow, null, t.missingColumn(required));
    }
  }
  reportOtherColumns(table, columns, [], report);
  for (const row of table.rows) {
    const listName = cellOf(row, columns.get('list_name'));
    const value = cellOf(row, columns.get('name'));
    if (!listName) {
      report.add('error', table.sheet, row.row, columns.get('list_name')?.header ?? null, t.emptyCell('list_name'));
      continue;
    }
    const list = lists.get(listName) ?? { name: listName, choices: [] };
    lists.set(listName, list);
    if (list.choices.some((c) => c.value === value)) {
      report.add(
        'error',
        table.sheet,
        row.row,
        columns.get('name')?.header ?? null,
        t.duplicateChoice(value, listName),
      );
      continue;
    }
    list.choices.push({ value, label: cellOf(row, columns.get('label')), row: row.row });
  }
  return { lists, columns };
}

/** Unknown columns: an error on each row using a blocking one, one warning for any other one with content. */
function reportOtherColumns(table: Table, picked: Map<string, Column>, blocking: string[], report: Reporter) {
  const used = new Set(picked.values());
  for (const column of table.columns) {
    if (used.has(column) || !hasContent(table, column)) continue;
    // Other languages of a translatable column were reported when the French one was picked.
    if (column.lang !== null && picked.has(column.base)) continue;
    if (blocking.includes(column.base)) {
      for (const row of table.rows) {
        if (cellOf(row, column)) {
          report.add('error', table.sheet, row.row, column.header, t.unsupportedColumn(column.header));
        }
      }
    } else {
      report.add('warning', table.sheet, table.headerRow, column.header, t.ignoredColumn(column.header));
    }
  }
}

function readSettings(table: Table | null, report: Reporter): XlsformSettings {
  const settings: XlsformSettings = { title: null, key: null, version: null };
  const row = table?.rows[0];
  if (!table || !row) return settings;
  for (const column of table.columns) {
    const value = cellOf(row, column);
    if (!value) continue;
    if (column.base === 'form_title') settings.title = value.slice(0, 200);
    else if (column.base === 'form_id') settings.key = keyFrom(value);
    else if (column.base === 'version') settings.version = value;
    else report.add('warning', table.sheet, row.row, column.header, t.ignoredSetting(column.header));
  }
  return settings;
}

const cellKey = (l: Pick<ReportLine, 'sheet' | 'row' | 'column'>) => `${l.sheet}|${l.row}|${l.column}`;

/** Sheet by sheet (survey, choices, settings, others), then in row order; lines about a whole sheet first. */
function sortReport(lines: ReportLine[]): ReportLine[] {
  const sheetRank = (sheet: string) => {
    const rank = ['survey', 'choices', 'settings'].indexOf(sheet.trim().toLowerCase());
    return rank < 0 ? 3 : rank;
  };
  return lines
    .map((line, i) => ({ line, i }))
    .sort(
      (a, b) => sheetRank(a.line.sheet) - sheetRank(b.line.sheet) || (a.line.row ?? 0) - (b.line.row ?? 0) || a.i - b.i,
    )
    .map(({ line }) => line);
}

/** Which sheet column reports a problem with each definition property. */
const propertyColumns: Record<string, string> = {
  type: 'type',
  name: 'name',
  label: 'label',
  title: 'label',
  itemLabel: 'item_label',
  help: 'hint',
  relevant: 'relevant',
  constraint: 'constraint',
  constraintMessage: 'constraint_message',
  calculation: 'calculation',
  unit: 'unit',
  scale: 'parameters',
  choices: 'type',
  items: 'type',
  questions: 'type',
  value: 'name',
};

export function xlsformToDefinition(workbook: Workbook): XlsformImport {
  const lines = new Map<string, ReportLine>();
  const report: Reporter = {
    add: (severity, sheet, row, column, message) => {
      const line = { severity, sheet, row, column, message };
      lines.set(JSON.stringify(line), line);
    },
  };
  const sheetNamed = (name: string) => Object.keys(workbook).find((s) => s.trim().toLowerCase() === name);
  const surveyName = sheetNamed('survey');
  const choicesName = sheetNamed('choices');
  const settingsName = sheetNamed('settings');
  for (const [sheet, rows] of Object.entries(workbook)) {
    if (![surveyName, choicesName, settingsName].includes(sheet) && toTable(sheet, rows)) {
      report.add('warning', sheet, null, null, t.ignoredSheet(sheet));
    }
  }
  const settings = readSettings(settingsName ? toTable(settingsName, workbook[settingsName]!) : null, report);
  const survey = surveyName ? toTable(surveyName, workbook[surveyName]!) : null;
  const definition: FormDefinition = { sections: [] };
  const finish = (): XlsformImport => ({ definition, report: sortReport([...lines.values()]), settings });
  if (!survey) {
    report.add('error', surveyName ?? 'survey', null, null, t.missingSurvey);
    return finish();
  }
  const columns = columnsOf(survey, surveyPlain, surveyTranslatable, report);
  for (const required of ['type', 'name']) {
    if (!columns.has(required)) report.add('error', survey.sheet, survey.headerRow, null, t.missingColumn(required));
  }
  if (!columns.has('type') || !columns.has('name')) return finish();
  reportOtherColumns(survey, columns, blockingColumns, report);
  const choices = readChoices(choicesName ? toTable(choicesName, workbook[choicesName]!) : null, report);

  const origins = new WeakMap<object, Origin>();
  const at = (row: SheetRow) => ({ sheet: survey.sheet, row: row.row });
  const cell = (row: SheetRow, base: string) => cellOf(row, columns.get(base));
  const header = (base: string) => columns.get(base)?.header ?? base;
  const problem = (severity: ReportSeverity, row: SheetRow, base: string | null, message: string) =>
    report.add(severity, survey.sheet, row.row, base ? header(base) : null, message);

  /** Known cells that mean nothing for this kind of row are reported, not dropped. */
  const reportInapplicable = (row: SheetRow, applicable: string[]) => {
    for (const base of [...surveyPlain, ...surveyTranslatable]) {
      if (applicable.includes(base) || !cell(row, base)) continue;
      if (base === 'calculation') problem('error', row, base, t.calculationOnQuestion);
      else problem('warning', row, base, t.ignoredCell(header(base)));
    }
  };
  const reportAppearances = (row: SheetRow, handled: string[]) => {
    for (const token of cell(row, 'appearance').split(/\s+/).filter(Boolean)) {
      if (!handled.includes(token)) problem('warning', row, 'appearance', t.ignoredAppearance(token));
    }
  };
  const reportLabelReferences = (row: SheetRow) => {
    if (cell(row, 'label').includes('${') || cell(row, 'hint').includes('${')) {
      problem('warning', row, cell(row, 'label').includes('${') ? 'label' : 'hint', t.labelReference);
    }
  };

  const stack: Frame[] = [];
  let defaultSection: Section | null = null;
  const defaultSections = new Set<Section>();

  /** Questions go to the innermost section or repeat group; groups flattened into it pass their condition down. */
  const place = (item: Item) => {
    const conditions: (string | undefined)[] = [];
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i]!;
      if (frame.kind === 'skipped') return;
      if (frame.kind === 'group') {
        conditions.unshift(frame.relevant);
        continue;
      }
      setRelevant(item, conditions);
      if (frame.kind === 'repeat') frame.node.questions.push(item as Question);
      else frame.node.items.push(item);
      return;
    }
    setRelevant(item, conditions);
    if (!defaultSection) {
      defaultSection = { name: '', title: t.defaultSectionTitle, items: [] };
      defaultSections.add(defaultSection);
      definition.sections.push(defaultSection);
    }
    defaultSection.items.push(item);
  };

  const question = (row: SheetRow, parsed: ParsedType): Question | null => {
    const { keyword, args } = parsed;
    const required = parseRequired(cell(row, 'required'));
    if (required === null) problem('error', row, 'required', t.badRequired(cell(row, 'required')));
    const applicable = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message'];
    const appearances: string[] = [];
    const base = {
      name: cell(row, 'name'),
      label: cell(row, 'label'),
      help: cell(row, 'hint') || undefined,
      required: required ?? false,
      relevant: cell(row, 'relevant') || undefined,
      constraint: cell(row, 'constraint') || undefined,
      constraintMessage: cell(row, 'constraint_message') || undefined,
    };
    let q: Question;
    if (keyword === 'select_one' || keyword === 'select_multiple') {
      const [listName, ...rest] = args;
      if (rest.some((a) => a.toLowerCase() === 'or_other')) problem('error', row, 'type', t.orOther);
      if (!listName) {
        problem('error', row, 'type', t.missingListName(keyword));
        return null;
      }
      const list = choices.lists.get(listName);
      if (!list) {
        problem('error', row, 'type', t.missingList(listName));
        return null;
      }
      const values = list.choices.map((c) => c.value).sort();
      if (keyword === 'select_one' && values.length === 2 && values[0] === 'no' && values[1] === 'yes') {
        q = { ...base, type: 'yes_no' };
      } else {
        const copies = list.choices.map(({ value, label, row: choiceRow }) => {
          const choice = { value, label };
          origins.set(choice, { sheet: choicesName!, row: choiceRow });
          return choice;
        });
        q = { ...base, type: keyword === 'select_one' ? 'single_choice' : 'multiple_choice', choices: copies };
      }
    } else {
      const type = simpleTypes[keyword];
      if (!type || args.length > 0) {
        problem('error', row, 'type', t.unsupportedType(cell(row, 'type')));
        return null;
      }
      q = { ...base, type };
      if (keyword === 'integer' || keyword === 'int') problem('warning', row, 'type', t.integerAsNumber);
      if (type === 'number' || type === 'calculate') {
        applicable.push('unit');
        q.unit = cell(row, 'unit') || undefined;
      }
      if (type === 'calculate') {
        applicable.push('calculation');
        q.calculation = cell(row, 'calculation') || undefined;
        // A calculation usually has no label in XLSForm; its name stands in for it.
        q.label ||= q.name;
      }
      if (type === 'scale') {
        applicable.push('parameters');
        const scale = parseScale(cell(row, 'parameters'));
        if (scale) q.scale = scale;
        else problem('error', row, 'parameters', t.badParameters(cell(row, 'parameters')));
      }
      if (type === 'text') appearances.push('multiline');
      if (type === 'photo') appearances.push('signature');
      const tokens = cell(row, 'appearance').split(/\s+/);
      if (type === 'text' && tokens.includes('multiline')) q.type = 'long_text';
      if (type === 'photo' && tokens.includes('signature')) q.type = 'signature';
    }
    applicable.push('appearance');
    reportAppearances(row, appearances);
    reportInapplicable(row, applicable);
    reportLabelReferences(row);
    const built = compact(q);
    origins.set(built, at(row));
    return built;
  };

  for (const row of survey.rows) {
    const rawType = cell(row, 'type');
    if (!rawType) {
      problem('error', row, 'type', t.missingType);
      continue;
    }
    const parsed = parseType(rawType);
    const name = cell(row, 'name');
    const top = stack.at(-1);
    switch (parsed.keyword) {
      case 'begin_group': {
        reportAppearances(row, []);
        reportInapplicable(row, ['type', 'name', 'label', 'hint', 'relevant', 'appearance']);
        reportLabelReferences(row);
        const relevant = cell(row, 'relevant') || undefined;
        if (stack.length === 0) {
          const section: Section = compact({
            name,
            title: cell(row, 'label') || name,
            help: cell(row, 'hint') || undefined,
            relevant,
            items: [],
          });
          origins.set(section, at(row));
          definition.sections.push(section);
          stack.push({ kind: 'section', node: section, row: row.row, name });
          defaultSection = null;
        } else {
          problem('warning', row, 'type', t.nestedGroup(name));
          stack.push({ kind: 'group', relevant, row: row.row, name });
        }
        break;
      }
      case 'begin_repeat': {
        reportAppearances(row, []);
        reportInapplicable(row, ['type', 'name', 'label', 'hint', 'relevant', 'appearance', 'item_label']);
        reportLabelReferences(row);
        if (stack.some((f) => f.kind === 'repeat' || f.kind === 'skipped')) {
          problem('error', row, 'type', t.nestedRepeat);
          stack.push({ kind: 'skipped', row: row.row });
          break;
        }
        const label = cell(row, 'label') || name;
        const repeat: Repeat = compact({
          type: 'repeat' as const,
          name,
          label,
          help: cell(row, 'hint') || undefined,
          relevant: cell(row, 'relevant') || undefined,
          itemLabel: cell(row, 'item_label') || label,
          questions: [],
        });
        origins.set(repeat, at(row));
        place(repeat);
        stack.push({ kind: 'repeat', node: repeat, row: row.row, name });
        break;
      }
      case 'end_group':
      case 'end_repeat': {
        const closes = parsed.keyword === 'end_group' ? ['section', 'group'] : ['repeat', 'skipped'];
        if (!top || !closes.includes(top.kind)) {
          problem('error', row, 'type', t.unexpectedEnd(rawType));
          break;
        }
        stack.pop();
        break;
      }
      case 'note':
        problem('warning', row, 'type', t.noteIgnored(cell(row, 'label') || name));
        break;
      default: {
        if (metadataTypes.has(parsed.keyword)) {
          problem('warning', row, 'type', t.metadataIgnored(rawType));
          break;
        }
        const q = question(row, parsed);
        if (q) place(q);
      }
    }
  }
  for (const frame of stack) {
    if (frame.kind !== 'skipped')
      report.add('error', survey.sheet, frame.row, header('type'), t.unclosedGroup(frame.name));
  }

  // Empty groups are reported once here rather than as a bare "too small" from the schema.
  const nonEmpty = <T extends Section | Repeat>(node: T, children: unknown[]) => {
    if (children.length > 0) return true;
    const origin = origins.get(node);
    report.add('error', survey.sheet, origin?.row ?? null, header('type'), t.emptyGroup(node.name));
    return false;
  };
  for (const section of definition.sections) {
    section.items = section.items.filter((item) => !isRepeat(item) || nonEmpty(item, item.questions));
  }
  definition.sections = definition.sections.filter((section) => nonEmpty(section, section.items));

  const used = namesOf(definition);
  let n = 0;
  for (const section of defaultSections) {
    do n++;
    while (used.has(`section_${n}`));
    section.name = `section_${n}`;
  }

  // Where each part of the definition came from, so schema and expression problems name their row.
  const locations = new Map<string, Origin>();
  const locate = (path: string, node: object) => {
    const origin = origins.get(node);
    if (origin) locations.set(path, origin);
  };
  definition.sections.forEach((section, s) => {
    locate(`sections.${s}`, section);
    section.items.forEach((item, i) => {
      const path = `sections.${s}.items.${i}`;
      locate(path, item);
      const questions: [Question, string][] = isRepeat(item)
        ? item.questions.map((q, j) => [q, `${path}.questions.${j}`])
        : [[item, path]];
      for (const [q, qPath] of questions) {
        locate(qPath, q);
        q.choices?.forEach((choice, c) => locate(`${qPath}.choices.${c}`, choice));
      }
    });
  });
  // One error per cell: a scale whose parameters were refused is not also reported as missing.
  const erroneous = new Set([...lines.values()].filter((l) => l.severity === 'error').map(cellKey));
  const reportAt = (path: string, message: string) => {
    const parts = path.split('.');
    let where: Omit<ReportLine, 'severity' | 'message'> = { sheet: survey.sheet, row: null, column: null };
    for (let end = parts.length; end > 0; end--) {
      const origin = locations.get(parts.slice(0, end).join('.'));
      if (!origin) continue;
      const base = parts[end] === undefined ? null : (propertyColumns[parts[end]!] ?? null);
      const sheetColumns = origin.sheet === survey.sheet ? columns : choices.columns;
      where = { ...origin, column: base === null ? null : (sheetColumns.get(base)?.header ?? base) };
      break;
    }
    if (erroneous.has(cellKey(where))) return;
    erroneous.add(cellKey(where));
    report.add('error', where.sheet, where.row, where.column, message);
  };

  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportAt(issue.path.map(String).join('.'), issue.message);
  }
  for (const issue of compileDefinition(definition).issues) {
    // "No section" says nothing more when every question was already refused.
    if (issue.path === 'sections' && erroneous.size > 0) continue;
    reportAt(issue.path, issue.message);
  }

  const result = finish();
  return parsed.success ? { ...result, definition: parsed.data } : result;
}

// ---------------------------------------------------------------------------------------------
// Definition → XLSForm

const surveyHeader = [
  'type',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'constraint_message',
  'calculation',
  'appearance',
  'parameters',
  'unit',
  'item_label',
] as const;
type SurveyCells = Partial<Record<(typeof surveyHeader)[number], string>>;

const exportedTypes: Record<QuestionType, { type: string; appearance?: string }> = {
  text: { type: 'text' },
  long_text: { type: 'text', appearance: 'multiline' },
  number: { type: 'decimal' },
  date: { type: 'date' },
  single_choice: { type: 'select_one' },
  multiple_choice: { type: 'select_multiple' },
  yes_no: { type: 'select_one' },
  scale: { type: 'range' },
  calculate: { type: 'calculate' },
  photo: { type: 'image' },
  file: { type: 'file' },
  signature: { type: 'image', appearance: 'signature' },
};

const toRows = (header: readonly string[], records: Record<string, string | undefined>[]): SheetRow[] => [
  { row: 1, cells: [...header] },
  ...records.map((record, i) => ({ row: i + 2, cells: header.map((h) => record[h] ?? '') })),
];

/**
 * The definition as an XLSForm workbook (survey, choices, settings). Units and repeat item labels,
 * which XLSForm has no column for, go to the extra columns `unit` and `item_label` that
 * KoboToolbox and ODK ignore; importing the result gives the same definition back.
 */
export function definitionToXlsform(
  definition: FormDefinition,
  settings: { title: string; key: string; version: number },
): Workbook {
  const names = namesOf(definition);
  let yesNoList = 'yes_no';
  for (let n = 1; names.has(yesNoList); n++) yesNoList = `yes_no_${n}`;

  const survey: SurveyCells[] = [];
  const choiceRows: Record<string, string>[] = [];
  let yesNoUsed = false;
  const common = (node: { name: string; help?: string; relevant?: string }) => ({
    name: node.name,
    hint: node.help,
    relevant: node.relevant,
  });
  const questionRow = (q: Question): SurveyCells => {
    const exported = exportedTypes[q.type];
    let type = exported.type;
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      type = `${type} ${q.name}`;
      for (const c of q.choices ?? []) choiceRows.push({ list_name: q.name, name: c.value, label: c.label });
    }
    if (q.type === 'yes_no') {
      type = `${type} ${yesNoList}`;
      yesNoUsed = true;
    }
    return {
      ...common(q),
      type,
      label: q.label,
      required: q.required ? 'yes' : undefined,
      constraint: q.constraint,
      constraint_message: q.constraintMessage,
      calculation: q.calculation,
      appearance: exported.appearance,
      parameters: q.scale ? `start=${q.scale.min} end=${q.scale.max} step=1` : undefined,
      unit: q.unit,
    };
  };
  for (const section of definition.sections) {
    survey.push({ ...common(section), type: 'begin_group', label: section.title });
    for (const item of section.items) {
      if (isRepeat(item)) {
        survey.push({ ...common(item), type: 'begin_repeat', label: item.label, item_label: item.itemLabel });
        survey.push(...item.questions.map(questionRow));
        survey.push({ type: 'end_repeat', name: item.name });
      } else {
        survey.push(questionRow(item));
      }
    }
    survey.push({ type: 'end_group', name: section.name });
  }
  if (yesNoUsed) {
    choiceRows.push({ list_name: yesNoList, name: 'yes', label: messages.forms.ui.yes });
    choiceRows.push({ list_name: yesNoList, name: 'no', label: messages.forms.ui.no });
  }
  return {
    survey: toRows(surveyHeader, survey),
    choices: toRows(['list_name', 'name', 'label'], choiceRows),
    settings: toRows(
      ['form_title', 'form_id', 'version'],
      [{ form_title: settings.title, form_id: settings.key, version: String(settings.version) }],
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Preview

export type DefinitionSummary = {
  sections: { name: string; title: string; questions: number; repeats: string[] }[];
  questions: number;
};

/** What an import will create, section by section (questions of repeat groups included). */
export function summarize(definition: FormDefinition): DefinitionSummary {
  const sections = definition.sections.map((section) => ({
    name: section.name,
    title: section.title,
    questions: section.items.reduce((n, item) => n + (isRepeat(item) ? item.questions.length : 1), 0),
    repeats: section.items.filter(isRepeat).map((r) => r.label),
  }));
  return { sections, questions: sections.reduce((n, s) => n + s.questions, 0) };
}
