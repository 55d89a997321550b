import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deleteExpiredKeys } from './delete-expired-keys';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes the stored answers of keys older than their 24 h, at start and then hourly: a key past its
 * time is already taken as new (idempotent-create.ts), so the rows only cost space. A failed pass
 * (database away) is logged and tried again at the next one.
 */
@Injectable()
export class IdempotencyKeysPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyKeysPurge');
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      const count = await deleteExpiredKeys(this.dataSource);
      if (count) this.logger.log(`deleted ${count} expired idempotency keys`);
      return count;
    } catch (error) {
      this.logger.warn(`could not delete expired idempotency keys: ${(error as Error).message}`);
      return 0;
    }
  }
}
