import { AuthHttpController } from './auth/auth.http.controller';
import { CREDENTIALS_CONTROLLERS } from './credentials/credentials.controllers';
import { DIRECTORY_CONTROLLERS } from './directory/directory.controllers';
import { MeHttpController } from './me/me.http.controller';
import { PortalHttpController } from './portal/portal.http.controller';
import { TICKETS_CONTROLLERS } from './tickets/tickets.controllers';
import { UsersHttpController } from './users/users.http.controller';

/** The gateway's REST controllers (health comes from HealthModule); the route check reads this list. */
export const GATEWAY_CONTROLLERS = [AuthHttpController, MeHttpController, UsersHttpController, PortalHttpController, ...CREDENTIALS_CONTROLLERS, ...DIRECTORY_CONTROLLERS, ...TICKETS_CONTROLLERS];
