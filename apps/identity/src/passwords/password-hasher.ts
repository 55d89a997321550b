import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes). */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** A hash of a random secret, verified against when the user is unknown so both paths cost the same. */
  private readonly decoy = argon2.hash(`decoy-${Math.random()}`, options);

  hash(password: string): Promise<string> {
    return argon2.hash(password, options);
  }

  /** False for no hash (a directory user has none): it costs the same as a wrong password. */
  verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) return this.verifyDecoy(password);
    return argon2.verify(hash, password).catch(() => false);
  }

  async verifyDecoy(password: string): Promise<false> {
    await argon2.verify(await this.decoy, password).catch(() => false);
    return false;
  }
}
