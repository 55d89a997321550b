import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';

/** The portal's answers (DESIGN.md section 7) as its pages read them. */
export type PortalFeatureKey = 'HELP_GUIDE' | 'BLOG' | 'LIVE_CHAT' | 'SERVICE_TICKETS' | 'PAYMENTS' | 'MODULES';

export interface PortalHome {
  profile: string;
  features: { key: PortalFeatureKey; label: string; enabled: boolean; url?: string }[];
  access: { profile: string; description: string };
}

export interface ServiceRequest {
  id: string;
  subject: string;
  description: string | null;
  status: string;
  priority: string;
  createdAt: string;
}

export interface ServiceRequestWithComments extends ServiceRequest {
  comments: { id: string; body: string; authorId: string; createdAt: string }[];
}

export interface Account {
  currency: string;
  charges: number;
  payments: number;
  balance: number;
}

export interface Payment {
  id: string;
  amount: number;
  currency: string;
  method: string;
  createdAt: string;
}

export interface PortalModule {
  key: string;
  name: string;
  description: string;
  monthlyPrice: number;
  currency: string;
  added: boolean;
}

export const portalKeys = {
  all: ['portal'] as const,
  home: ['portal', 'home'] as const,
  requests: ['portal', 'service-requests'] as const,
  request: (id: string) => ['portal', 'service-requests', id] as const,
  account: ['portal', 'account'] as const,
  payments: ['portal', 'payments'] as const,
  modules: ['portal', 'modules'] as const,
};

export const usePortalHome = () => useQuery({ queryKey: portalKeys.home, queryFn: () => api.get<PortalHome>('/api/portal/home') });

/** Minor units as the account's currency shows them (two decimals). */
export const money = (minor: number, currency: string): string =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);

export const listServiceRequests = () => api.get<Page<ServiceRequest>>('/api/portal/tickets', { query: { limit: 100 } });
