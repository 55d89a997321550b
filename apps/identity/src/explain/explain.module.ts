import { Module } from '@nestjs/common';
import { ExplainMessageController } from './explain.message.controller';
import { ExplainService } from './explain.service';

/** DESIGN.md section 3 "Explain": why the caller may or may not, and who can see a record. */
@Module({
  controllers: [ExplainMessageController],
  providers: [ExplainService],
})
export class ExplainModule {}
