import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  /** Login roles to activate besides the fixed ones (Aurea); names as stored. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  roles?: string[];

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
