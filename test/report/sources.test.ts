/**
 * One definition of a source in the report: the story's independent sources are the cross-check's
 * groups (copies, rewrites of one dispatch, same wire, same outlet: stories/facts.ts), and the
 * cross-check's sources table says why two outlets are one source.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryCrossCheck } from '../../src/compare/index.js';
import { readBytes } from '../../src/ingest/index.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { buildReport } from '../../src/report/build.js';
import { reportExtras, reportSections } from '../../src/report/sections.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { reportHtml } from '../../src/ui/index.js';

// Invented wording: an agency's story of a ferry grounding, another outlet's cut rewrite of it (its
// own top, the agency's sentences below), and a third outlet's own report.
const AGENCY = [
  'A passenger ferry ran aground on a sandbank outside the harbour of Port Calder early on Saturday, leaving more than two hundred people stranded on board for several hours.',
  'The coastguard sent two lifeboats and a tug to the vessel, which had left the harbour on time in calm weather, the ferry company said.',
  'Passengers were given blankets and hot drinks while the crew waited for the rising tide to lift the hull off the sand in the early afternoon.',
  'The company said it had opened an inquiry into how the ferry strayed from the marked channel and would refund every ticket.',
  'The vessel, built in the nineteen nineties, carries up to four hundred passengers and sixty cars on the route to the islands.',
  'Its next two crossings were cancelled while divers examined the hull for damage, and travellers were offered places on a later sailing.',
].join(' ');
const REWRITE = [
  'Holiday plans were thrown into disarray for hundreds of travellers at the weekend.',
  'The coastguard sent two lifeboats and a tug to the vessel, which had left the harbour on time in calm weather, the ferry company said.',
  'Passengers were given blankets and hot drinks while the crew waited for the rising tide to lift the hull off the sand in the early afternoon.',
  'The company said it had opened an inquiry into how the ferry strayed from the marked channel and would refund every ticket.',
].join(' ');
const OWN =
  'Stranded ferry passengers at Port Calder told of a long wait on Saturday after their ship ran aground on a sandbank near the harbour mouth. ' +
  'Lifeboats stood by until the tide refloated the ship after lunch, and the operator promised to pay back all fares while it investigates.';

test('rewrites of one dispatch are one source in the report, and the sources table says why', async () => {
  const store = new Store(':memory:');
  const lines = [
    { id: 'f1', outlet: 'Harbour Agency', title: 'Ferry runs aground off Port Calder', text: AGENCY },
    { id: 'f2', outlet: 'Coast Evening News', title: 'Ferry aground: hundreds stranded off Port Calder', text: REWRITE },
    { id: 'f3', outlet: 'Valley Courier', title: 'Port Calder ferry passengers stranded on sandbank', text: OWN },
  ].map((x) => JSON.stringify({ ...x, published: '2024-06-15' }));
  const run = await ingestResults(store, readBytes('ferry.jsonl', Buffer.from(lines.join('\n')), 'jsonl'));
  const report = await buildReport(store, run, await updateStories(store), reportExtras(), 'lean');
  const story = report.stories.find((s) => s.articleCount === 3);
  assert.ok(story?.crossCheck, `one story of the three articles (${report.stories.map((s) => s.articleCount).join(', ')})`);
  assert.deepEqual(story.copies, [], 'not near-duplicates by the stories stage: the rewrite is cut and re-topped');
  const x = story.crossCheck as StoryCrossCheck;
  const reasonOf = new Map(x.sources.map((s) => [s.articleId, s.sourceReason ?? null]));
  const idOf = new Map(story.articles.map((a) => [a.title, a.id]));
  assert.equal(reasonOf.get(idOf.get('Ferry aground: hundreds stranded off Port Calder')!), 'dispatch');
  assert.equal(reasonOf.get(idOf.get('Port Calder ferry passengers stranded on sandbank')!), null);
  // one number everywhere: the story's count is the cross-check's
  assert.equal(x.independentSources, 2);
  assert.equal(story.independentSources, 2);
  assert.match(reportSections().markdown!(story), /\(rewrite of one dispatch\)/);
  // the story page marks the article that is one dispatch with its group's first, once
  assert.equal(reportHtml(report).match(/one dispatch with /g)?.length, 1);
  await store.close();
});
