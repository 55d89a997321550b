/**
 * Access levels, ordered as in OroPlatform's AccessLevel: each level covers everything the lower
 * ones cover. Checks work on the numeric rank so that "highest wins" is a plain comparison.
 */
export const ACCESS_LEVELS = ['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL'] as const;

export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Rank of each level: NONE = 0 ... GLOBAL = 5. */
export const AccessLevelRank = {
  NONE: 0,
  USER: 1,
  BUSINESS_UNIT: 2,
  DIVISION: 3,
  ORGANIZATION: 4,
  GLOBAL: 5,
} as const satisfies Record<AccessLevel, number>;

export type AccessLevelRankValue = (typeof AccessLevelRank)[AccessLevel];

// Own-property check: `'toString' in AccessLevelRank` must not make "toString" a level.
const hasOwn = Object.prototype.hasOwnProperty;

export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === 'string' && hasOwn.call(AccessLevelRank, value);
}

export function levelRank(level: AccessLevel): number {
  return AccessLevelRank[level];
}

export function levelFromRank(rank: number): AccessLevel {
  const level = ACCESS_LEVELS[rank];
  if (level === undefined) throw new RangeError(`no access level has rank ${rank}`);
  return level;
}

/** Negative when a is below b, 0 when equal, positive when above. */
export function compareLevels(a: AccessLevel, b: AccessLevel): number {
  return AccessLevelRank[a] - AccessLevelRank[b];
}

export function maxLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return AccessLevelRank[a] >= AccessLevelRank[b] ? a : b;
}
