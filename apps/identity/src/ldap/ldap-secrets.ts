import { Injectable, Logger } from '@nestjs/common';
import { ServiceError } from '@app/service-kit';
import { LdapSecretBox, parseLdapSecretKey } from './ldap-secret-box';

/**
 * The box of LDAP_SECRET_KEY, read once at start. A key that is set but not 32 bytes of base64 stops
 * identity at start; no key at all leaves everything else working, and every use of a directory
 * (configure, test, import, LDAP login) answers 503 LDAP_SECRET_KEY_MISSING.
 */
@Injectable()
export class LdapSecrets {
  private readonly secretBox: LdapSecretBox | null;

  constructor() {
    const key = parseLdapSecretKey(process.env.LDAP_SECRET_KEY);
    this.secretBox = key === null ? null : new LdapSecretBox(key);
    if (!key) new Logger('Ldap').warn('LDAP_SECRET_KEY is not set: LDAP directories cannot be configured or used');
  }

  /** Throws 503 when no key is configured. */
  box(): LdapSecretBox {
    if (!this.secretBox) {
      throw new ServiceError(503, 'LDAP directories need LDAP_SECRET_KEY (32 random bytes, base64) in identity\'s environment; it is not set.', 'LDAP_SECRET_KEY_MISSING');
    }
    return this.secretBox;
  }

  /** The stored bind password of directory `directoryId`, decrypted. */
  bindPassword(directoryId: string, encrypted: string): string {
    return this.box().decrypt(encrypted, directoryId);
  }
}
