import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** `POST /api/users/:id/api-key`: for the caller's current organization unless one is named. */
export class GenerateApiKeyDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

/** The RPC payload: the body plus the user the key is for. */
export class UserApiKeyGenerateDto extends GenerateApiKeyDto {
  @IsUUID()
  userId: string;
}

/** `identity.api-keys.verify`: the key as the client sent it in `X-API-Key`. */
export class VerifyApiKeyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  key: string;
}
