/**
 * The @inquirer/prompts module with its prompts wrapped by @inquirer/testing's
 * screen, for `vi.mock('@inquirer/prompts', wrappedPrompts)` in each prompt
 * test file. @inquirer/testing registers its own mock only in the first file
 * that loads it, so without isolation (--no-isolate) each file must ask.
 */
import { wrapPrompt } from '@inquirer/testing/vitest';

type Prompts = typeof import('@inquirer/prompts');

export async function wrappedPrompts(importOriginal: () => Promise<Prompts>) {
  const actual = await importOriginal();
  const { checkbox, confirm, input, select } = actual;
  return {
    ...actual,
    checkbox: wrapPrompt(checkbox),
    confirm: wrapPrompt(confirm),
    input: wrapPrompt(input),
    select: wrapPrompt(select),
  };
}
