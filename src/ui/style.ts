/**
 * The one stylesheet of the web UI and report.html. Mobile first where it matters: below 800 px
 * everything is one column, wide tables scroll inside their own box (never the page), table rows of
 * the stories list become cards, and the evidence viewer is a bottom sheet that opens on a tap.
 */
export const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9;overflow-wrap:anywhere}
header.top{background:#1d2a3a;color:#fff;padding:10px 24px;display:flex;gap:8px 24px;align-items:baseline;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none}header.top .brand{font-weight:700;font-size:18px}
header.top nav a{margin-right:16px;opacity:.85}header.top nav a:hover{opacity:1;text-decoration:underline}
header.top .sub{font-size:13px;opacity:.85}
.wrap{padding:16px 24px;max-width:1500px;margin:0 auto}
h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:22px 0 8px;border-bottom:1px solid #dde;padding-bottom:3px}h3{font-size:15px;margin:14px 0 6px}
.meta{color:#555;font-size:13px}.muted{color:#777}
table{border-collapse:collapse;width:100%;font-size:13.5px;background:#fff}td,th{border-bottom:1px solid #e6e6ea;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f0f1f4;font-weight:600}
a{color:#1b4f9c}
code{overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;background:#e8e8ec;margin:0 2px;max-width:100%}
.b-conflict,.st-disputed{background:#ffd6d6;color:#8a1010}.b-ok,.st-established{background:#d8f5d8;color:#135c13}.b-single,.st-single{background:#eee;color:#444}.b-pending{background:#fff3c4}
.card{background:#fff;border:1px solid #dde;border-radius:8px;padding:10px 14px;margin:10px 0}
form.filters,.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;margin:8px 0 14px}
form.filters label,.filters label{font-size:12px;color:#555;display:flex;flex-direction:column;min-width:0}
fieldset.filters{border:1px solid #dde;border-radius:6px;padding:6px 10px}
form.filters label.check,.filters label.check{flex-direction:row;gap:4px;align-items:center;font-size:13px}
input,select,textarea,button{font:inherit;max-width:100%}input,select{padding:4px 6px;border:1px solid #bbc;border-radius:4px}
button,.button{display:inline-block;padding:5px 14px;border:1px solid #1d2a3a;background:#1d2a3a;color:#fff;border-radius:4px;cursor:pointer;text-decoration:none;font-size:14px}
button.secondary,.button.secondary{background:#fff;color:#1d2a3a}
textarea{width:100%;min-height:200px;padding:8px;border:1px solid #bbc;border-radius:4px;font:13px/1.4 ui-monospace,monospace}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:24px}
#viewer{position:sticky;top:8px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;font-size:14px}
#viewer .vtext{white-space:pre-wrap}
#viewer-close{display:none}
.ev{cursor:pointer;color:inherit;text-decoration:none;border-bottom:1px dashed #88a}.ev:hover,.ev:focus{background:#eef;outline:none}
.ev.row{display:block;border-bottom:0;padding:2px 4px;border-radius:4px}
mark{background:#ffe066}.sent{background:#fff6c8}
.cites{white-space:normal}
.cite{display:inline-block;font-size:12px;border:1px solid #c9d3e6;border-radius:10px;padding:0 7px;margin:1px 2px;background:#f3f6fc;color:#1b4f9c;text-decoration:none;cursor:pointer;white-space:nowrap;max-width:100%;overflow:hidden;text-overflow:ellipsis;vertical-align:middle}
.cite:hover,.cite:focus{background:#dfe9ff}
.brief p{margin:6px 0}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,220px),1fr));gap:8px;margin:6px 0}
.sides>.ev{background:#fff6f0;border:1px solid #f0c8a8;border-radius:6px;padding:6px 8px}
.sides .value{font-weight:700}
ol.steps{margin:6px 0;padding-left:22px}ol.steps>li.ev{background:#f3f8f0;border:1px solid #cfe3c4;border-radius:6px;padding:4px 8px;margin:4px 0}ol.steps .value{font-weight:700}.b-evolving{background:#dff0d8;color:#2f5a1f}
.scroll{overflow-x:auto;max-width:100%}
ul.facts{list-style:none;padding:0;margin:0}ul.facts li{background:#fff;border-bottom:1px solid #eee;padding:4px 6px}
details>summary{cursor:pointer;font-weight:600;margin:8px 0}
.card.speaker{padding:2px 12px;margin:4px 0}.card.speaker>summary{margin:5px 0}
.statement{margin:6px 0;padding:3px 6px;border-radius:6px}.statement.grouped{background:#f3f6fc;border:1px solid #c9d3e6}
.wording{margin:4px 0 4px 10px;padding-left:8px;border-left:3px solid #c9d3e6}
.coverage{display:block;border-radius:4px;border:1px solid #ccd;margin:6px 0;background:#fff}
.coverage-legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:0;padding:0;list-style:none}
.coverage-legend .sw{margin-right:4px;vertical-align:middle}
.framing td,.framing th,.matrix td,.matrix th{overflow-wrap:normal}.matrix td.c{text-align:center}.matrix td.yes{background:#d8f5d8}.matrix td.conf{background:#ffd6d6}
.story-row td:first-child a{font-weight:600}
.live{font-size:12px;color:#1b6b1b}
.actions{display:flex;flex-wrap:wrap;gap:4px 6px;margin:6px 0;align-items:center}.actions .button{font-size:12.5px;padding:1px 8px}
.article-text{background:#fff;border:1px solid #dde;border-radius:8px;padding:14px 18px;white-space:pre-wrap;font-size:15px;line-height:1.65}
.article-text .ent{background:#dfe9ff;border-radius:2px}.article-text .ent-PER{background:#e3dcff}.article-text .ent-LOC{background:#d6f3e9}.article-text .ent-ORG{background:#ffe9c7}
.article-text .q{border-bottom:2px solid #c07a00}.article-text .tm{outline:1px solid #2f8f2f;outline-offset:-1px}.article-text .qty{text-decoration:underline 2px #b0306a}
body.hide-ent .article-text .ent{background:none}body.hide-q .article-text .q{border:0}body.hide-tm .article-text .tm{outline:0}body.hide-qty .article-text .qty{text-decoration:none}
.legend label{margin-right:14px;font-size:13px;white-space:nowrap}.legend .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:3px}
.sw-ent{background:#e3dcff}.sw-q{border-bottom:2px solid #c07a00}.sw-tm{outline:1px solid #2f8f2f}.sw-qty{border-bottom:2px solid #b0306a}
details.removed pre{white-space:pre-wrap;background:#fbfbfb;border:1px solid #eee;padding:6px;font-size:13px}
.notice{background:#fff3c4;border:1px solid #e8d27a;padding:6px 10px;border-radius:6px;margin:8px 0}
.err{color:#a00}.ok{color:#135c13}
ul.outcomes li{margin:2px 0}
progress{width:100%;max-width:420px;height:14px}
section.story{background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;margin-bottom:20px}
@media (max-width:800px){
  .wrap{padding:10px 12px}
  header.top{padding:8px 12px}
  .grid{display:block}
  #viewer{position:fixed;left:0;right:0;bottom:0;top:auto;max-height:55vh;border-radius:12px 12px 0 0;box-shadow:0 -4px 18px rgba(0,0,0,.25);z-index:10;transform:translateY(110%);transition:transform .15s;padding:10px 14px 16px}
  #viewer.open{transform:none}
  #viewer-close{display:block;position:sticky;top:0;margin-left:auto}
  body.sheet-open{padding-bottom:56vh}
  table.stack thead{display:none}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
  table.stack tr{border-bottom:1px solid #dde;padding:6px 0}
  table.stack td{border:0;padding:1px 6px}
  table.stack td[data-label]::before{content:attr(data-label) ": ";color:#777;font-size:12px}
  #stories.stack td[data-label]{display:inline-block;width:auto;margin-right:6px}
  table.framing td.concept{font-weight:600;padding-top:6px}
}
`;
