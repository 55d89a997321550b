import { RpcRequest, validateDto } from '@app/contracts';
import { ServiceError } from './service-error';

/** Validates an RPC payload against its DTO; services never trust the caller's checks alone. */
export async function parsePayload<T extends object>(cls: new () => T, request: RpcRequest): Promise<T> {
  const checked = await validateDto(cls, request?.payload);
  if (checked.value === null) throw ServiceError.badInput(checked.problems);
  return checked.value;
}
