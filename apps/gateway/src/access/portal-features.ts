import { Inject, Injectable } from '@nestjs/common';
import { PortalRpc } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { ShortLivedCache } from '../cache/short-lived-cache';
import { RpcClient } from '../rpc/rpc.client';

/**
 * The portal features each user's access opens (DESIGN.md section 7), from `portal.access.get`,
 * cached per user like tickets subjects (SESSION_CACHE_MS) and dropped on `portal.access.changed`
 * (SessionEvents).
 */
@Injectable()
export class PortalFeatures {
  private readonly entries: ShortLivedCache<ReadonlySet<string>>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.entries = new ShortLivedCache(settings.sessionCacheMs);
  }

  of(userId: string, requestId: string): Promise<ReadonlySet<string>> {
    return this.entries.get(userId, async () => {
      const view = await this.rpc.call(PortalRpc.accessGet, { userId }, { requestId, actor: null });
      return new Set(view.features.filter((f) => f.enabled).map((f) => f.key));
    });
  }

  /** One user's access changed, or (null) every holder of a profile whose features changed. */
  drop(userId: string | null): void {
    if (userId === null) this.entries.clear();
    else this.entries.delete(userId);
  }
}
