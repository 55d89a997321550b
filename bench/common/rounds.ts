/** Summaries over a benchmark's rounds, where a side's figures swing from one slice to the next. */

/** The values that are known: a ratio against a zero baseline is null. */
export const known = (values: (number | null)[]): number[] => values.filter((value): value is number => value !== null);

/** The median (of an even count, the upper of the two middle values); undefined of none. */
export const median = (values: number[]): number | undefined => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The mean, to one decimal. */
export const mean = (values: number[]): number => Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(1));
