/** `?roles=Admin,Sales` of the page URL (Aurea's form): the names, or undefined when absent. */
export function rolesFromUrl(search: URLSearchParams): string[] | undefined {
  const raw = search.get('roles');
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
