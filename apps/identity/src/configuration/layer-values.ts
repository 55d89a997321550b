import { CONFIGURATION_KEYS, configurationProblems, StoredConfiguration, UserConfigurationDto } from '@app/contracts';
import { ServiceError } from '@app/service-kit';

/**
 * The values a layer sets, out of a validated payload: only the known keys that are given, checked
 * again by the shared rules (a payload that bypassed the gateway is refused alike, as a 400).
 */
export function layerValues(input: UserConfigurationDto): StoredConfiguration {
  const values = Object.fromEntries(CONFIGURATION_KEYS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as StoredConfiguration;
  const problems = configurationProblems(values);
  if (problems.length) throw ServiceError.badInput(problems);
  return values;
}

/** The keys a layer sets, sorted, as views list them. */
export const setKeys = (values: StoredConfiguration): string[] => Object.keys(values).sort();
