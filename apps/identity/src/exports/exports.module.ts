import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ExportRunner } from './export-runner';
import { ExportsMessageController } from './exports.message.controller';
import { ExportsService } from './exports.service';

/** The user export: CSV files written in the background and read back in chunks. */
@Module({
  imports: [MailModule],
  controllers: [ExportsMessageController],
  providers: [ExportRunner, ExportsService],
})
export class ExportsModule {}
