import { Badge, Button, Group, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useAccess } from '../auth/access-context';
import { useAuth } from '../auth/auth-context';
import { MainMenu } from './main-menu';
import { OrganizationSwitcher } from './organization-switcher';

/** Who is logged in, in which organization, with which active roles; the menu; logout. */
export function AppHeader() {
  const { me } = useAccess();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <Group justify="space-between" p="sm" wrap="wrap" gap="sm">
      <Group gap="md" wrap="wrap">
        <Title order={1} size="h4">
          CRM suite
        </Title>
        <MainMenu />
      </Group>
      <Group gap="sm" wrap="wrap">
        <OrganizationSwitcher />
        <Group gap={4} aria-label="Active roles" role="group" data-testid="active-roles">
          <Text size="sm" c="dimmed">
            Roles:
          </Text>
          {me.activeRoles.length === 0 && <Text size="sm">none</Text>}
          {me.activeRoles.map((role) => (
            <Badge key={role} variant="light" color="indigo">
              {role}
            </Badge>
          ))}
        </Group>
        <Text size="sm" data-testid="username">
          {me.username}
        </Text>
        <Button variant="default" size="xs" onClick={() => void signOut().then(() => navigate('/login'))}>
          Log out
        </Button>
      </Group>
    </Group>
  );
}
