/** What the bus logs through; Nest's Logger fits, and so does a test's silent logger. */
export interface BusLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, trace?: string): void;
}

export type BusLoggerFactory = (context: string) => BusLogger;
