import type { Area } from '../area';
import { MySettingsPage } from './my-settings-page';

/** Every logged-in user's own settings (OroCRM's user configuration), with where each value comes from. */
export const mySettingsArea: Area = {
  label: 'My settings',
  path: 'settings',
  allowed: () => true,
  routes: [{ path: 'settings', element: <MySettingsPage /> }],
};
