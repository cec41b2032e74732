import { describe, expect, it } from 'vitest';
import {
  daysPerStage,
  decideTransition,
  lommeTemplate,
  stageKeyOf,
  type PathwayFacts,
  type StageDefinition,
  type TransitionRequest,
} from '#src/modules/pathways/domain/stages.ts';

const stages: StageDefinition[] = lommeTemplate.map((s) => ({ ...s, id: s.key, active: true }));
const none: PathwayFacts = {
  qualificationSummary: false,
  homeVisit: false,
  chosenSolution: false,
  outcome: false,
  closureReason: false,
};
const all: PathwayFacts = { ...none, qualificationSummary: true, homeVisit: true, chosenSolution: true };

const request = (over: Partial<TransitionRequest>): TransitionRequest => ({
  currentStageId: 'referral',
  toStageId: 'qualification',
  effectiveOn: '2026-05-10',
  reason: null,
  today: '2026-05-10',
  lastEffectiveOn: '2026-05-01',
  facts: none,
  ...over,
});

describe('the stage machine', () => {
  it('moves forward to the next stage without a reason', () => {
    expect(decideTransition(stages, request({}))).toEqual({ ok: true, kind: 'forward' });
  });

  it('asks for a reason to skip a stage, and for the fields of every stage left behind', () => {
    const decision = decideTransition(
      stages,
      request({ currentStageId: 'referral', toStageId: 'co_construction', facts: { ...none, homeVisit: true } }),
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.issues.map((i) => i.path)).toEqual(['reason', 'qualificationSummary']);
    expect(decision.issues[1]!.message).toBe(
      'Pour quitter l’étape « Qualification », renseignez la synthèse de la qualification.',
    );
    expect(decideTransition(stages, request({ toStageId: 'co_construction', reason: 'Urgence', facts: all }))).toEqual({
      ok: true,
      kind: 'skip',
    });
  });

  it('needs a chosen solution to leave co-construction', () => {
    const decision = decideTransition(
      stages,
      request({
        currentStageId: 'co_construction',
        toStageId: 'implementation',
        facts: { ...all, chosenSolution: false },
      }),
    );
    expect(decision).toMatchObject({ ok: false, issues: [{ path: 'chosenSolution' }] });
  });

  it('closes only with an outcome and a closure reason', () => {
    const missing = decideTransition(
      stages,
      request({ currentStageId: 'aftercare', toStageId: 'closure', facts: all }),
    );
    expect(missing).toMatchObject({ ok: false, issues: [{ path: 'outcome' }, { path: 'closureReason' }] });
    const closed = decideTransition(
      stages,
      request({
        currentStageId: 'aftercare',
        toStageId: 'closure',
        facts: { ...all, outcome: true, closureReason: true },
      }),
    );
    expect(closed).toEqual({ ok: true, kind: 'forward' });
  });

  it('closes early from any stage with a reason, without the fields of the stages cut short', () => {
    const early = decideTransition(
      stages,
      request({
        currentStageId: 'qualification',
        toStageId: 'closure',
        facts: { ...none, outcome: true, closureReason: true },
      }),
    );
    expect(early).toMatchObject({ ok: false, issues: [{ path: 'reason' }] });
    expect(
      decideTransition(
        stages,
        request({
          currentStageId: 'qualification',
          toStageId: 'closure',
          reason: 'La personne ne souhaite pas poursuivre',
          facts: { ...none, outcome: true, closureReason: true },
        }),
      ),
    ).toEqual({ ok: true, kind: 'skip' });
  });

  it('goes back only with a reason, and calls leaving the closing stage a reopening', () => {
    expect(
      decideTransition(stages, request({ currentStageId: 'case_review', toStageId: 'qualification' })),
    ).toMatchObject({ ok: false, issues: [{ path: 'reason' }] });
    expect(
      decideTransition(stages, request({ currentStageId: 'case_review', toStageId: 'referral', reason: 'Erreur' })),
    ).toEqual({ ok: true, kind: 'back' });
    expect(
      decideTransition(stages, request({ currentStageId: 'closure', toStageId: 'qualification', reason: 'Rechute' })),
    ).toEqual({ ok: true, kind: 'reopen' });
  });

  it('refuses a date in the future, one before the last change, the same stage and an inactive stage', () => {
    expect(decideTransition(stages, request({ effectiveOn: '2026-05-11' }))).toMatchObject({
      ok: false,
      issues: [{ path: 'effectiveOn', message: 'La date d’effet ne peut pas être dans le futur.' }],
    });
    expect(decideTransition(stages, request({ effectiveOn: '2026-04-30' }))).toMatchObject({
      ok: false,
      issues: [{ path: 'effectiveOn', message: expect.stringContaining('01/05/2026') }],
    });
    expect(decideTransition(stages, request({ toStageId: 'referral' }))).toMatchObject({ ok: false });
    const withInactive = stages.map((s) => (s.key === 'case_review' ? { ...s, active: false } : s));
    expect(decideTransition(withInactive, request({ toStageId: 'case_review' }))).toMatchObject({ ok: false });
    // An inactive stage is no longer a step: qualification leads straight to co-construction.
    expect(
      decideTransition(
        withInactive,
        request({ currentStageId: 'qualification', toStageId: 'co_construction', facts: all }),
      ),
    ).toEqual({ ok: true, kind: 'forward' });
  });
});

describe('days per stage', () => {
  it('counts each stage until the next transition, the current one until today, and adds up revisits', () => {
    const days = daysPerStage(
      [
        { toStageId: 'referral', effectiveOn: '2026-01-01' },
        { toStageId: 'qualification', effectiveOn: '2026-01-11' },
        { toStageId: 'referral', effectiveOn: '2026-01-15' },
        { toStageId: 'qualification', effectiveOn: '2026-01-20' },
      ],
      '2026-02-01',
      'closure',
    );
    expect(Object.fromEntries(days)).toEqual({ referral: 15, qualification: 16 });
  });

  it('stops counting at closure and resumes after a reopening', () => {
    const history = [
      { toStageId: 'referral', effectiveOn: '2026-01-01' },
      { toStageId: 'closure', effectiveOn: '2026-01-05' },
    ];
    expect(Object.fromEntries(daysPerStage(history, '2026-03-01', 'closure'))).toEqual({ referral: 4 });
    const reopened = [...history, { toStageId: 'referral', effectiveOn: '2026-01-25' }];
    expect(Object.fromEntries(daysPerStage(reopened, '2026-01-30', 'closure'))).toEqual({ referral: 9, closure: 20 });
  });
});

describe('helpers', () => {
  it('derives an ASCII key from a French label', () => {
    expect(stageKeyOf('Mise en œuvre des préconisations')).toBe('mise_en_oeuvre_des_preconisations');
  });
});
