/** Temporary workspaces for tests, built with the same core the CLI uses. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../../src/context.js';
import { initWorkspace, findWorkspace, type Workspace } from '../../src/core/workspace/workspace.js';

export function tempDir(prefix = 'confnotes-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function testContext(cwd: string, extra: Partial<Context> = {}): Context {
  return {
    cwd,
    env: { HOME: cwd },
    homeDir: cwd,
    now: () => new Date('2013-04-16T18:02:00Z'),
    ...extra,
  };
}

/** A workspace with one conference folder (`conf`) whose conference.md is given. */
export function makeWorkspace(conference = defaultConference): {
  root: string;
  ws: Workspace;
  confDir: string;
} {
  const root = path.join(tempDir(), 'ws');
  initWorkspace(root);
  const confDir = path.join(root, 'conf');
  fs.mkdirSync(confDir);
  fs.writeFileSync(path.join(confDir, 'conference.md'), conference);
  return { root, ws: findWorkspace(testContext(root)), confDir };
}

export const defaultConference = `---
name: Test Conf 2013
location: Portland
start: 2013-04-15
end: 2013-04-18
timezone: America/Los_Angeles
---
## Introduction

Hello.
`;

export function note(fields: Record<string, string>, body = '## Notes\n'): string {
  const base: Record<string, string> = {
    title: 'A talk',
    type: 'session',
    conference: 'conf',
    date: '2013-04-16',
    start: '"10:00"',
    end: '"10:40"',
  };
  const all = { ...base, ...fields };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** Every file under a folder with its bytes, to prove nothing else changed. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(dir, full), fs.readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return files;
}
