// Vite build of the web app: root web/, output web/dist, served by the server at `/`.
// Dev: `npx vite --config web/vite.config.ts` (API calls are proxied to the server on :3000).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  resolve: {
    // The server's code, for the web app: type-only imports of API schemas (erased from the
    // bundle) and the plain values in src/contracts/ and src/core/ (no server library).
    alias: [{ find: /^@server\//, replacement: fileURLToPath(new URL('../src/', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows fonts and images from data: URLs, but keep fonts as files so they are cached.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
