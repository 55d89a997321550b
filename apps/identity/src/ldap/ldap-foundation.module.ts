import { Module } from '@nestjs/common';
import { LdapSecrets } from './ldap-secrets';

/** What both directory administration and LDAP login need: the bind-password key. */
@Module({
  providers: [LdapSecrets],
  exports: [LdapSecrets],
})
export class LdapFoundationModule {}
