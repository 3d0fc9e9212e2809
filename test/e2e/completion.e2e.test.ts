import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

function workspace() {
  const home = tempDir();
  const ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  confnotes(['conf', 'new', 'Summit 2013', '--start', '2013-04-15', '--end', '2013-04-18'], { cwd: ws });
  confnotes(['new', 'Fibre Channel', '--tag', 'storage', '--at', '2013-04-16 11:00'], { cwd: ws });
  return { home, ws };
}

/** Runs bash with the generated script and asks it to complete a command line. */
function bashComplete(ws: string, home: string, line: string): string[] {
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'confnotes'), `#!/bin/sh\nexec node ${JSON.stringify(BIN)} "$@"\n`, {
    mode: 0o755,
  });
  const script = confnotes(['completion', 'bash'], { cwd: ws }).stdout;
  fs.writeFileSync(path.join(home, 'c.bash'), script);
  const words = line.split(' ');
  const driver = `source ${JSON.stringify(path.join(home, 'c.bash'))}
COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')}); COMP_CWORD=${words.length - 1}
_confnotes; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', driver], {
    cwd: ws,
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: home },
    encoding: 'utf8',
  });
  return result.stdout.split('\n').filter(Boolean);
}

describe('completion', () => {
  it('prints scripts that the shells accept', () => {
    const { ws } = workspace();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = confnotes(['completion', shell], { cwd: ws });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('confnotes');
    }
    const bash = confnotes(['completion', 'bash'], { cwd: ws }).stdout;
    expect(spawnSync('bash', ['-n'], { input: bash }).status).toBe(0);
    expect(confnotes(['completion', 'tcsh'], { cwd: ws }).code).toBe(2);
  });

  it('completes commands, options, note ids, tags and conference slugs in bash', () => {
    const { ws, home } = workspace();
    expect(bashComplete(ws, home, 'confnotes j')).toEqual(['jot']);
    expect(bashComplete(ws, home, 'confnotes list --fav')).toEqual(['--favourite']);
    expect(bashComplete(ws, home, 'confnotes tag 2013')).toEqual(['2013-04-16-1100-fibre-channel']);
    expect(bashComplete(ws, home, 'confnotes tag 2013-04-16-1100-fibre-channel st')).toEqual(['storage']);
    expect(bashComplete(ws, home, 'confnotes list --tag st')).toEqual(['storage']);
    expect(bashComplete(ws, home, 'confnotes conf use s')).toEqual(['summit-2013']);
    expect(bashComplete(ws, home, 'confnotes conf u')).toEqual(['use']);
    expect(bashComplete(ws, home, 'confnotes new --type work')).toEqual(['workshop']);
  });
});
