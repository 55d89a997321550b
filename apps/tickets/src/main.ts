import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { TicketsModule } from './tickets.module';

void bootstrapService('tickets', TicketsModule);
