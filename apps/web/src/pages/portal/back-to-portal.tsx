import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

export const BackToPortal = () => (
  <Anchor component={Link} to="/portal" size="sm">
    ← Client portal
  </Anchor>
);
