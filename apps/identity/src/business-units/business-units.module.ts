import { Module } from '@nestjs/common';
import { BusinessUnitsMessageController } from './business-units.message.controller';
import { BusinessUnitsService } from './business-units.service';

/** The business-unit tree of each organization (the owner tree of DESIGN.md section 3). */
@Module({
  controllers: [BusinessUnitsMessageController],
  providers: [BusinessUnitsService],
})
export class BusinessUnitsModule {}
