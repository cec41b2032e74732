import { describe, expect, it } from 'vitest';
import { RecentMap } from '#src/shared/recent-map.ts';

describe('RecentMap', () => {
  it('drops the least recently used entry, a read counting as a use', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('replaces a value without counting it twice', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 2);
    map.set('b', 3);
    expect([map.get('a'), map.get('b')]).toEqual([2, 3]);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
  });
});
