import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { EXPORT_CHUNK_MAX_BYTES } from '../../rpc/identity/identity-views';

/** The entities an export job can write. */
export const EXPORTABLE_ENTITIES = ['User'] as const;

/** `POST /api/exports`. */
export class CreateExportDto {
  @IsIn(EXPORTABLE_ENTITIES)
  entity: (typeof EXPORTABLE_ENTITIES)[number];
}

/**
 * `identity.exports.create`: the HTTP body plus what the gateway decided from the requester's session.
 * The User VIEW scope travels in the call context (`RpcRequest.scope`) and is stored with the job.
 */
export class StartExportDto extends CreateExportDto {
  /** Fill the password-hash column: only for a holder of `role_escalate`; otherwise it stays empty. */
  @IsBoolean()
  includePasswordHashes: boolean;
}

/** RPC payload naming one job; only its requester (the call's actor) sees it. */
export class ExportRefDto {
  @IsUUID()
  exportId: string;
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
