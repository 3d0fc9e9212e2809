/**
 * The YAML readers and writer, loaded on first use: `yaml`, gray-matter and
 * js-yaml's loader (fast-yaml.ts). Their set-up is the largest part of the
 * full CLI's start (~3 ms of ~4.5 for the file they land in), and a room
 * command on warm caches (`agenda`, `new --from`, a listing) parses no YAML
 * at all: its notes, conference.md, config and programme come from the
 * caches, and a plain value is written by yaml-text.ts without `yaml`. As
 * safe-write.ts does for write-file-atomic, each is a require() of the name,
 * so that the build bundles it and runs it only here.
 */
import type * as YamlModule from 'yaml';
import type grayMatterModule from 'gray-matter';

let yamlModule: typeof YamlModule | undefined;
let grayMatterFn: typeof grayMatterModule | undefined;

/** The `yaml` package. */
export function yamlLib(): typeof YamlModule {
  yamlModule ??= require('yaml') as typeof YamlModule;
  return yamlModule;
}

/** gray-matter's reader (only ever called with an options object: see front-matter.ts). */
export function grayMatter(): typeof grayMatterModule {
  grayMatterFn ??= require('gray-matter') as typeof grayMatterModule;
  return grayMatterFn;
}

/** Whether `yaml` has been loaded in this process (tests: a warm room command must not load it). */
export const yamlLoaded = (): boolean => yamlModule !== undefined;

// yaml's node tests, for the modules that look at a parsed Document (yaml is loaded by then).
export const isMap = <K = unknown, V = unknown>(node: unknown): node is YamlModule.YAMLMap<K, V> =>
  yamlLib().isMap<K, V>(node);
export const isSeq = <T = unknown>(node: unknown): node is YamlModule.YAMLSeq<T> => yamlLib().isSeq<T>(node);
export const isScalar = <T = unknown>(node: unknown): node is YamlModule.Scalar<T> =>
  yamlLib().isScalar<T>(node);
