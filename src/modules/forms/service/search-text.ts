import { messages } from '#src/shared/i18n/fr.ts';
import { isRepeat, type FormDefinition, type Question } from '#src/modules/forms/domain/definition.ts';

/**
 * The searchable text of a response: one line per answer, the question's label and the answer
 * separated by a tab, with choice values replaced by their labels in the response's own version (so
 * "salle de bain" finds `salle_de_bain`). Whitespace runs become one space, so neither part holds a
 * tab or a newline. Computed answers and attachment ids are left out: nobody searches for them.
 */

const t = messages.forms;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });

/** An answer as a person reads it, or null when there is nothing to search. */
function answerText(q: Question, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const labelOf = (v: unknown) => q.choices?.find((c) => c.value === v)?.label ?? String(v);
  switch (q.type) {
    case 'text':
    case 'long_text':
      return typeof value === 'string' ? oneLine(value) : null;
    case 'number':
    case 'scale':
      if (typeof value !== 'number') return null;
      return q.unit ? `${frenchNumber.format(value)} ${q.unit}` : frenchNumber.format(value);
    case 'date':
      return typeof value === 'string' ? frenchDate(value) : null;
    case 'yes_no':
      return value === 'yes' ? t.ui.yes : value === 'no' ? t.ui.no : null;
    case 'single_choice':
      return labelOf(value);
    case 'multiple_choice':
      return Array.isArray(value) && value.length > 0 ? value.map(labelOf).join(', ') : null;
    case 'calculate':
    case 'photo':
    case 'file':
    case 'signature':
      return null;
  }
}

export function responseSearchText(definition: FormDefinition, answers: Record<string, unknown>): string {
  const lines: string[] = [];
  const add = (prefix: string, q: Question, value: unknown) => {
    const text = answerText(q, value);
    if (text) lines.push(`${prefix}${oneLine(q.label)}\t${text}`);
  };
  for (const section of definition.sections) {
    for (const item of section.items) {
      if (!isRepeat(item)) {
        add('', item, answers[item.name]);
        continue;
      }
      const instances = Array.isArray(answers[item.name]) ? (answers[item.name] as Record<string, unknown>[]) : [];
      instances.forEach((instance, index) => {
        // "Pièce 2 — Activités difficiles dans cette pièce : …" says which instance matched.
        const prefix = `${t.ui.instanceTitle(oneLine(item.itemLabel), index + 1)} — `;
        for (const q of item.questions) add(prefix, q, instance?.[q.name]);
      });
    }
  }
  return lines.join('\n');
}
