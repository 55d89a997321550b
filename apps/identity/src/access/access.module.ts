import { Global, Module } from '@nestjs/common';
import { ActorAccess } from './actor-access.service';

/** The acting user's subject, for every write check of identity. */
@Global()
@Module({ providers: [ActorAccess], exports: [ActorAccess] })
export class AccessModule {}
