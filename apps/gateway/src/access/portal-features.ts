import { Inject, Injectable } from '@nestjs/common';
import { PortalRpc } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import { RpcClient } from '../rpc/rpc.client';

const MAX_ENTRIES = 10_000;

/**
 * The portal features each user's access opens (DESIGN.md section 7), from `portal.access.get`,
 * cached per user like tickets subjects (SESSION_CACHE_MS) and dropped on `portal.access.changed`
 * (SessionEvents). An answer on its way while a drop happened is used once and not cached.
 */
@Injectable()
export class PortalFeatures {
  private readonly entries = new Map<string, { features: ReadonlySet<string>; until: number }>();
  private generation = 0;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async of(userId: string, requestId: string): Promise<ReadonlySet<string>> {
    const cached = this.entries.get(userId);
    if (cached && cached.until > Date.now()) return cached.features;
    const generation = this.generation;
    const view = await this.rpc.call(PortalRpc.accessGet, { userId }, { requestId, actor: null });
    const features = new Set(view.features.filter((f) => f.enabled).map((f) => f.key));
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, { features, until: Date.now() + this.settings.sessionCacheMs });
    }
    return features;
  }

  /** One user's access changed, or (null) every holder of a profile whose features changed. */
  drop(userId: string | null): void {
    this.generation++;
    if (userId === null) this.entries.clear();
    else this.entries.delete(userId);
  }
}
