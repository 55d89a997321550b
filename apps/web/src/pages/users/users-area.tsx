import { canSee } from '../../auth/access';
import type { Area } from '../area';
import { EditUserPage } from './edit-user-page';
import { NewUserPage } from './new-user-page';
import { UserPage } from './user-page';
import { UsersPage } from './users-page';

/** The administrator's users (OroCRM System > Users): list, create, view, edit, account actions, export. */
export const usersArea: Area = {
  label: 'Users',
  path: 'users',
  allowed: (access) => canSee(access, 'User'),
  routes: [
    { path: 'users', element: <UsersPage /> },
    { path: 'users/new', element: <NewUserPage /> },
    { path: 'users/:id', element: <UserPage /> },
    { path: 'users/:id/edit', element: <EditUserPage /> },
  ],
};
