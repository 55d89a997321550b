import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { EXPORT_CHUNK_MAX_BYTES } from '../../rpc/identity-credentials.patterns';

/** The entities an export job can write. */
export const EXPORTABLE_ENTITIES = ['User'] as const;

/** `POST /api/exports`. */
export class CreateExportDto {
  @IsIn(EXPORTABLE_ENTITIES)
  entity: (typeof EXPORTABLE_ENTITIES)[number];
}

/**
 * RPC payload naming one job. `readAny`: the gateway found the capability `export_users` on the
 * caller; without it only the requester may see the job.
 */
export class ExportRefDto {
  @IsUUID()
  exportId: string;

  @IsBoolean()
  readAny: boolean;
}

/** `identity.exports.read`: one chunk of a finished job's file. */
export class ReadExportDto extends ExportRefDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EXPORT_CHUNK_MAX_BYTES)
  length: number;
}
