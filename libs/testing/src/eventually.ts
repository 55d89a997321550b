/**
 * Polls `probe` until it returns a value other than undefined, and says how long that took; fails
 * with the last value seen when `timeoutMs` passes.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 25): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return { value, elapsedMs: Date.now() - started };
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
