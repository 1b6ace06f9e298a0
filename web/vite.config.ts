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
        // React and the router change less often than the console and every page needs them: their own long-cached
        // file. Ant Design is left to the bundler, so the sign-in form's chunk holds only the components it uses and
        // the rest arrive with the signed-in console (ConsoleRoutes loads it lazily).
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
});
