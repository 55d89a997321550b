import { Global, Module } from '@nestjs/common';
import { readSettings, Settings } from './settings';

export const SETTINGS = Symbol('SETTINGS');

@Global()
@Module({
  providers: [{ provide: SETTINGS, useFactory: (): Settings => readSettings() }],
  exports: [SETTINGS],
})
export class SettingsModule {}
