import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset URLs: the same build is served at /console/ (standalone) and /api/console/ (Functions host);
// the server writes the matching <base href> into index.html.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Ant Design and React change less often than the console: their own long-cached file.
        manualChunks(id: string) {
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
