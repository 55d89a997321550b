import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useAccess } from '../../auth/access-context';
import { AccessQuestion, explainKeys, fetchCapabilityExplanation, fetchExplanation } from '../../components/explain-api';
import { CapabilityExplanationView, ExplanationView } from '../../components/explanation-view';
import { fieldError, FormError } from '../../forms/field-errors';

/** The entities whose single records explain looks up (ExplainQueryDto's RECORD_ENTITIES). */
const RECORD_ENTITIES = ['User', 'BusinessUnit', 'Organization', 'Role', 'Ticket'];

function EntityQuestion() {
  const { permissions } = useAccess();
  const [entity, setEntity] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [recordId, setRecordId] = useState('');
  const [asked, setAsked] = useState<AccessQuestion | null>(null);
  const chosen = permissions.entities.find((e) => e.entity === entity);
  const actions = chosen ? Object.keys(chosen.levels) : [];
  const answer = useQuery({ queryKey: asked ? explainKeys.explain(asked) : ['explain', 'none'], queryFn: () => fetchExplanation(asked!), enabled: asked !== null, retry: false });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (entity && action) setAsked({ entity, action, ...(recordId.trim() ? { recordId: recordId.trim() } : {}) });
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={onSubmit} aria-labelledby="entity-question-title">
        <Stack gap="sm">
          <Title order={3} id="entity-question-title">
            Can I do an action on an entity?
          </Title>
          <Group align="flex-start" grow>
            <Select
              label="Entity"
              required
              searchable
              data={permissions.entities.map((e) => ({ value: e.entity, label: e.source === 'tickets' ? `${e.entity} (tickets roles)` : e.entity }))}
              value={entity}
              onChange={(value) => {
                setEntity(value);
                setAction(null);
              }}
              error={fieldError(answer.error, 'entity')}
            />
            <Select label="Action" required data={actions} value={action} onChange={setAction} error={fieldError(answer.error, 'action')} />
            {entity && RECORD_ENTITIES.includes(entity) && (
              <TextInput label="Record id (optional)" description="Ask about one record" value={recordId} onChange={(e) => setRecordId(e.currentTarget.value)} error={fieldError(answer.error, 'recordId')} />
            )}
          </Group>
          <FormError error={answer.error} fields={['entity', 'action', 'recordId']} />
          <Button type="submit" w="fit-content">
            Explain
          </Button>
          {answer.data && <ExplanationView explanation={answer.data} />}
        </Stack>
      </form>
    </Paper>
  );
}

function CapabilityQuestion() {
  const { permissions } = useAccess();
  const [capability, setCapability] = useState<string | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const answer = useQuery({ queryKey: explainKeys.capability(asked ?? ''), queryFn: () => fetchCapabilityExplanation(asked!), enabled: asked !== null, retry: false });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (capability) setAsked(capability);
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={onSubmit} aria-labelledby="capability-question-title">
        <Stack gap="sm">
          <Title order={3} id="capability-question-title">
            Do I have a capability?
          </Title>
          <Select label="Capability" required searchable data={permissions.capabilities.map((c) => c.capability)} value={capability} onChange={setCapability} error={fieldError(answer.error, 'capability')} w={360} />
          <FormError error={answer.error} fields={['capability']} />
          <Button type="submit" w="fit-content">
            Explain capability
          </Button>
          {answer.data && <CapabilityExplanationView explanation={answer.data} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** "Can I do ACTION on ENTITY?" for anyone, about their own session: which roles give what, and why. */
export function AccessPage() {
  return (
    <Stack>
      <Title order={2}>My access</Title>
      <Text>Ask what your roles let you do, and why. Ticket entities are answered with your tickets roles.</Text>
      <EntityQuestion />
      <CapabilityQuestion />
    </Stack>
  );
}
