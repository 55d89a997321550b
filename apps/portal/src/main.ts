import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { PortalModule } from './portal.module';

void bootstrapService('portal', PortalModule);
