import { ValidateBy, ValidationOptions } from 'class-validator';
import { birthdayProblem } from './dates';
import { customFieldsProblem } from './custom-fields';
import { avatarProblem } from './image-check';
import { isCurrency, isLocale, isTimeZone } from '../configuration/configuration-rules';

/** A class-validator decorator from a plain rule that returns what is wrong (or null). */
const fromRule = (name: string, problem: (value: unknown) => string | null, options?: ValidationOptions): PropertyDecorator => {
  const messages = new WeakMap<object, string>();
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value, args) => {
          const found = problem(value);
          if (found && args?.object) messages.set(args.object, found);
          return found === null;
        },
        defaultMessage: (args) => (args?.object && messages.get(args.object)) || `${args?.property} is invalid`,
      },
    },
    options,
  );
};

/** `{ contentType, dataBase64 }` of a PNG, JPEG, GIF or WebP of at most 1 MiB (null clears, where allowed). */
export const IsAvatar = (): PropertyDecorator => fromRule('isAvatar', avatarProblem);
export const IsCustomFields = (): PropertyDecorator => fromRule('isCustomFields', customFieldsProblem);
export const IsBirthday = (): PropertyDecorator => fromRule('isBirthday', (v) => birthdayProblem(v));
export const IsLocaleTag = (): PropertyDecorator => fromRule('isLocale', (v) => (isLocale(v) ? null : 'locale must be a locale such as en-US or de-DE'));
export const IsIanaTimeZone = (): PropertyDecorator =>
  fromRule('isTimeZone', (v) => (isTimeZone(v) ? null : 'timeZone must be an IANA time zone such as Europe/Berlin'));
export const IsCurrencyCode = (): PropertyDecorator => fromRule('isCurrency', (v) => (isCurrency(v) ? null : 'currency must be an ISO 4217 code such as EUR'));
