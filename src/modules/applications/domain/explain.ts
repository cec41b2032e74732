/** French sentences for each line of a match, so the referent can read every outcome with the person. */
import type { ConstraintCheck, Contribution } from '#src/modules/applications/domain/matching.ts';
import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.applications;
const n = (v: number | string | null | undefined) => Number(v ?? 0);

export function explainConstraint(c: ConstraintCheck): string {
  if (c.outcome === 'unknown') return t.missing[c.missing ?? 'unit'];
  const works = c.outcome === 'after_works';
  switch (c.key) {
    case 'steps':
      return works ? t.explain.stepsWorks : t.explain.steps(n(c.actual), n(c.limit));
    case 'lift':
      return t.explain.lift(n(c.actual), c.outcome === 'pass');
    case 'wheelchair_path':
      return works ? t.explain.wheelchairPathWorks : t.explain.wheelchairPath(n(c.actual));
    case 'wheelchair_doors':
      return works ? t.explain.doorsWorks : t.explain.doors(n(c.actual), n(c.limit));
    case 'shower':
      return works ? t.explain.showerWorks : t.explain.shower(c.outcome === 'pass');
    case 'bedrooms':
      return t.explain.bedrooms(n(c.actual));
    case 'typology':
      return t.explain.typology(String(c.actual), String(c.limit));
    case 'budget':
      return t.explain.budget(n(c.actual), n(c.limit));
    case 'commune':
      return t.explain.commune(c.outcome === 'pass');
  }
}

export function explainContribution(c: Contribution): string {
  if (c.subScore === null) return t.contribution.noData;
  const parts = [
    ...(c.minutes !== undefined ? [t.contribution.walk(c.minutes, c.placeName)] : []),
    t.contribution.subScore(c.subScore),
    t.contribution.points(c.points ?? 0),
  ];
  return parts.join(' — ');
}
