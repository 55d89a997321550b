import { AccessLevel, AccessLevelRank } from './levels';

/**
 * Ownership types, as in OroPlatform's OwnershipMetadata: who a record of the entity belongs to.
 * USER: one user (who sits in business units of an organization); BUSINESS_UNIT: one unit;
 * ORGANIZATION: one organization; NONE: system-wide, nobody owns it.
 */
export const OWNERSHIP_TYPES = ['USER', 'BUSINESS_UNIT', 'ORGANIZATION', 'NONE'] as const;

export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

// A level finer than the owner cannot be decided (no owning user on a unit-owned record, ...).
const ALLOWED_LEVELS: Readonly<Record<OwnershipType, readonly AccessLevel[]>> = {
  USER: Object.freeze(['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL'] as const),
  BUSINESS_UNIT: Object.freeze(['NONE', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL'] as const),
  ORGANIZATION: Object.freeze(['NONE', 'ORGANIZATION', 'GLOBAL'] as const),
  NONE: Object.freeze(['NONE', 'GLOBAL'] as const),
};

// Bit i set = level of rank i allowed; used by the compiler's hot loop.
const ALLOWED_MASKS: Readonly<Record<OwnershipType, number>> = {
  USER: maskOf(ALLOWED_LEVELS.USER),
  BUSINESS_UNIT: maskOf(ALLOWED_LEVELS.BUSINESS_UNIT),
  ORGANIZATION: maskOf(ALLOWED_LEVELS.ORGANIZATION),
  NONE: maskOf(ALLOWED_LEVELS.NONE),
};

function maskOf(levels: readonly AccessLevel[]): number {
  return levels.reduce((mask, level) => mask | (1 << AccessLevelRank[level]), 0);
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isOwnershipType(value: unknown): value is OwnershipType {
  return typeof value === 'string' && hasOwn.call(ALLOWED_LEVELS, value);
}

/** The levels an ownership type allows, lowest first. */
export function allowedLevels(ownership: OwnershipType): readonly AccessLevel[] {
  return ALLOWED_LEVELS[ownership];
}

export function isLevelAllowed(ownership: OwnershipType, level: AccessLevel): boolean {
  return (ALLOWED_MASKS[ownership] & (1 << AccessLevelRank[level])) !== 0;
}

/** Bit mask of allowed level ranks (bit i = rank i). */
export function allowedLevelMask(ownership: OwnershipType): number {
  return ALLOWED_MASKS[ownership];
}
