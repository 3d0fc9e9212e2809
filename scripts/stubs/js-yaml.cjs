// Stands in for js-yaml inside the bundle (scripts/build.mjs). gray-matter
// loads js-yaml (and js-yaml tries esprima) as its default YAML engine, but
// confnotes always passes its own engine (src/core/front-matter/front-matter.ts) and parses
// YAML with the `yaml` library only. Leaving them out saves ~20 ms of start-up
// for every command that reads a note and removes a code-running YAML type.
'use strict';
function unused() {
  throw new Error(
    'js-yaml is not part of confnotes: front matter is parsed by src/core/front-matter/front-matter.ts',
  );
}
module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };
