import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findUnitForActor, listMatchableUnits, type MatchableUnit } from '#src/modules/housing/index.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import { girOnFileForActor, personScopeOf } from '#src/modules/people/index.ts';
import { residenceAdmissionRanges } from '#src/modules/residences/index.ts';
import { communeNameOf } from '#src/modules/platform/index.ts';
import type { Cell, MatchesView, UnitDemand } from '#src/modules/applications/api/application.schema.ts';
import { explainConstraint, explainContribution } from '#src/modules/applications/domain/explain.ts';
import {
  checkHardConstraints,
  constraintKeys,
  hasCapacities,
  rankUnits,
  verdictOf,
  verdicts,
  type ConstraintKey,
  type Verdict,
} from '#src/modules/applications/domain/matching.ts';
import { DETOUR_FACTOR, SENIOR_WALKING_SPEED_M_PER_S } from '#src/modules/applications/domain/walking.ts';
import type { Typology } from '#src/modules/applications/domain/vocabulary.ts';
import { listLiveApplications, listPois, namesVisibleTo } from '#src/modules/applications/repo/applications.repo.ts';
import {
  findApplicationForActor,
  seesApplications,
  summaryOf,
} from '#src/modules/applications/service/applications.ts';
import { loadEligibilityRules } from '#src/modules/applications/service/eligibility-settings.ts';
import {
  matchUnitOf,
  poiOf,
  profileOf,
  residenceRangesByProgramme,
} from '#src/modules/applications/service/profile.ts';

const t = messages.applications;

export const walkingMethod = () => t.walkHelp(DETOUR_FACTOR, SENIOR_WALKING_SPEED_M_PER_S);

async function namesOf(codes: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) names.set(code, (await communeNameOf(code)) ?? code);
  return names;
}

