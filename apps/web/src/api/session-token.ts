/**
 * The bearer token of the login, kept in sessionStorage: it lives as long as the tab, is not shared
 * with other tabs and is never sent by the browser on its own (no cookie, so no CSRF).
 */
const KEY = 'crm.session';

export const readToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const clearToken = (): void => sessionStorage.removeItem(KEY);
