/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bundle is written straight into target/classes/static so that Maven packs it into the
// web-ui jar under static/ — Spring (the gateway) serves classpath:/static/ at "/".
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    // scripts/bundle-size.mjs reads it to measure what each area loads first
    manifest: true,
    // the consoles' heavy libraries get chunks of their own, so that the size check can prove the owner app
    // never loads them
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          // what every page needs; named, or Rollup would move it into the first manual chunk that uses it
          if (/node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser|i18next|react-i18next|html-parse-stringify|void-elements)\//.test(id)) {
            return 'react';
          }
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[a-z-]+)\//.test(id)) return 'antd';
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // `npm run dev`: the backend (gateway) runs on 8080; the dev server forwards API calls to it.
    proxy: {
      '/api': {
        target: 'http://localhost:8080',
        changeOrigin: true,
      },
      '/ui-config.json': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/setupTests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.mjs'],
    // Ant Design renders slowly in jsdom, more so on a busy build machine
    testTimeout: 60000,
    css: false,
  },
});
