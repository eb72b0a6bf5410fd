import type { ComponentChildren } from 'preact';
import { CSS } from './style.js';
import { scriptJson } from './render.js';

/** Where a page is shown: served by `triangulate serve` (nonce CSP, nav) or as a standalone report.html file. */
export interface PageContext {
  mode: 'web' | 'file';
  /** Per-response CSP nonce of served pages. */
  nonce?: string;
}

/** An inline script: the code is ours (constants), never data. */
export function Script({ ctx, code }: { ctx: PageContext; code: string }) {
  return <script nonce={ctx.nonce} dangerouslySetInnerHTML={{ __html: code }} />;
}

/** Data for the page scripts, inert: JSON in a non-executable script element, escaped by scriptJson. */
export function JsonData({ id, value }: { id: string; value: unknown }) {
  return <script type="application/json" id={id} dangerouslySetInnerHTML={{ __html: scriptJson(value) }} />;
}

const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function Page(props: { ctx: PageContext; title: string; subtitle?: string; scripts?: string[]; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        {ctx.mode === 'file' && <meta http-equiv="Content-Security-Policy" content={FILE_CSP} />}
        <title>{`${props.title} · Triangulate`}</title>
        <style nonce={ctx.nonce} dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header class="top">
          {ctx.mode === 'web' ? (
            <>
              <a class="brand" href="/">Triangulate</a>
              <nav>
                <a href="/">Stories</a>
                <a href="/add">Add articles</a>
                <a href="/api/openapi.json">API</a>
              </nav>
            </>
          ) : (
            <>
              <span class="brand">Triangulate report</span>
              {props.subtitle && <span class="sub">{props.subtitle}</span>}
            </>
          )}
        </header>
        <div class="wrap">{props.children}</div>
        {(props.scripts ?? []).map((code) => (
          <Script ctx={ctx} code={code} />
        ))}
      </body>
    </html>
  );
}

/** The evidence viewer: a sticky side pane on wide screens, a bottom sheet on phones. */
export function Viewer() {
  return (
    <aside id="viewer" aria-live="polite">
      <button type="button" id="viewer-close" class="secondary" aria-label="close">
        Close
      </button>
      <div class="vbody">Tap or click a fact, quote, conflict side or outlet name to read its sentence in the article.</div>
    </aside>
  );
}
