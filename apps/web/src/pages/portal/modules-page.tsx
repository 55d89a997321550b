import { Badge, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';
import { FormError, LoadError } from '../../forms/field-errors';
import { BackToPortal } from './back-to-portal';
import { FeatureGate } from './feature-gate';
import { money, PortalModule, portalKeys } from './portal-api';

function ModuleCard({ module }: { module: PortalModule }) {
  const queryClient = useQueryClient();
  const path = `/api/portal/modules/${encodeURIComponent(module.key)}`;
  const change = useMutation({
    mutationFn: () => (module.added ? api.delete(path) : api.post(path)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalKeys.modules });
      void queryClient.invalidateQueries({ queryKey: portalKeys.account });
    },
  });
  return (
    <Card withBorder data-module={module.key}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {module.name} {module.added && <Badge color="teal">added</Badge>}
        </Title>
        <Text size="sm">{module.description}</Text>
        <Text size="sm" fw={600}>
          {money(module.monthlyPrice, module.currency)} / month
        </Text>
        <FormError error={change.error} />
        <Button variant={module.added ? 'default' : 'filled'} color={module.added ? undefined : 'orange'} loading={change.isPending} onClick={() => change.mutate()} aria-label={`${module.added ? 'Remove' : 'Add'} ${module.name}`}>
          {module.added ? 'Remove' : 'Add'}
        </Button>
      </Stack>
    </Card>
  );
}

function Catalogue() {
  const modules = useQuery({ queryKey: portalKeys.modules, queryFn: () => api.get<Page<PortalModule>>('/api/portal/modules') });
  if (modules.error) return <LoadError error={modules.error} />;
  if (!modules.data) return <Text>Loading…</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {modules.data.items.map((module) => (
        <ModuleCard key={module.key} module={module} />
      ))}
    </SimpleGrid>
  );
}

/** The module catalogue with the account's modules marked; add one (charged monthly) or remove it. */
export function ModulesPage() {
  return (
    <FeatureGate feature="MODULES">
      <Stack>
        <BackToPortal />
        <Title order={2}>Modules</Title>
        <Catalogue />
      </Stack>
    </FeatureGate>
  );
}
