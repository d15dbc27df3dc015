import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app lives in web/ but imports the shared zod contracts and pure domain helpers
// from ../src, so the dev server must be allowed to read the whole repository.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Maps would hand the whole source to anyone who asks; the server refuses *.map as well.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': process.env.VIZIT_API_URL ?? 'http://localhost:3000' },
  },
});
