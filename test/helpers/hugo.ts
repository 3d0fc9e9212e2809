/** Debian's hugo, building a site whose layouts write out every page's text (the e2e tests look for leaks in it). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** CI installs Debian's hugo; without it a test fails saying so, never skips. */
export function requireHugo(): void {
  if (spawnSync('hugo', ['version'], { encoding: 'utf8' }).status !== 0)
    throw new Error(
      'hugo is not installed; this test needs it (Debian: apt install hugo; .ci/run installs it)',
    );
}

/** Writes `config` as hugo.toml and minimal layouts (each page's title, text, summary and summary field), then builds into out/. */
export function buildSite(site: string, config: string) {
  fs.writeFileSync(path.join(site, 'hugo.toml'), config);
  fs.mkdirSync(path.join(site, 'layouts', '_default'), { recursive: true });
  fs.writeFileSync(
    path.join(site, 'layouts', '_default', 'single.html'),
    '<h1>{{ .Title }}</h1>{{ .Content }}{{ .Summary }}{{ .Params.summary }}\n',
  );
  fs.writeFileSync(
    path.join(site, 'layouts', '_default', 'list.html'),
    '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ .Summary }}{{ end }}\n',
  );
  return spawnSync('hugo', ['--quiet', '-d', 'out'], { cwd: site, encoding: 'utf8', timeout: 120_000 });
}
