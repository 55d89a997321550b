/**
 * What `promise` resolves to within `ms`, or undefined once the time is up (a rejection passes
 * through). The timer does not keep the process alive, and is cleared as soon as the promise settles.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms).unref()));
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
