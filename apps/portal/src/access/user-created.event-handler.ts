import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTypes } from '@app/contracts';
import { EventConsumer, EventConsumerFactory } from '@app/bus';
import { PortalAccessService } from './portal-access.service';

/** `identity.user.created`, consumed from portal's durable `portal.events` queue: a new user gets the minimum portal access. */
@Injectable()
export class UserCreatedEventHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly access: PortalAccessService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({
      [EventTypes.UserCreated]: (event, manager) => this.access.onUserCreated(event.data, manager),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
