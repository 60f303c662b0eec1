// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  { ignores: ['node_modules/**', '.data/**', 'coverage/**', 'dist/**'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The domain core stays pure: no transport, queue, LLM or I/O imports.
    files: ['src/report/**/*.ts', 'src/text/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'net', 'http', 'ioredis', 'bullmq', 'openai', '@larksuiteoapi/*', '**/feishu/**', '**/queue/**', '**/llm/**', '**/reminders/**'], message: 'src/report is the pure domain core: no I/O imports.' },
        ],
      }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['**/*.cjs'], languageOptions: { globals: globals.commonjs, sourceType: 'commonjs' } },
);