/** The communes of the supply (and communes associées such as Lomme) and of the points of interest, by name. */
export async function communeChoices(db: Db, actor: Actor): Promise<{ code: string; name: string }[]> {
  const [units, pois] = await Promise.all([listMatchableUnits(db, actor.workspaceId), listPois(db, actor.workspaceId)]);
  const names = await namesOf([...units.flatMap(unitCommunes), ...pois.map((p) => p.communeInsee)]);
  return [...names.entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export type MatchFilter = { verdict?: Verdict; commune?: string; typology?: Typology; limit: number };

/** Every available or forthcoming unit ranked for one application, each line explained. */
export async function matchesForApplication(
  db: Db,
  actor: Actor,
  id: string,
  filter: MatchFilter,
): Promise<MatchesView> {
  const application = await findApplicationForActor(db, actor, id);
  if (!application) throw notFound();
  const pathway = await findPathwayForActor(db, actor, application.pathwayId);
  const current = [pathway?.communeInsee, pathway?.historicCommuneInsee].filter((c): c is string => !!c);
  const [units, pois, rules, residences, gir] = await Promise.all([
    listMatchableUnits(db, actor.workspaceId),
    listPois(db, actor.workspaceId),
    loadEligibilityRules(db, actor.workspaceId),
    residenceAdmissionRanges(db, actor.workspaceId),
    girOnFileForActor(db, actor, application.personId),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const ranges = residenceRangesByProgramme(units, residences);
  const ranked = rankUnits(
    profileOf(application, current, gir),
    units.map((u) => matchUnitOf(u, ranges)),
    pois.map(poiOf),
    rules,
  );
  // The GIR is special-category data: its value is written out only for who may read it.
  const explain = { showGir: actor.permissions.has('person.read_sensitive') };

  const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const m of ranked) counts[m.verdict]++;
  const shown = ranked.filter((m) => {
    const u = byId.get(m.unitId)!;
    return (
      (!filter.verdict || m.verdict === filter.verdict) &&
      (!filter.commune || u.communeInsee === filter.commune || u.historicCommuneInsee === filter.commune) &&
      (!filter.typology || u.typology === filter.typology)
    );
  });
  const page = shown.slice(0, filter.limit);
  const communes = await namesOf(page.flatMap((m) => unitCommunes(byId.get(m.unitId)!)));
  return {
    application: summaryOf(application),
    walkingMethod: walkingMethod(),
    counts,
    total: shown.length,
    items: page.map((m) => {
      const u = byId.get(m.unitId)!;
      return {
        unit: {
          id: u.id,
          landlordUnitRef: u.landlordUnitRef,
          landlordName: u.landlord.name,
          programmeName: u.programme.name,
          communeName: communes.get(u.historicCommuneInsee ?? u.communeInsee) ?? u.communeInsee,
          typology: u.typology,
          floor: u.floor,
          monthlyCostEur: u.rentEur !== null && u.chargesEur !== null ? u.rentEur + u.chargesEur : null,
          status: u.status,
          availableFrom: u.availableFrom,
          accessLevel: u.accessLevel,
        },
        verdict: m.verdict,
        score: m.score,
        coverage: m.coverage,
        constraints: m.constraints.map((c) => ({
          key: c.key,
          outcome: c.outcome,
          text: explainConstraint(c, explain),
        })),
        contributions: m.contributions.map((c) => ({
          key: c.key,
          weight: c.weight,
          subScore: c.subScore,
          points: c.points,
          text: explainContribution(c),
        })),
      };
    }),
  };
}

const unitCommunes = (u: MatchableUnit) => [
  u.communeInsee,
  ...(u.historicCommuneInsee ? [u.historicCommuneInsee] : []),
];

/** Landlords read counts only, and a cell of 1 to 4 applications as "< 5" so no one can be singled out. */
export const SMALL_CELL = 5;
const cellOf = (count: number, anonymous: boolean): Cell =>
  anonymous && count > 0 && count < SMALL_CELL
    ? { count: null, label: `< ${SMALL_CELL}` }
    : { count, label: count.toLocaleString('fr-FR') };

/**
 * The reverse view of a unit: how many qualified applications (live, capacities filled) would pass its hard
 * constraints, and which constraint eliminates most. Landlord staff get anonymous counts; CCAS users also get
 * the names of the persons whose files they may open.
 */
export async function demandForUnit(db: Db, actor: Actor, unitId: string): Promise<UnitDemand> {
  const unit = await findUnitForActor(db, actor, unitId);
  if (!unit) throw notFound();
  const [rules, residences] = await Promise.all([
    loadEligibilityRules(db, actor.workspaceId),
    residenceAdmissionRanges(db, actor.workspaceId),
  ]);
  const matchUnit = matchUnitOf(unit, residenceRangesByProgramme([unit], residences));
  const anonymous = !seesApplications(actor);
  const qualified = (await listLiveApplications(db, actor.workspaceId))
    .map((row) => ({ row, profile: profileOf(row, []) }))
    .filter((a) => hasCapacities(a.profile));
  const eliminated = new Map<ConstraintKey, number>(constraintKeys.map((k) => [k, 0]));
  const results = qualified.map(({ row, profile }) => {
    // No GIR is read here (special-category data, landlords among the readers): admission stays "à vérifier".
    const checks = checkHardConstraints(profile, matchUnit, rules);
    for (const c of checks) if (c.outcome === 'fail') eliminated.set(c.key, eliminated.get(c.key)! + 1);
    return { row, verdict: verdictOf(checks) };
  });
  const passing = results.filter((r) => r.verdict === 'compatible');
  const afterWorks = results.filter((r) => r.verdict === 'after_works');
  let persons: UnitDemand['persons'] = null;
  if (!anonymous) {
    const candidates = [...passing, ...afterWorks];
    const names = await namesVisibleTo(
      db,
      personScopeOf(actor),
      candidates.map((r) => r.row.id),
    );
    persons = candidates
      .filter((r) => names.has(r.row.id))
      .map((r) => ({
        applicationId: r.row.id,
        personId: r.row.personId,
        pathwayId: r.row.pathwayId,
        personName: names.get(r.row.id)!,
        verdict: r.verdict,
      }))
      .sort((a, b) => a.personName.localeCompare(b.personName, 'fr'));
  }
  return {
    unitId: unit.id,
    unitLabel: `${unit.programme.name} — ${unit.landlordUnitRef} (${unit.typology})`,
    qualified: cellOf(qualified.length, anonymous),
    passing: cellOf(passing.length, anonymous),
    afterWorks: cellOf(afterWorks.length, anonymous),
    eliminatedBy: [...eliminated.entries()]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([key, count]) => ({ key, label: t.constraint[key], applications: cellOf(count, anonymous) })),
    persons,
  };
}
