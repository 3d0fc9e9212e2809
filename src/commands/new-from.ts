import { UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import type { NewOptions } from './new.js';

/** Scaffolds a note from a programme entry (issue 6: import). */
export async function run(_env: CommandEnv, _titleWords: string[], options: NewOptions): Promise<void> {
  throw new UsageError(`--from ${options.from}: no programme support yet`);
}
