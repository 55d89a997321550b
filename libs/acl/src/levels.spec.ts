import { AccessLevelRank, ACCESS_LEVELS, compareLevels, isAccessLevel, levelFromRank, levelRank, levelRankOf, maxLevel } from './levels';

describe('access levels', () => {
  it('are ordered NONE < USER < BUSINESS_UNIT < DIVISION < ORGANIZATION < GLOBAL', () => {
    expect(ACCESS_LEVELS).toEqual(['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    for (let i = 1; i < ACCESS_LEVELS.length; i++) {
      expect(compareLevels(ACCESS_LEVELS[i - 1], ACCESS_LEVELS[i])).toBeLessThan(0);
      expect(levelRank(ACCESS_LEVELS[i])).toBe(i);
    }
  });

  it('maps ranks back to levels and refuses ranks that do not exist', () => {
    for (const level of ACCESS_LEVELS) expect(levelFromRank(AccessLevelRank[level])).toBe(level);
    expect(() => levelFromRank(6)).toThrow(RangeError);
    expect(() => levelFromRank(-1)).toThrow(RangeError);
  });

  it('picks the higher level', () => {
    expect(maxLevel('USER', 'DIVISION')).toBe('DIVISION');
    expect(maxLevel('GLOBAL', 'NONE')).toBe('GLOBAL');
    expect(maxLevel('ORGANIZATION', 'ORGANIZATION')).toBe('ORGANIZATION');
  });

  it('recognises level names only, not inherited object keys', () => {
    expect(isAccessLevel('DIVISION')).toBe(true);
    expect(isAccessLevel('division')).toBe(false);
    expect(isAccessLevel('toString')).toBe(false);
    expect(isAccessLevel(3)).toBe(false);
  });

  it('finds the rank of a level name by its first letter, and -1 for anything else', () => {
    ACCESS_LEVELS.forEach((level, rank) => expect(levelRankOf(level)).toBe(rank));
    for (const notALevel of ['', 'N', 'NONe', 'Global', 'GLOBALS', 'DIVISIONS', 'Ü', '\u0147ONE', undefined, 5]) {
      expect(levelRankOf(notALevel as string)).toBe(-1);
    }
  });
});
