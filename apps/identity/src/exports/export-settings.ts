import { resolve } from 'node:path';

/** `EXPORT_DIR` (default `.run/exports`, from the working directory): where finished CSV files stay. */
export const readExportDir = (env: Record<string, string | undefined> = process.env): string => resolve(env.EXPORT_DIR || '.run/exports');
