import { describe, expect, it } from 'vitest';
import { holdsUnit, nextStatus, offerStatuses, refusalStageOf } from '#src/modules/offers/domain/offer.ts';

describe('offer status machine', () => {
  it('runs proposal, visit, attribution, acceptance and move', () => {
    expect(nextStatus('proposed', { kind: 'visit' })).toBe('visited');
    expect(nextStatus('visited', { kind: 'committee', decision: 'attribution' })).toBe('attributed');
    expect(nextStatus('proposed', { kind: 'committee', decision: 'attribution_condition' })).toBe('attributed');
    expect(nextStatus('attributed', { kind: 'answer', answer: 'accept' })).toBe('accepted');
    expect(nextStatus('accepted', { kind: 'move_in' })).toBe('moved_in');
  });

  it('ends with the committee saying no', () => {
    expect(nextStatus('visited', { kind: 'committee', decision: 'non_attribution' })).toBe('not_attributed');
    expect(nextStatus('visited', { kind: 'committee', decision: 'inadmissible' })).toBe('not_attributed');
  });

  it('accepts a refusal at any stage until the move, an acceptance only after attribution', () => {
    for (const s of ['proposed', 'visited', 'attributed', 'accepted'] as const)
      expect(nextStatus(s, { kind: 'answer', answer: 'refuse' })).toBe('refused');
    expect(nextStatus('visited', { kind: 'answer', answer: 'accept' })).toBeNull();
    expect(nextStatus('visited', { kind: 'answer', answer: 'no_answer' })).toBeNull();
    expect(nextStatus('attributed', { kind: 'answer', answer: 'no_answer' })).toBe('no_answer');
  });

  it('never leaves a closed offer', () => {
    for (const s of ['moved_in', 'refused', 'no_answer', 'not_attributed', 'cancelled'] as const) {
      for (const event of [
        { kind: 'visit' },
        { kind: 'committee', decision: 'attribution' },
        { kind: 'answer', answer: 'accept' },
        { kind: 'answer', answer: 'refuse' },
        { kind: 'move_in' },
        { kind: 'cancel' },
      ] as const)
        expect(nextStatus(s, event)).toBeNull();
    }
  });

  it('holds the unit only once accepted', () => {
    expect(offerStatuses.filter(holdsUnit)).toEqual(['accepted', 'moved_in']);
  });

  it('dates a refusal by the stage reached', () => {
    expect(refusalStageOf('proposed')).toBe('before_visit');
    expect(refusalStageOf('visited')).toBe('after_visit');
    expect(refusalStageOf('attributed')).toBe('after_committee');
    expect(refusalStageOf('accepted')).toBe('at_signature');
  });
});
