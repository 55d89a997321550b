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

// First letters differ (None, User, Business_unit, Division, Organization, Global): one char code
// finds the rank while compiling thousands of permissions, without a keyed object lookup each.
const RANK_BY_FIRST_CHAR = new Int8Array(128).fill(-1);
ACCESS_LEVELS.forEach((level, rank) => {
  RANK_BY_FIRST_CHAR[level.charCodeAt(0)] = rank;
});

/** Rank of a level name, or -1 for anything that is not one. */
export function levelRankOf(level: string): number {
  if (typeof level !== 'string') return -1;
  // `& 127` keeps the read in bounds (NaN for "" becomes 0), which keeps V8 on its fast path.
  const rank = RANK_BY_FIRST_CHAR[level.charCodeAt(0) & 127];
  return rank >= 0 && ACCESS_LEVELS[rank] === level ? rank : -1;
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
