import type { UserRefDto } from '../../dto';
import { rpcOf } from '../rpc-contract';

/** A portal feature as the home page shows it: greyed out (no link) when the profile lacks it. */
export interface PortalFeatureView {
  key: string;
  label: string;
  enabled: boolean;
  url?: string;
}

export interface PortalHomeView {
  profile: string;
  features: PortalFeatureView[];
}

/** A user's portal access profile and what it opens. */
export interface PortalAccessView extends PortalHomeView {
  userId: string;
}

const rpc = rpcOf('portal');

/** The portal service's request/reply patterns. */
export const PortalRpc = {
  /** The caller's own home page (the actor, never an id from the body). */
  homeGet: rpc<Record<string, never>, PortalHomeView>('portal.home.get'),
  accessGet: rpc<UserRefDto, PortalAccessView>('portal.access.get'),
} as const;
