import { getTreeExpandedState, Group, Text, Tree, useTree } from '@mantine/core';
import { KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { Unit, unitTree } from './business-units-api';

type TreeExpandedState = Record<string, boolean>;

/**
 * The organization's units as a tree (role="tree"): arrows move and open or close branches, Enter
 * or a click selects the unit whose actions the panel beside it shows.
 */
export function UnitTree({ units, selected, onSelect }: { units: Unit[]; selected: string | null; onSelect(id: string): void }) {
  const data = useMemo(() => unitTree(units), [units]);
  const [expanded, setExpanded] = useState<TreeExpandedState>({});
  const tree = useTree({ expandedState: expanded, onExpandedStateChange: setExpanded, selectedState: selected ? [selected] : [], onSelectedStateChange: () => undefined });
  // Every branch open whenever the units change, so a new or moved unit is in sight (runs after the Tree's own setup).
  useEffect(() => setExpanded(getTreeExpandedState(data, '*')), [data]);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = (event.target as HTMLElement).closest('[role=treeitem]') as HTMLElement | null;
    if (event.key === 'Enter' && item?.dataset.value) {
      event.preventDefault();
      onSelect(item.dataset.value);
    }
  };
  return (
    <Tree
      data={data}
      tree={tree}
      aria-label="Business units"
      data-testid="unit-tree"
      expandOnClick={false}
      withLines
      onKeyDown={onKeyDown}
      renderNode={({ node, expanded, hasChildren, elementProps }) => (
        <Group gap={6} {...elementProps} onClick={(event) => { elementProps.onClick(event); onSelect(node.value); }}>
          <Text span aria-hidden size="sm" w={12}>
            {hasChildren ? (expanded ? '▾' : '▸') : ''}
          </Text>
          <Text span fw={node.value === selected ? 700 : 400} data-unit-name>
            {node.label}
          </Text>
        </Group>
      )}
    />
  );
}
