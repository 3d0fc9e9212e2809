// Stands in for js-yaml's schema/default_full inside the bundle (scripts/build.mjs). js-yaml's loader
// requires it as the default schema of load(), and it requires esprima for its !!js/function type.
// src/core/front-matter/fast-yaml.ts always passes a schema of its own, so the safe schema stands in.
'use strict';
module.exports = require('js-yaml/lib/js-yaml/schema/default_safe.js');
