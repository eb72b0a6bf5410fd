import { type PageContext, Page } from './layout.js';
import { ADD_SCRIPT } from './add-script.js';

const FORMATS: [string, string][] = [
  ['', 'detect'],
  ['text', 'text'],
  ['html', 'HTML'],
  ['json', 'JSON'],
  ['jsonl', 'JSON Lines'],
  ['feed', 'RSS/Atom'],
];

export function AddPage({ ctx, tokenRequired }: { ctx: PageContext; tokenRequired: boolean }) {
  return (
    <Page ctx={ctx} title="Add articles" scripts={[ADD_SCRIPT]}>
      <h1>Add articles</h1>
      <form id="add-form" class="card">
        <p>
          <label>
            Files (text, HTML, JSON, JSON Lines, RSS/Atom; several at once)
            <br />
            <input type="file" id="files" multiple />
          </label>
        </p>
        <p>
          <label>
            …or paste an article (plain text with its headline first, raw HTML, a JSON record or JSON Lines)
            <br />
            <textarea id="paste" spellcheck={false} />
          </label>
        </p>
        <div class="filters">
          <label>
            Name of the pasted document <input id="source" value="pasted" />
          </label>
          <label>
            Format
            <select id="format">
              {FORMATS.map(([v, label]) => (
                <option value={v}>{label}</option>
              ))}
            </select>
          </label>
          {tokenRequired && (
            <label>
              Token <input id="token" type="password" autocomplete="off" />
            </label>
          )}
        </div>
        <fieldset class="filters">
          <legend class="meta">Optional, for text and HTML without their own metadata</legend>
          <label>
            Outlet <input id="meta-outlet" />
          </label>
          <label>
            Published <input id="meta-published" type="date" />
          </label>
          <label>
            URL <input id="meta-url" type="url" placeholder="https://…" />
          </label>
        </fieldset>
        <p>
          <button type="submit">Add</button> <span id="add-status" class="meta" role="status" />
        </p>
        <progress id="upload-progress" hidden value="0" max="1" />
      </form>
      <h2>Results</h2>
      <ul id="results" class="outcomes" />
      <h2>
        Affected stories <span class="live">(update live)</span>
      </h2>
      <ul id="affected" />
    </Page>
  );
}
