import { describe, expect, it } from 'vitest';
import {
  canSetStatus,
  girFit,
  isFinessFormat,
  moveEntry,
  occupancyRate,
  removeEntry,
} from '#src/modules/residences/domain/residence.ts';

const apply = (ids: string[], changes: { id: string; to: number }[]) => {
  const position = new Map(ids.map((id, i) => [id, i + 1]));
  for (const c of changes) position.set(c.id, c.to);
  return [...position.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
};

describe('moving an entry of the waiting list', () => {
  const list = ['a', 'b', 'c', 'd'];

  it('moves one place up, swapping with the one above only', () => {
    expect(moveEntry(list, 'c', 2)).toEqual([
      { id: 'c', from: 3, to: 2 },
      { id: 'b', from: 2, to: 3 },
    ]);
  });

  it('moves to the top, shifting the ones in between down', () => {
    const changes = moveEntry(list, 'd', 1);
    expect(apply(list, changes)).toEqual(['d', 'a', 'b', 'c']);
    expect(changes).toHaveLength(4);
  });

  it('clamps a position beyond the list and changes nothing when already there', () => {
    expect(apply(list, moveEntry(list, 'b', 99))).toEqual(['a', 'c', 'd', 'b']);
    expect(moveEntry(list, 'a', 0)).toEqual([]);
    expect(moveEntry(list, 'd', 4)).toEqual([]);
  });

  it('keeps positions 1..n without gaps or duplicates for every move', () => {
    for (const id of list)
      for (let to = 1; to <= list.length; to += 1) {
        const result = apply(list, moveEntry(list, id, to));
        expect(result.slice().sort()).toEqual(list);
        expect(result.indexOf(id)).toBe(to - 1);
      }
  });

  it('refuses an entry that is not on the list', () => {
    expect(() => moveEntry(list, 'z', 1)).toThrow();
  });

  it('closes the gap an entry leaves', () => {
    expect(removeEntry(list, 'b')).toEqual([
      { id: 'c', from: 3, to: 2 },
      { id: 'd', from: 4, to: 3 },
    ]);
    expect(removeEntry(list, 'd')).toEqual([]);
  });
});

describe('GIR on file against the admission range', () => {
  const range = { girMin: 5, girMax: 6 };

  it('is inside at both bounds, outside beyond them, unknown without a GIR', () => {
    expect(girFit(5, range)).toBe('inside');
    expect(girFit(6, range)).toBe('inside');
    expect(girFit(4, range)).toBe('outside');
    expect(girFit(1, { girMin: 4, girMax: 6 })).toBe('outside');
    expect(girFit(null, range)).toBe('unknown');
  });
});

describe('other rules', () => {
  it('checks the FINESS format as 9 digits', () => {
    expect(isFinessFormat('590012345')).toBe(true);
    expect(isFinessFormat('59001234')).toBe(false);
    expect(isFinessFormat('59001234A')).toBe(false);
  });

  it('computes the occupancy rate, none for a residence without units', () => {
    expect(occupancyRate(57, 63)).toBe(90);
    expect(occupancyRate(0, 0)).toBeNull();
  });

  it('changes the status of active entries only, and to another status', () => {
    expect(canSetStatus('waiting', 'offered')).toBe(true);
    expect(canSetStatus('offered', 'waiting')).toBe(true);
    expect(canSetStatus('waiting', 'waiting')).toBe(false);
    expect(canSetStatus('admitted', 'withdrawn')).toBe(false);
    expect(canSetStatus('withdrawn', 'waiting')).toBe(false);
  });
});
