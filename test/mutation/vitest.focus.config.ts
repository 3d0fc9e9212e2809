// The unit test config with only the files in MUTATE_TESTS (comma-separated); see stryker.focus.config.mjs.
import { defineConfig } from 'vitest/config';
import unit from '../../vitest.unit.config.js';

const files = (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('MUTATE_TESTS names no test file');

export default defineConfig({ ...unit, test: { ...unit.test, include: files } });
