import { describe, expect, it } from 'vitest';
import { leavesNoAdmin } from '#src/modules/platform/domain/membership-rules.ts';

describe('the last administrator rule', () => {
  it('refuses to demote or remove the only admin membership', () => {
    expect(leavesNoAdmin(['a'], 'a', 'manager')).toBe(true);
    expect(leavesNoAdmin(['a'], 'a', null)).toBe(true);
  });
  it('allows it when another admin membership remains', () => {
    expect(leavesNoAdmin(['a', 'b'], 'a', null)).toBe(false);
  });
  it('ignores memberships that are not admin, and keeping the admin role', () => {
    expect(leavesNoAdmin(['a'], 'c', null)).toBe(false);
    expect(leavesNoAdmin(['a'], 'a', 'admin')).toBe(false);
  });
});
