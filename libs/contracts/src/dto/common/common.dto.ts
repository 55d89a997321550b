import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

/** A display name: 1 to 100 characters, not only blanks. */
export const NAME_MAX = 100;
export const NOT_BLANK = /\S/;

/** The furthest a list may be paged: past PostgreSQL's bigint an offset was a 500, past this it is only slow. */
export const OFFSET_MAX = 10_000_000;

/** `?limit=&offset=` of every list (DESIGN.md section 9). */
export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(OFFSET_MAX)
  offset?: number;
}

/** RPC payload naming one record. */
export class IdPayloadDto {
  @IsUUID()
  id: string;
}

export class NameDto {
  @IsString()
  @MaxLength(NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;
}

/** RPC payload of a rename: the record and its new name. */
export class RenamePayloadDto extends NameDto {
  @IsUUID()
  id: string;
}
