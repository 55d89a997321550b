import { createTheme, CSSVariablesResolver, darken, luminance } from '@mantine/core';

/** WCAG AA for text: what axe's color-contrast rule asks. */
const TEXT_CONTRAST = 4.5;

/**
 * Mantine's defaults tuned to pass axe's contrast rule (WCAG AA 4.5:1): darker filled shades, text
 * on colored buttons chosen by contrast (the portal's orange gets dark text), darker dimmed and error text.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  // Dark text from this luminance up: orange.8 and teal.8 (about 0.21-0.26) fail 4.5:1 with white.
  luminanceThreshold: 0.2,
});

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `text` darkened in small steps until it reads at 4.5:1 on `background`. */
function readableOn(text: string, background: string): string {
  let color = text;
  for (let step = 0.05; contrast(color, background) < TEXT_CONTRAST && step < 1; step += 0.05) color = darken(text, step);
  return color;
}

/**
 * The "light" variant (the active menu entry, light buttons and badges, subtle buttons on hover)
 * writes shade 9 on shade 1, and on shade 2 under the pointer: 4.13:1 for indigo, less for red,
 * green or orange. Its text is darkened per color until it passes on the hover background too.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A field's message and its text in error are red-6 by default: 3.3:1 on white.
    '--mantine-color-error': readableOn(resolved.colors.red[6], resolved.white),
    ...Object.fromEntries(
      Object.entries(resolved.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, readableOn(shades[9], shades[2])]),
    ),
  },
  dark: {},
});
