import type { Db } from '#src/shared/db/client.ts';
import { parisDayRange } from '#src/shared/time/paris.ts';
import type { FormDefinition } from '#src/modules/forms/domain/definition.ts';
import { choiceLabels, difficultySources } from '#src/modules/forms/domain/form-indicators.ts';
import {
  countDifficultyPersons,
  countSubmitted,
  listVersionDefinitions,
  type SourceOfVersions,
} from '#src/modules/forms/repo/form-indicators.repo.ts';

export type DifficultyTally = { key: string; label: string; persons: number };

export type HomeVisitDifficulties = {
  /** Submitted home-visit responses in the period, and the persons they are about. */
  responses: number;
  persons: number;
  /** Persons with the difficulty recorded at least once (in any room or response): each counted once. */
  byDifficulty: DifficultyTally[];
  /** Persons with at least one difficulty recorded in the room. */
  byRoom: DifficultyTally[];
};

const byCountThenLabel = (a: DifficultyTally, b: DifficultyTally) =>
  b.persons - a.persons || a.label.localeCompare(b.label, 'fr');

/**
 * Difficulties and rooms of the submitted home-visit responses of a period (Paris days, both ends
 * included), whatever the template or version they were filled with, as counts of persons. Values
 * are named by the latest published label.
 */
export async function countHomeVisitDifficulties(
  db: Db,
  workspaceId: string,
  period: { from: string; to: string },
): Promise<HomeVisitDifficulties> {
  const versions = await listVersionDefinitions(db, workspaceId);
  const definitions = versions.map((v) => v.definition as FormDefinition);
  // Versions recording difficulties the same way are read by one query.
  const grouped = new Map<string, SourceOfVersions>();
  versions.forEach((version, i) => {
    for (const source of difficultySources(definitions[i]!)) {
      const key = `${source.repeat ?? ''}.${source.question}.${source.room ?? ''}`;
      const entry = grouped.get(key) ?? { ...source, versionIds: [] };
      entry.versionIds.push(version.id);
      grouped.set(key, entry);
    }
  });
  const sources = [...grouped.values()];
  const range = parisDayRange(period.from, period.to);
  const window = { workspaceId, fromInstant: range.fromInstant!, untilInstant: range.untilInstant! };
  const [counts, totals] = await Promise.all([
    countDifficultyPersons(db, window, sources),
    countSubmitted(db, window, [...new Set(sources.flatMap((s) => s.versionIds))]),
  ]);
  const labels = choiceLabels(definitions);
  const tally = (dimension: 'difficulty' | 'room', names: Map<string, string>) =>
    counts
      .filter((c) => c.dimension === dimension)
      .map((c) => ({ key: c.key, label: names.get(c.key) ?? c.key, persons: c.persons }))
      .sort(byCountThenLabel);
  return {
    ...totals,
    byDifficulty: tally('difficulty', labels.difficulties),
    byRoom: tally('room', labels.rooms),
  };
}
