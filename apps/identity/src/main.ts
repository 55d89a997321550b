import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { IdentityModule } from './identity.module';

void bootstrapService('identity', IdentityModule);
