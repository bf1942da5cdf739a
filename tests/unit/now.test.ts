import { describe, expect, it } from 'vitest';
import { resolveBuildNow } from '../../src/lib/now';

describe('resolveBuildNow', () => {
  const wall = new Date('2026-01-01T00:00:00Z');

  it('uses the wall clock when BUILD_NOW is unset or empty', () => {
    expect(resolveBuildNow(undefined, wall)).toBe(wall);
    expect(resolveBuildNow('  ', wall)).toBe(wall);
  });

  it('reads BUILD_NOW with the front-matter rules', () => {
    expect(resolveBuildNow('2020-10-11T08:00:00+02:00', wall).toISOString()).toBe('2020-10-11T06:00:00.000Z');
    expect(resolveBuildNow('2020-10-11T08:00', wall).toISOString()).toBe('2020-10-11T06:00:00.000Z');
  });

  it('refuses a malformed BUILD_NOW', () => {
    expect(() => resolveBuildNow('i morgen', wall)).toThrow(/BUILD_NOW/);
  });
});
