import { BusinessUnitsHttpController } from './business-units.http.controller';
import { GroupsHttpController } from './groups.http.controller';
import { MyProfileHttpController } from './my-profile.http.controller';
import { OrganizationsHttpController } from './organizations.http.controller';
import { RolesHttpController } from './roles.http.controller';
import { SecurityProfilesHttpController } from './security-profiles.http.controller';
import { UserDirectoryHttpController } from './user-directory.http.controller';

/** The directory's REST controllers (issue 5, part A), added to GATEWAY_CONTROLLERS as one list. */
export const DIRECTORY_CONTROLLERS = [
  OrganizationsHttpController,
  BusinessUnitsHttpController,
  RolesHttpController,
  SecurityProfilesHttpController,
  GroupsHttpController,
  UserDirectoryHttpController,
  MyProfileHttpController,
];
