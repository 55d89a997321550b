import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NOT_BLANK } from '../common/common.dto';

/** The portal's six features (DESIGN.md section 7), in the order the home page shows them. */
export const PORTAL_FEATURE_KEYS = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'] as const;
export type PortalFeatureKey = (typeof PORTAL_FEATURE_KEYS)[number];

/** The built-in tier every CRM user starts with; it cannot be changed or deleted. */
export const MINIMUM_PORTAL_PROFILE = 'MINIMUM';

/** A profile name: letters, digits, `_`, `-`, `.` (it is what `PUT .../access { profile }` names). */
export const PORTAL_PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const PORTAL_PROFILE_NAME_MAX = 64;
export const PORTAL_DESCRIPTION_MAX = 1000;

/** `POST /api/portal/access-profiles`. */
export class AccessProfileBodyDto {
  @IsString()
  @MaxLength(PORTAL_PROFILE_NAME_MAX)
  @Matches(PORTAL_PROFILE_NAME, { message: 'name must start with a letter or digit and hold only letters, digits, _, - and .' })
  name: string;

  @IsString()
  @MaxLength(PORTAL_DESCRIPTION_MAX)
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description: string;

  @IsArray()
  @ArrayMaxSize(PORTAL_FEATURE_KEYS.length)
  @ArrayUnique()
  @IsIn(PORTAL_FEATURE_KEYS, { each: true, message: `features must hold only ${PORTAL_FEATURE_KEYS.join(', ')}` })
  features: PortalFeatureKey[];
}

/** `PATCH /api/portal/access-profiles/:id`: any of the fields. */
export class UpdateAccessProfileDto {
  @IsOptional()
  @IsString()
  @MaxLength(PORTAL_PROFILE_NAME_MAX)
  @Matches(PORTAL_PROFILE_NAME, { message: 'name must start with a letter or digit and hold only letters, digits, _, - and .' })
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(PORTAL_DESCRIPTION_MAX)
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PORTAL_FEATURE_KEYS.length)
  @ArrayUnique()
  @IsIn(PORTAL_FEATURE_KEYS, { each: true, message: `features must hold only ${PORTAL_FEATURE_KEYS.join(', ')}` })
  features?: PortalFeatureKey[];
}

export class UpdateAccessProfilePayloadDto extends UpdateAccessProfileDto {
  @IsUUID()
  id: string;
}

/** `PUT /api/portal/users/:userId/access`. */
export class SetUserAccessDto {
  @IsString()
  @MaxLength(PORTAL_PROFILE_NAME_MAX)
  @Matches(NOT_BLANK, { message: 'profile must not be blank' })
  profile: string;
}

/**
 * RPC payload naming a user whose access an administrator reads or changes: `organizationId` is the
 * organization the administrator may reach (its session's), null when it sees users everywhere.
 */
export class UserAccessPayloadDto {
  @IsUUID()
  userId: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(PORTAL_PROFILE_NAME_MAX)
  profile?: string;
}

/** The largest payment one request records, in minor units (10 million of a two-decimal currency). */
export const PAYMENT_AMOUNT_MAX = 1_000_000_000;
export const PAYMENT_METHOD_MAX = 100;
export const IDEMPOTENCY_KEY_MAX = 255;

/** `POST /api/portal/payments`; the `Idempotency-Key` header travels beside it. */
export class CreatePaymentDto {
  @IsInt({ message: 'amount must be a whole number of minor units (cents)' })
  @Min(1, { message: 'amount must be at least 1 (minor units)' })
  @Max(PAYMENT_AMOUNT_MAX, { message: `amount must not exceed ${PAYMENT_AMOUNT_MAX} (minor units)` })
  amount: number;

  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @IsString()
  @MaxLength(PAYMENT_METHOD_MAX)
  @Matches(NOT_BLANK, { message: 'method must not be blank' })
  method: string;
}

export class CreatePaymentPayloadDto extends CreatePaymentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(IDEMPOTENCY_KEY_MAX)
  idempotencyKey: string;
}

/** `/api/portal/modules/:key`. */
export class ModuleKeyDto {
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9_]+$/, { message: 'key must be a module key such as CONTACTS' })
  key: string;
}

/** 403 of a portal route whose feature the caller's access does not open; `details: { feature }`. */
export const PORTAL_FEATURE_DISABLED = 'PORTAL_FEATURE_DISABLED';
