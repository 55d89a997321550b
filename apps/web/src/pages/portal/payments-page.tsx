import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { Page } from '../../api/types';
import { fieldError, FormError, LoadError } from '../../forms/field-errors';
import { BackToPortal } from './back-to-portal';
import { FeatureGate } from './feature-gate';
import { Account, money, Payment, portalKeys } from './portal-api';

function Balance() {
  const account = useQuery({ queryKey: portalKeys.account, queryFn: () => api.get<Account>('/api/portal/account') });
  if (account.error) return <LoadError error={account.error} />;
  if (!account.data) return <Text>Loading…</Text>;
  const { charges, payments, balance, currency } = account.data;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="account">
      <Paper withBorder p="sm">
        <Text size="sm" c="dimmed">Charges</Text>
        <Text fw={600}>{money(charges, currency)}</Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" c="dimmed">Payments</Text>
        <Text fw={600}>{money(payments, currency)}</Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" c="dimmed">Balance</Text>
        <Text fw={600} data-testid="balance">{money(balance, currency)}</Text>
      </Paper>
    </SimpleGrid>
  );
}

function MakePayment({ currency }: { currency: string }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState<string | number>('');
  const [method, setMethod] = useState('Card');
  // One key per intended payment: kept across retries, replaced once the payment is recorded.
  const [key, setKey] = useState(newIdempotencyKey);
  const pay = useMutation({
    mutationFn: () => api.post<Payment>('/api/portal/payments', { amount: Math.round(Number(amount) * 100), currency, method }, { headers: { 'idempotency-key': key } }),
    onSuccess: () => {
      setAmount('');
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: portalKeys.account });
      void queryClient.invalidateQueries({ queryKey: portalKeys.payments });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    pay.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="pay-title">
      <Stack>
        <Title order={3} id="pay-title">
          Make a payment
        </Title>
        <Group align="flex-start">
          <NumberInput label={`Amount (${currency})`} required min={0.01} decimalScale={2} value={amount} onChange={setAmount} error={fieldError(pay.error, 'amount')} />
          <TextInput label="Method" required value={method} onChange={(e) => setMethod(e.currentTarget.value)} error={fieldError(pay.error, 'method')} />
        </Group>
        <FormError error={pay.error} fields={['amount', 'method']} />
        {pay.isSuccess && <Text role="status">Payment recorded: {money(pay.data.amount, pay.data.currency)}</Text>}
        <Button type="submit" loading={pay.isPending} w="fit-content">
          Pay
        </Button>
      </Stack>
    </form>
  );
}

function PaymentList() {
  const payments = useQuery({ queryKey: portalKeys.payments, queryFn: () => api.get<Page<Payment>>('/api/portal/payments', { query: { limit: 100 } }) });
  if (payments.error) return <LoadError error={payments.error} />;
  if (!payments.data) return <Text>Loading…</Text>;
  if (payments.data.items.length === 0) return <Text>No payments yet.</Text>;
  return (
    <Table striped data-testid="payments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Amount</Table.Th>
          <Table.Th>Method</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.data.items.map((payment) => (
          <Table.Tr key={payment.id}>
            <Table.Td>{new Date(payment.createdAt).toLocaleString()}</Table.Td>
            <Table.Td>{money(payment.amount, payment.currency)}</Table.Td>
            <Table.Td>{payment.method}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PaymentsContent() {
  const account = useQuery({ queryKey: portalKeys.account, queryFn: () => api.get<Account>('/api/portal/account') });
  return (
    <Stack>
      <BackToPortal />
      <Title order={2}>Payments</Title>
      <Balance />
      {account.data && <MakePayment currency={account.data.currency} />}
      <Title order={3}>Payments made</Title>
      <PaymentList />
    </Stack>
  );
}

/** The account's balance, a payment form and the payments made. */
export function PaymentsPage() {
  return (
    <FeatureGate feature="PAYMENTS">
      <PaymentsContent />
    </FeatureGate>
  );
}
