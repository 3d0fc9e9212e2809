/**
 * The programme domain as the rest of the tree sees it (commands, check): the
 * model, programme.yml, re-import matching and choosing entries. Modules inside
 * this folder import the one module they need instead.
 */
export * from './programme-choose.js';
export * from './programme-match.js';
export * from './programme-model.js';
export * from './programme-store.js';
