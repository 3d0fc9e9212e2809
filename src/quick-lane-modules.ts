/**
 * The modules the quick lane (src/quick.ts → dist/quick.cjs: `jot`, `current`,
 * `--version`) may bundle. Everything here starts in a few milliseconds and
 * pulls in no YAML parser, no store, no markdown-it, no prompts, no renderer,
 * no commander and no chalk. test/unit/quick-bundle.test.ts (esbuild's account
 * of a build) and test/e2e/launcher.e2e.test.ts (the built file) fail when the
 * bundle holds a module not on this list: adding one is a decision
 * about start-up time, to be measured with `npm run bench`.
 * Not imported by the quick lane itself, so it costs the lane nothing.
 */
export const QUICK_LANE_MODULES: readonly string[] = [
  'bin/quick-words.json',
  'src/quick.ts',
  'src/quick-args.ts',
  'src/context.ts',
  'src/errors.ts',
  'src/exit.ts',
  'src/fd-io.ts',
  'src/io.ts',
  'src/process-clock.ts',
  'src/process-context.ts',
  'src/version.ts',
  'src/visible.ts',
  'src/ui/colors.ts',
  'src/commands/current.ts',
  'src/commands/jot-lines.ts',
  'src/commands/paths.ts',
  'src/core/clock.ts',
  'src/core/safe-write.ts',
  'src/core/fs/contained.ts',
  'src/core/fs/lock.ts',
  'src/core/front-matter/front-matter-bounds.ts',
  'src/core/jot/current-note.ts',
  'src/core/jot/jot-target.ts',
  'src/core/jot/jot.ts',
  'src/core/jot/jot-write.ts',
  'src/core/jot/slot.ts',
  'src/core/markdown/headings.ts',
  'src/core/note/note-size.ts',
  'src/core/workspace/layout.ts',
  'src/core/workspace/read-inside.ts',
  'src/core/workspace/workspace.ts',
];
