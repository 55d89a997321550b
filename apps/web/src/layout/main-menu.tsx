import { Group, NavLink as MantineNavLink } from '@mantine/core';
import { NavLink } from 'react-router';
import { useAccess } from '../auth/access-context';
import { AREAS } from '../pages/areas';

/** The areas this session may use; the others are not shown. */
export function MainMenu() {
  const access = useAccess();
  return (
    <nav aria-label="Main">
      <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {AREAS.filter((area) => area.allowed(access)).map((area) => (
          <li key={area.path}>
            <MantineNavLink component={NavLink} to={`/${area.path}`} label={area.label} />
          </li>
        ))}
      </Group>
    </nav>
  );
}
