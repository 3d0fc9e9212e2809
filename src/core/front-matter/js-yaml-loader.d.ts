// The parts of js-yaml 3 (installed with gray-matter) that fast-yaml.ts loads directly, without its full schema.
declare module 'js-yaml/lib/js-yaml/loader.js' {
  export function load(source: string, options: { schema: unknown }): unknown;
}
declare module 'js-yaml/lib/js-yaml/schema.js' {
  export default class Schema {
    constructor(definition: { include: unknown[]; implicit: unknown[] });
  }
}
declare module 'js-yaml/lib/js-yaml/type.js' {
  export default class Type {
    constructor(
      tag: string,
      options: { kind: 'scalar'; resolve(data: string): boolean; construct(data: string): unknown },
    );
  }
}
declare module 'js-yaml/lib/js-yaml/schema/failsafe.js' {
  const failsafe: unknown;
  export default failsafe;
}
