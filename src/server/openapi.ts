/**
 * OpenAPI 3.1 document generated from the route schemas Fastify validates requests with (and the
 * response schemas the routes declare for documentation). Sub-schemas carrying a TypeBox `$id`
 * become components referenced by `$ref`.
 */

export interface RouteDoc {
  method: string;
  url: string;
  summary: string;
  /** Write routes need the bearer token when the server has one. */
  auth?: boolean;
  querystring?: unknown;
  params?: unknown;
  /** Request bodies per content type. */
  body?: Record<string, unknown>;
  /** Responses per status code: [description, schema or null, content type]. */
  responses: Record<string, [string, unknown, string?]>;
}

type Json = Record<string, unknown>;

function clean(schema: unknown, components: Json): unknown {
  if (Array.isArray(schema)) return schema.map((s) => clean(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === '$id') continue;
    out[k] = clean(v, components);
  }
  const id = (schema as Json).$id;
  if (typeof id === 'string') {
    const name = id.replace(/^.*\//, '').replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!components[name]) components[name] = out;
    return { $ref: `#/components/schemas/${name}` };
  }
  return out;
}

function parameters(where: 'query' | 'path', schema: unknown, components: Json): Json[] {
  const s = schema as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  if (!s?.properties) return [];
  return Object.entries(s.properties).map(([name, p]) => {
    const { description, ...rest } = (p ?? {}) as Json;
    return {
      name,
      in: where,
      required: where === 'path' || (s.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: clean(rest, components),
    };
  });
}

export function openApiDocument(routes: RouteDoc[], info: { title: string; version: string; description?: string }): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  const sorted = [...routes].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.method < b.method ? -1 : 1));
  for (const r of sorted) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Json = { summary: r.summary, operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}` };
    const params = [...parameters('path', r.params, components), ...parameters('query', r.querystring, components)];
    if (params.length) op.parameters = params;
    if (r.body) {
      op.requestBody = {
        required: true,
        content: Object.fromEntries(Object.entries(r.body).map(([ct, s]) => [ct, { schema: clean(s, components) }])),
      };
    }
    op.responses = Object.fromEntries(
      Object.entries(r.responses).map(([code, [description, schema, ct]]) => [
        code,
        schema === null ? { description } : { description, content: { [ct ?? 'application/json']: { schema: clean(schema, components) } } },
      ]),
    );
    if (r.auth) op.security = [{ bearer: [] }, {}];
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => (a < b ? -1 : 1))),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the --token given to `triangulate serve` (writes only)' } },
    },
  };
}
