import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuotes } from '/work/wt-quotes/src/analyse/quotes.js';
import { splitSentences, tokenize } from '/work/wt-quotes/src/analyse/tokenize.js';
import { recogniseEntities } from '/work/wt-quotes/src/analyse/entities/index.js';
import { parseSentences } from '/work/wt-quotes/src/analyse/syntax/index.js';
import { loadGold } from '/work/wt-quotes/scripts/eval-quotes.js';
const dir = process.argv[2]; const from = Number(process.argv[3]); const to = Number(process.argv[4]);
const names = readdirSync(join(dir,'text')).filter(f=>f.endsWith('.txt')).sort().slice(from,to);
const anns = readdirSync(join(dir,'attributions')).sort();
const byLemma = new Map<string,{tp:number,fp:number,pos:string}>();
const spk = new Map<string,{ok:number,bad:number}>();
const goldCue = new Map<string,number>();
for (const name of names) {
  const base = name.slice(0,-4);
  const ann = anns.find(f=>f.startsWith(base+'_'));
  if(!ann) continue;
  const text = readFileSync(join(dir,'text',name),'utf8');
  const gold = loadGold(text, readFileSync(join(dir,'attributions',ann),'utf8'));
  const sents = splitSentences(text);
  const ents = recogniseEntities(text, sents);
  const quotes = findQuotes(text, sents, ents);
  const { tokens } = parseSentences(text, sents);
  const at = (pos:number) => tokens.findIndex(t=>t.start<=pos && pos<t.end);
  for (const g of gold) if (g.cueText) { const i = at(text.indexOf(g.cueText, g.content.start-400 <0?0:g.content.start-400)); }
  for (const q of quotes) {
    const hit = gold.some(g => g.content.start < q.span.end && q.span.start < g.content.end);
    let key = q.cue ? (()=>{const i=at(q.cue!.span.start); return i<0?'?':tokens[i].lemma.toLowerCase()+'/'+tokens[i].upos;})() : 'NOCUE';
    key = q.kind+':'+key;
    const e = byLemma.get(key) ?? {tp:0,fp:0,pos:''}; if(hit) e.tp++; else e.fp++; byLemma.set(key,e);
  }
}
const rows=[...byLemma].sort((a,b)=>(b[1].tp+b[1].fp)-(a[1].tp+a[1].fp));
for (const [k,v] of rows) console.log(k.padEnd(30), v.tp, v.fp, (v.tp/(v.tp+v.fp)).toFixed(2));
