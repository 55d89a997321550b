import { IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DATE_FORMATS, TIME_FORMATS, WEEK_DAYS } from './configuration-rules';
import { IsCurrencyCode, IsIanaTimeZone, IsLocaleTag } from '../users/rule-decorators';

/**
 * `PUT /api/users/:id/configuration` and `PUT /api/me/configuration`: the settings the user overrides
 * in one organization; a key left out falls back to its default.
 */
export class UserConfigurationDto {
  // The rules below accept only short values; the bounds say so in the schema, and before any rule runs.
  @IsOptional()
  @MaxLength(35)
  @IsLocaleTag()
  locale?: string;

  @IsOptional()
  @MaxLength(64)
  @IsIanaTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsIn(DATE_FORMATS)
  dateFormat?: (typeof DATE_FORMATS)[number];

  @IsOptional()
  @IsIn(TIME_FORMATS)
  timeFormat?: (typeof TIME_FORMATS)[number];

  @IsOptional()
  @IsIn(WEEK_DAYS)
  firstDayOfWeek?: (typeof WEEK_DAYS)[number];

  @IsOptional()
  @MaxLength(3)
  @IsCurrencyCode()
  currency?: string;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(500)
  itemsPerPage?: number;
}

/** `?organizationId=` of the administrator's configuration routes; the caller's current one when absent. */
export class ConfigurationQueryDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

/** RPC payload: whose configuration, in which organization (null: the caller's current one). */
export class ConfigurationRefDto {
  @IsUUID()
  userId: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class PutConfigurationPayloadDto extends UserConfigurationDto {
  @IsUUID()
  userId: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
