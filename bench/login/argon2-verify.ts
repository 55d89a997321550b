import * as argon2 from 'argon2';

/**
 * The baseline of a login: argon2id verifications of one stored hash (so the same parameters as the
 * service's) with `inFlight` at a time, for `seconds`; verifications per second.
 */
export async function argon2VerifyRate(hash: string, password: string, inFlight: number, seconds: number): Promise<number> {
  if (!(await argon2.verify(hash, password))) throw new Error('the baseline password does not match its hash');
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await argon2.verify(hash, password);
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return Number(((done * 1000) / (performance.now() - started)).toFixed(1));
}
