import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheckTexts, publishedAt } from './story.js';

// Invented wording: what a corroborated fact may hold (one statement, made by two independent outlets).
const PUBLISHED = publishedAt('2011-01-06T12:00:00Z');
const LEAD = 'A flood swept through the valley town of Norhaven overnight, leaving hundreds homeless.\n\n';
const check = (texts: string[]) => crossCheckTexts(texts, PUBLISHED, { lead: LEAD });
/** The corroborated facts other than the shared lead, as the ids of the articles they cite. */
const corroborated = (texts: string[]) =>
  check(texts)
    .facts.filter((f) => f.status === 'corroborated' && !f.statement.startsWith('A flood'))
    .map((f) => f.evidence.map((e) => e.articleId));

describe('corroborated facts', () => {
  it('two different things one speaker said are not one fact, however alike the attributions', () => {
    const facts = corroborated([
      '"The water rose faster than anyone here expected," said Mara Tellwyn, the council\'s flood relief coordinator, speaking to reporters on Tuesday evening.',
      '"We have opened the school gym as a shelter for tonight," said Mara Tellwyn, the council\'s flood relief coordinator, speaking to reporters on Tuesday evening.',
    ]);
    assert.deepEqual(facts, []);
  });
  it('the same words quoted by two outlets are one fact', () => {
    const facts = corroborated([
      '"The water rose faster than anyone here expected," said Mara Tellwyn, the council\'s flood relief coordinator, speaking to reporters on Tuesday evening.',
      '"The water rose faster than anyone here expected," Mara Tellwyn, the council\'s flood relief coordinator, told reporters on Tuesday evening.',
    ]);
    assert.equal(facts.length, 1);
  });
  it('an article counts once in a fact: its sentence about something else does not join it', () => {
    // the compound sentence of the second outlet links the finding and the charge; the first
    // outlet tells them in two sentences, which must not both be one fact's evidence
    const x = check([
      'Rescuers found the bodies of two fishermen in a flooded cellar on Market Street on Tuesday morning. Police charged the owner of the cellar, Tomas Varga, with negligence in the deaths of the two fishermen.',
      'Cellar owner Tomas Varga was charged with negligence in the deaths of two fishermen whose bodies were found in his flooded cellar on Market Street on Tuesday morning.',
      'The bodies of two fishermen were found in a flooded cellar on Market Street on Tuesday morning.',
      'The owner of the cellar, Tomas Varga, was charged with negligence in the deaths of the two fishermen.',
    ]);
    const finding = x.facts.find((f) => f.status === 'corroborated' && f.evidence.length > 1 && f.statement.includes('fishermen'));
    assert.ok(finding, 'the finding of the bodies is corroborated');
    const first = finding.evidence.filter((e) => e.articleId === 'a0');
    assert.equal(first.length, 1);
  });
  it('sentences that share only names state different things about the same people', () => {
    const facts = corroborated([
      'Norhaven County Sheriff Adalbert Brenning and Mayor Ilse Quandt of Norhaven met at dawn.',
      'Reporters at the scene saw Norhaven County Sheriff Adalbert Brenning and Mayor Ilse Quandt of Norhaven.',
    ]);
    assert.deepEqual(facts, []);
  });
  it('a sentence of one outlet that states two things does not chain them into one fact', () => {
    const x = check([
      'Protesters tried to storm the Norhaven town hall on Tuesday as two firefighters died when a riverbank warehouse collapsed during the riots.',
      'Protesters tried to storm the Norhaven town hall on Tuesday during the riots.',
      'Rioting protesters tried to storm the Norhaven town hall on Tuesday.',
      'Two firefighters died when a riverbank warehouse collapsed during the Norhaven riots.',
      'During the riots two firefighters died when a riverbank warehouse collapsed.',
    ]);
    const facts = x.facts.filter((f) => f.status === 'corroborated' && !f.statement.startsWith('A flood')).map((f) => [...f.articles].sort());
    // the storming (the compound sentence joins it) and the firefighters' deaths, each its own fact
    assert.deepEqual(facts.sort(), [
      ['a0', 'a1', 'a2'],
      ['a3', 'a4'],
    ]);
  });
});

