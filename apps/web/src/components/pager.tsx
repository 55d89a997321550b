import { Button, Group, Text } from '@mantine/core';

export interface PagerProps {
  /** How many items match in all. */
  total: number;
  offset: number;
  pageSize: number;
  /** The items' name, one and many: `['user', 'users']`. */
  noun: [string, string];
  onOffset(offset: number): void;
}

/**
 * Previous and next page around "Page 2 of 5 (93 users)", announced as a status: the one pager of
 * the lists whose API pages with limit and offset.
 */
export function Pager({ total, offset, pageSize, noun, onOffset }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(offset / pageSize) + 1;
  return (
    <Group gap="sm" role="navigation" aria-label="Pages">
      {offset > 0 && (
        <Button variant="default" size="xs" onClick={() => onOffset(Math.max(0, offset - pageSize))}>
          Previous page
        </Button>
      )}
      <Text size="sm" role="status" data-testid="page-status">
        Page {page} of {pages} ({total} {total === 1 ? noun[0] : noun[1]})
      </Text>
      {offset + pageSize < total && (
        <Button variant="default" size="xs" onClick={() => onOffset(offset + pageSize)}>
          Next page
        </Button>
      )}
    </Group>
  );
}
