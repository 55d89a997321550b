import { createTheme, CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's defaults tuned to pass axe's contrast rule (WCAG AA 4.5:1): darker filled shades, text
 * on colored buttons chosen by contrast (the portal's orange gets dark text), darker dimmed text.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // Dark text from this luminance up: orange.8 and teal.8 (about 0.21-0.26) fail 4.5:1 with white.
  luminanceThreshold: 0.2,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
