import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../layout/app-layout';
import { AreaGate } from '../layout/area-gate';
import { RequireSession } from '../layout/require-session';
import { AREAS } from '../pages/areas';
import { LoginPage } from '../pages/login/login-page';
import { NotFoundPage } from './not-found-page';
import { StartPage } from './start-page';

/** /login outside, every area's routes inside the session's layout, each behind its area's gate. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        path: '/',
        element: <AppLayout />,
        children: [
          { index: true, element: <StartPage /> },
          ...AREAS.map((area) => ({ element: <AreaGate area={area} />, children: area.routes })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
