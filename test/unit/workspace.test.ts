import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspace, initWorkspace, readState, updateState } from '../../src/core/workspace/workspace.js';
import { tempDir, testContext } from '../helpers/workspace.js';

describe('findWorkspace', () => {
  it('looks at --dir, then CONFNOTES_DIR, then ancestors, then the default', () => {
    const base = tempDir();
    const [a, b, c, home] = ['a', 'b', 'c', 'home'].map((name) => path.join(base, name));
    for (const dir of [a!, b!, c!]) initWorkspace(dir);
    initWorkspace(path.join(home!, 'confnotes'));
    const deep = path.join(c!, 'x', 'y');
    fs.mkdirSync(deep, { recursive: true });
    const ctx = testContext(deep, { env: { CONFNOTES_DIR: b }, homeDir: home! });
    expect(findWorkspace(ctx, a).root).toBe(a);
    expect(findWorkspace(ctx).root).toBe(b);
    expect(findWorkspace({ ...ctx, env: {} }).root).toBe(c);
    expect(findWorkspace({ ...ctx, cwd: base, env: {} }).root).toBe(path.join(home!, 'confnotes'));
  });

  it('says how to create one when there is none', () => {
    const base = tempDir();
    expect(() => findWorkspace(testContext(base))).toThrow(/confnotes init/);
    expect(() => findWorkspace(testContext(base), base)).toThrow(
      /is not a confnotes workspace; create it with: confnotes init/,
    );
  });
});

describe('initWorkspace', () => {
  it('never touches an existing workspace', () => {
    const dir = path.join(tempDir(), 'ws');
    expect(initWorkspace(dir).created).toBe(true);
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine');
    expect(initWorkspace(dir).created).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('mine');
  });
});

describe('state', () => {
  it('remembers the current conference and note, and survives a damaged file', () => {
    const dir = path.join(tempDir(), 'ws');
    initWorkspace(dir);
    const ws = findWorkspace(testContext(dir));
    updateState(ws, { conference: 'c1' });
    updateState(ws, { note: 'c1/n.md' });
    expect(readState(ws)).toEqual({ conference: 'c1', note: 'c1/n.md' });
    fs.writeFileSync(path.join(dir, '.confnotes', 'state.json'), '{broken');
    expect(readState(ws)).toEqual({});
  });
});
