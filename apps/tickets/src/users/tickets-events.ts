import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTypes } from '@app/contracts';
import { EventConsumer, EventConsumerFactory } from '@app/bus';
import { UserMirrorService } from './user-mirror.service';

/** The events tickets consumes, each bound on `tickets.events`. */
@Injectable()
export class TicketsEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly mirror: UserMirrorService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.consumers.start({
      [EventTypes.UserCreated]: (event, manager) => this.mirror.onUserCreated(event.data, manager),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
