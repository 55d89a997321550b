import { Injectable } from '@nestjs/common';
import { Mailer } from '../mail/mailer';
import { invitationMail } from '../mail/messages';
import { MailRecipient } from '../mail/outgoing-mail';

/** OroCRM's "Send an email invitation" on creation: username and where to log in, to the primary email. */
@Injectable()
export class InvitationMailService {
  constructor(private readonly mailer: Mailer) {}

  /** Called once the user's transaction committed; the mail goes out without holding up the reply. */
  invite(user: MailRecipient): void {
    void this.mailer.send(invitationMail(user, this.mailer.link('/api/auth/login')));
  }
}
