import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/common.dto';

export const USER_SORTS = ['username', 'lastName', 'createdAt', 'primaryEmail'] as const;
export const AUTH_STATUSES = ['ACTIVE', 'LOCKED', 'PASSWORD_RESET'] as const;

/** Query strings carry text: `true`/`false` become booleans, anything else stays and fails IsBoolean. */
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `GET /api/users` (OroCRM's All / Active / Disabled / Cannot login pages, plus search, sorting, paging). */
export class ListUsersDto extends PageQueryDto {
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  enabled?: boolean;

  @IsOptional()
  @IsIn(AUTH_STATUSES)
  authStatus?: (typeof AUTH_STATUSES)[number];

  /** Disabled, locked, waiting for a password reset, or in no organization. */
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  cannotLogin?: boolean;

  /** Case-insensitive text over username, names and emails. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsIn(USER_SORTS)
  sort?: (typeof USER_SORTS)[number];

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
