import { ReportSchema } from './schema.js';

/** Drops the nested `$id`s TypeBox keeps on shared sub-schemas: inlined copies must not redeclare an id. */
function stripNestedIds(node: unknown, root: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => stripNestedIds(n, false));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$id' && !root) continue;
      out[k] = stripNestedIds(v, false);
    }
    return out;
  }
  return node;
}

/** The published JSON Schema of report.json, as text (draft 2020-12). */
export function reportJsonSchema(): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...(stripNestedIds(JSON.parse(JSON.stringify(ReportSchema)), true) as object) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
