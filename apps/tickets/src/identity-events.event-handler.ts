import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTypes } from '@app/contracts';
import { EventConsumer, EventConsumerFactory } from '@app/bus';
import { BusinessUnitMirrorService } from './business-units/business-unit-mirror.service';
import { UserMirrorService } from './users/user-mirror.service';

/**
 * Identity's events that tickets mirrors (users and the business-unit tree), consumed from its own
 * durable `tickets.events` queue (DESIGN.md section 2); each is applied in the inbox transaction.
 */
@Injectable()
export class IdentityEventsHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly mirror: UserMirrorService,
    private readonly units: BusinessUnitMirrorService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({
      [EventTypes.UserCreated]: (event, manager) => this.mirror.onUserCreated(event, manager),
      [EventTypes.UserUpdated]: (event, manager) => this.mirror.onUserUpdated(event, manager),
      [EventTypes.UserEnabled]: (event, manager) => this.mirror.onUserEnabled(event, manager, true),
      [EventTypes.UserDisabled]: (event, manager) => this.mirror.onUserEnabled(event, manager, false),
      [EventTypes.BusinessUnitChanged]: (event, manager) => this.units.onUnitChanged(event, manager),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
