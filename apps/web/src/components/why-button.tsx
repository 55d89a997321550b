import { Button, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../forms/field-errors';
import { AccessQuestion, explainKeys, fetchExplanation } from './explain-api';
import { ExplanationView } from './explanation-view';

function ExplanationLoader({ question }: { question: AccessQuestion }) {
  const explanation = useQuery({ queryKey: explainKeys.explain(question), queryFn: () => fetchExplanation(question) });
  if (explanation.error) return <LoadError error={explanation.error} />;
  if (!explanation.data) return <Text>Loading…</Text>;
  return <ExplanationView explanation={explanation.data} />;
}

export interface WhyButtonProps extends AccessQuestion {
  /** The button's text, e.g. "Why can't I edit?" (default "Why?"). */
  label?: string;
}

/**
 * "Why?" where a page hides or refuses an action: opens GET /api/acl/explain for the session's own
 * roles (tickets roles for the ticket entities), with the record when one is given.
 */
export function WhyButton({ entity, action, recordId, label = 'Why?' }: WhyButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={open} data-why={`${entity}:${action}`}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={`Why: ${action} on ${entity}${recordId ? ' (this record)' : ''}`} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        {opened && <ExplanationLoader question={{ entity, action, recordId }} />}
      </Modal>
    </>
  );
}
