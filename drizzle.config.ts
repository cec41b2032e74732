import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/shared/*/schema.ts', './src/modules/*/db/schema.ts'],
  out: './db/migrations',
  casing: 'snake_case',
});
