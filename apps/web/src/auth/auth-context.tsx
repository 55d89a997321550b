import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, onSessionEnded } from '../api/client';
import { LoginResponse } from '../api/types';
import { clearToken, readToken, storeToken } from '../api/session-token';

interface Auth {
  /** The bearer token of this tab's session, null when logged out. */
  token: string | null;
  /** Keeps a login's token and forgets every cached answer of the previous session. */
  signIn(response: LoginResponse): void;
  /** Ends the session at the gateway (best effort) and here. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(readToken);

  const forget = useCallback(() => {
    clearToken();
    setToken(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => onSessionEnded(forget), [forget]);

  const signIn = useCallback(
    (response: LoginResponse) => {
      queryClient.clear();
      storeToken(response.accessToken);
      setToken(response.accessToken);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
