import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTypes } from '@app/contracts';
import { EventConsumer, EventConsumerFactory } from '@app/bus';
import { PortalAccessService } from './portal-access.service';

/**
 * identity's user events, consumed from portal's durable `portal.events` queue: a new user gets the
 * minimum access; organizations and the enabled flag are mirrored (a disabled user opens nothing).
 */
@Injectable()
export class UserEventsHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly access: PortalAccessService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({
      [EventTypes.UserCreated]: (event, manager) => this.access.onUserCreated(event.data, manager),
      [EventTypes.UserUpdated]: (event, manager) => this.access.onUserUpdated(event.data, manager, event.correlationId ?? event.id),
      [EventTypes.UserEnabled]: (event, manager) => this.access.onUserEnabled(event.data, true, manager, event.correlationId ?? event.id),
      [EventTypes.UserDisabled]: (event, manager) => this.access.onUserEnabled(event.data, false, manager, event.correlationId ?? event.id),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
