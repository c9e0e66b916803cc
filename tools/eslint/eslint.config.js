// ESLint over every page script of the hall (run by .ci/run; here: npm ci && npm run lint). The pages are plain ES
// modules served as they are, so the rules are ESLint's recommended ones plus a few that catch slips in such code.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['**/bin/**', '**/obj/**', '**/node_modules/**', '**/wwwroot/lib/**'],
  },
  {
    files: ['QueueService/wwwroot/**/*.js', 'KioskApp/wwwroot/**/*.js', 'DisplayBoard/wwwroot/**/*.js', 'Contracts/wwwroot/js/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: {
        ...globals.browser,
        signalR: 'readonly',   // /_content/Hall.Contracts/lib/signalr/signalr.min.js, a classic script before the modules
        echarts: 'readonly',   // /lib/echarts/echarts.common.min.js on the supervision page
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-implicit-globals': 'error',
      'no-shadow': 'error',
    },
  },
];
