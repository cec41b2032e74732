/** French sentences for each line of a match, so the referent can read every outcome with the person. */
import type { ConstraintCheck, Contribution } from '#src/modules/applications/domain/matching.ts';
import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.applications;
const n = (v: number | string | null | undefined) => Number(v ?? 0);

/** `showGir`: the reader may read special-category data (`person.read_sensitive`); else the GIR value is withheld. */
export type ExplainOptions = { showGir: boolean };

function explainIncome(c: ConstraintCheck): string {
  const financing = c.detail?.financing ?? '';
  if (c.outcome !== 'unknown')
    return t.explain.income(n(c.actual), c.detail?.year ?? null, financing, n(c.limit), c.detail?.since ?? '');
  if (c.missing === 'profile') return t.explain.incomeMissingProfile;
  if (c.missing === 'settings') return t.explain.incomeMissingSettings(financing, n(c.limit));
  return t.explain.incomeMissingUnit;
}

function explainAdmission(c: ConstraintCheck, { showGir }: ExplainOptions): string {
  const residence = c.detail?.path === 'residence_autonomie';
  if (c.missing === 'settings') return residence ? t.explain.residenceMissingSettings : t.explain.asvMissingSettings;
  if (c.outcome === 'unknown') return t.explain.girMissing;
  const [min, max] = String(c.limit).split('–').map(Number) as [number, number];
  const inRange = c.outcome === 'pass';
  if (!residence) return showGir ? t.explain.asvGir(n(c.actual), max) : t.explain.asvGirHidden(inRange, max);
  const source = t.explain.residenceSource[c.detail?.rangeSource ?? 'workspace'];
  return showGir
    ? t.explain.residenceGir(n(c.actual), min, max, source)
    : t.explain.residenceGirHidden(inRange, min, max, source);
}

export function explainConstraint(c: ConstraintCheck, options: ExplainOptions): string {
  if (c.key === 'income_ceiling') return explainIncome(c);
  if (c.key === 'admission') return explainAdmission(c, options);
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
