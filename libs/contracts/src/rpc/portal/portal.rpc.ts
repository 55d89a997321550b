import type {
  AccessProfileBodyDto,
  CreatePaymentPayloadDto,
  IdPayloadDto,
  ModuleKeyDto,
  PageQueryDto,
  UpdateAccessProfilePayloadDto,
  UserAccessPayloadDto,
  UserRefDto,
} from '../../dto';
import type { Deleted, Page } from '../page';
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
  access: { profile: string; description: string };
}

/** A user's portal access: its profile and the features it opens (none while the user is disabled). */
export interface PortalAccessView {
  userId: string;
  profile: string;
  description: string;
  enabled: boolean;
  features: PortalFeatureView[];
}

export interface AccessProfileView {
  id: string;
  name: string;
  description: string;
  features: string[];
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentView {
  id: string;
  organizationId: string;
  amount: number;
  currency: string;
  method: string;
  idempotencyKey: string;
  recordedBy: string;
  createdAt: string;
}

export interface AccountView {
  organizationId: string;
  currency: string;
  charges: number;
  payments: number;
  balance: number;
}

export interface ModuleView {
  key: string;
  name: string;
  description: string;
  monthlyPrice: number;
  currency: string;
  added: boolean;
}

const rpc = rpcOf('portal');

/** The portal service's request/reply patterns; account routes act on the actor's organization. */
export const PortalRpc = {
  /** The caller's own home page (the actor, never an id from the body). */
  homeGet: rpc<Record<string, never>, PortalHomeView>('portal.home.get'),
  /** For the gateway: the features a user's access opens (cached, dropped on `portal.access.changed`). */
  accessGet: rpc<UserRefDto, PortalAccessView>('portal.access.get'),
  profilesList: rpc<PageQueryDto, Page<AccessProfileView>>('portal.access-profiles.list'),
  profilesCreate: rpc<AccessProfileBodyDto, AccessProfileView>('portal.access-profiles.create'),
  profilesUpdate: rpc<UpdateAccessProfilePayloadDto, AccessProfileView>('portal.access-profiles.update'),
  profilesDelete: rpc<IdPayloadDto, Deleted>('portal.access-profiles.delete'),
  userAccessGet: rpc<UserAccessPayloadDto, PortalAccessView>('portal.user-access.get'),
  userAccessSet: rpc<UserAccessPayloadDto, PortalAccessView>('portal.user-access.set'),
  userAccessReset: rpc<UserAccessPayloadDto, PortalAccessView>('portal.user-access.reset'),
  accountGet: rpc<Record<string, never>, AccountView>('portal.account.get'),
  paymentsList: rpc<PageQueryDto, Page<PaymentView>>('portal.payments.list'),
  paymentsCreate: rpc<CreatePaymentPayloadDto, PaymentView>('portal.payments.create'),
  modulesList: rpc<Record<string, never>, Page<ModuleView>>('portal.modules.list'),
  modulesAdd: rpc<ModuleKeyDto, ModuleView>('portal.modules.add'),
  modulesRemove: rpc<ModuleKeyDto, ModuleView>('portal.modules.remove'),
} as const;
