import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into dist/web, which the gateway serves at `/` (apps/gateway/src/http/web-app.ts).
// JSX goes through Vite's own transformer (oxc): @vitejs/plugin-react 6 cannot be installed beside
// jest's Babel 7 (peer conflict), and the build needs nothing else from it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Mantine marks its modules "use client" (for React Server Components): meaningless in this bundle.
    rolldownOptions: {
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npx vite --config apps/web/vite.config.mts` beside a running suite (`npm start`, port 3000).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
