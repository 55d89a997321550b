import { Module } from '@nestjs/common';
import { InvitationMailService } from './invitation-mail.service';
import { Mailer } from './mailer';

/** Outgoing mail (DESIGN.md section 9): one Mailer for the process, and the invitation a new user gets. */
@Module({
  providers: [Mailer, InvitationMailService],
  exports: [Mailer, InvitationMailService],
})
export class MailModule {}
