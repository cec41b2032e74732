import { isRepeat, type FormDefinition, type Question } from '#src/modules/forms/domain/definition.ts';

/**
 * Where a definition records difficulties, for the indicators by difficulty and by room. A form is
 * of the home-visit kind when a repeat group asks for the room (`piece`, a single choice) and for
 * difficulties in it: a choice question whose name speaks of difficulties (`difficultes`, or
 * `activites_difficiles` in the shipped grid). Its top-level difficulty questions count too, by
 * difficulty only. Names, not titles, decide: they are what a template keeps across versions and
 * what XLSForm imports carry.
 */

export const ROOM_QUESTION = 'piece';
const difficultyName = /difficult|difficile/;

export type DifficultySource = {
  /** The repeat group holding the question, or null for a top-level question. */
  repeat: string | null;
  question: string;
  /** The room question of the same repeat instance. */
  room: string | null;
};

const isChoice = (q: Question) => q.type === 'single_choice' || q.type === 'multiple_choice';
const isDifficulty = (q: Question) => isChoice(q) && difficultyName.test(q.name);

export function difficultySources(definition: FormDefinition): DifficultySource[] {
  const inRooms: DifficultySource[] = [];
  const topLevel: DifficultySource[] = [];
  for (const item of definition.sections.flatMap((s) => s.items)) {
    if (!isRepeat(item)) {
      if (isDifficulty(item)) topLevel.push({ repeat: null, question: item.name, room: null });
      continue;
    }
    const room = item.questions.find((q) => q.name === ROOM_QUESTION && q.type === 'single_choice');
    if (!room) continue;
    for (const q of item.questions.filter(isDifficulty)) {
      inRooms.push({ repeat: item.name, question: q.name, room: room.name });
    }
  }
  return inRooms.length > 0 ? [...inRooms, ...topLevel] : [];
}

export type ChoiceLabels = { difficulties: Map<string, string>; rooms: Map<string, string> };

/**
 * The labels of difficulty and room values, read from definitions in the order given: with the
 * versions oldest first, a later version's label for a value replaces an earlier one.
 */
export function choiceLabels(definitions: FormDefinition[]): ChoiceLabels {
  const labels: ChoiceLabels = { difficulties: new Map(), rooms: new Map() };
  for (const definition of definitions) {
    const sources = difficultySources(definition);
    if (sources.length === 0) continue;
    const wanted = new Set(sources.map((s) => `${s.repeat ?? ''}.${s.question}`));
    for (const item of definition.sections.flatMap((s) => s.items)) {
      const questions = isRepeat(item)
        ? item.questions.map((q) => ({ q, repeat: item.name }))
        : [{ q: item, repeat: null }];
      for (const { q, repeat } of questions) {
        const target = wanted.has(`${repeat ?? ''}.${q.name}`)
          ? labels.difficulties
          : repeat && q.name === ROOM_QUESTION && sources.some((s) => s.repeat === repeat)
            ? labels.rooms
            : null;
        if (!target) continue;
        for (const choice of q.choices ?? []) target.set(choice.value, choice.label);
      }
    }
  }
  return labels;
}
