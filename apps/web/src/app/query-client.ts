import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/** Refusals (4xx) are answers, not glitches: only network failures and 5xx are retried, once. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
