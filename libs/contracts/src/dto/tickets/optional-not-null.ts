import { ValidateIf } from 'class-validator';

/** Optional, but when present it must be a value: `null` is checked (and refused) like any other. */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((object: object, value: unknown) => value !== undefined);

/** Optional and clearable: `null` is accepted as "no value". */
export const OptionalNullable = (): PropertyDecorator => ValidateIf((object: object, value: unknown) => value !== undefined && value !== null);
