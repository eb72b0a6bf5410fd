/**
 * JSON written in pieces: the same bytes as `JSON.stringify(value, null, indent)`, with the objects
 * and arrays of the first `depth` levels opened here and each value below them stringified on its
 * own. A report of 90,000 articles is then written article by article and never sits in one string.
 * An async iterable in place of an array is written as that array, its items produced as they are
 * written (a story's articles read from the store one at a time).
 */
export async function writeJson(value: unknown, write: (chunk: string) => void, opts: { indent?: number; depth?: number } = {}): Promise<void> {
  const indent = opts.indent ?? 0;
  const depth = opts.depth ?? 4;
  const newline = (level: number) => (indent ? `\n${' '.repeat(indent * level)}` : '');
  const put = async (v: unknown, level: number): Promise<void> => {
    if (level < depth && (Array.isArray(v) || isAsyncIterable(v))) {
      let n = 0;
      for await (const item of v) {
        write(`${n++ ? ',' : '['}${newline(level + 1)}`);
        // as JSON.stringify: an array item with no JSON value is null
        if (hasJsonValue(item)) await put(item, level + 1);
        else write('null');
      }
      write(n ? `${newline(level)}]` : '[]');
      return;
    }
    if (level < depth && v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      let n = 0;
      for (const [k, item] of Object.entries(v)) {
        // as JSON.stringify: a property with no JSON value (undefined, a function) is left out
        if (!hasJsonValue(item)) continue;
        write(`${n++ ? ',' : '{'}${newline(level + 1)}${JSON.stringify(k)}:${indent ? ' ' : ''}`);
        await put(item, level + 1);
      }
      write(n ? `${newline(level)}}` : '{}');
      return;
    }
    const s = JSON.stringify(v, null, indent);
    // a nested value's own line breaks indented to its level (JSON strings hold no raw line breaks)
    write(indent && level ? s.replaceAll('\n', newline(level)) : s);
  };
  await put(value, 0);
}

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

const hasJsonValue = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
