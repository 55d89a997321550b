import { useQuery } from '@tanstack/react-query';
import { explainKeys, fetchExplanation } from '../../components/explain-api';

/**
 * Whether the session may `action` this very ticket: the scope decides per record (USER level: own
 * tickets only), so the page asks /api/acl/explain with the record rather than guessing. Undefined
 * while it loads (the controls stay hidden until then).
 */
export function useMayOnTicket(ticketId: string, action: 'EDIT' | 'ASSIGN', enabled: boolean): boolean | undefined {
  const question = { entity: 'Ticket', action, recordId: ticketId };
  const explanation = useQuery({ queryKey: explainKeys.explain(question), queryFn: () => fetchExplanation(question), enabled });
  if (!enabled) return false;
  return explanation.data?.allowed;
}
