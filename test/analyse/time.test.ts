import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scoreFixture } from '../../scripts/eval-time-quantities.js';
import { findTimes, resolveTimes } from '../../src/analyse/time.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { DateInfo, TimeExpr } from '../../src/model/types.js';
import { seedText as seed } from '../helpers.js';
import { assertLinear, withinCpu } from '../util/cpu-bound.js';

/** Friday 9 May 2025, as in seed 003's dateline (06:47 IST). */
const FRI_9_MAY: DateInfo = { iso: '2025-05-09T06:47:00+05:30', precision: 'minute', source: 'text' };
const THU_8_MAY: DateInfo = { iso: '2025-05-08', precision: 'day', source: 'input' };


function sentenceWith(text: string, fragment: string): string {
  const s = splitSentences(text)
    .map((x) => text.slice(x.start, x.end))
    .find((x) => x.includes(fragment));
  assert.ok(s, fragment);
  return s;
}

function times(sentence: string, published: DateInfo | null): TimeExpr[] {
  return findTimes(sentence, splitSentences(sentence), published);
}

function valueAt(list: TimeExpr[], text: string): string | null | undefined {
  return list.find((t) => t.text.includes(text))?.value;
}

describe('findTimes on the seeds', () => {
  it('"on Thursday" in an article of Friday 9 May 2025 is 2025-05-08', () => {
    const s = sentenceWith(seed('003'), 'Xi Jinping on Thursday reaffirmed');
    const t = times(s, FRI_9_MAY);
    assert.equal(valueAt(t, 'Thursday'), '2025-05-08');
    assert.equal(t[0].kind, 'weekday');
    assert.equal(t[0].inferred, false);
  });

  it('tense decides bare weekdays: arrived on Wednesday (past), the parade on Friday (future)', () => {
    const s = sentenceWith(seed('003'), 'Xi arrived here on Wednesday');
    const t = times(s, FRI_9_MAY);
    assert.equal(valueAt(t, 'Wednesday'), '2025-05-07');
    assert.equal(valueAt(t, 'Friday'), '2025-05-09');
    const later = times(sentenceWith(seed('003'), 'in September to mark'), FRI_9_MAY);
    assert.equal(valueAt(later, 'September'), '2025-09');
  });

  it('"5 p.m. ET Tuesday" is 2025-05-06T17:00-04:00; "last month" is 2025-04; "by 2030" is a deadline', () => {
    const text = seed('004');
    const t = times(sentenceWith(text, '5 p.m. ET Tuesday'), THU_8_MAY);
    assert.equal(valueAt(t, '5 p.m. ET Tuesday'), '2025-05-06T17:00-04:00');
    assert.equal(t.find((x) => x.text.includes('5 p.m.'))?.kind, 'datetime');
    assert.equal(valueAt(times(sentenceWith(text, 'declared by Putin last month'), FRI_9_MAY), 'last month'), '2025-04');
    const deadline = times(sentenceWith(text, 'by 2030'), FRI_9_MAY).find((x) => x.text.includes('2030'));
    assert.equal(deadline?.kind, 'deadline');
    assert.equal(deadline?.value, '2030');
  });

  it('undated article: relative expressions stay unresolved with an anchor, resolveTimes resolves them later', () => {
    const s = sentenceWith(seed('001'), 'told Fox News on Wednesday');
    const t = times(s, null);
    assert.equal(t.length, 1);
    assert.equal(t[0].value, null);
    assert.equal(t[0].kind, 'weekday');
    assert.equal(t[0].anchor, 'weekday:wednesday:past');
    const [r] = resolveTimes(t, FRI_9_MAY, true);
    assert.equal(r.value, '2025-05-07');
    assert.equal(r.inferred, true);
    assert.equal(r.grain, 'day');
    // absolute ones need no anchor and are left alone
    const abs = times(sentenceWith(seed('002'), 'in February 2022'), null);
    assert.equal(valueAt(abs, 'February 2022'), '2022-02');
    assert.deepEqual(resolveTimes(abs, FRI_9_MAY, true), abs);
  });

  it('the seeds give no false dates (Victory Day, "80th anniversary", "from 13 countries")', () => {
    const t = times(sentenceWith(seed('004'), 'from 13 countries'), THU_8_MAY);
    assert.deepEqual(t, []);
  });
});

describe('findTimes: ranges', () => {
  it('"September 16-19" in a PolNeAR poll story is an interval', () => {
    const dir = '../shared/data/attribution/polnear/dev/text';
    const text = readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('breitbart_2016-09-20_poll-wealthy'))!), 'utf8');
    const t = times(sentenceWith(text, 'conducted September 16-19'), { iso: '2016-09-20', precision: 'day', source: 'metadata' });
    assert.equal(t.length, 1);
    assert.equal(t[0].kind, 'range');
    assert.equal(t[0].value, '2016-09-16/2016-09-19');
  });
});

describe('findTimes: clock times as tokenised copies write them', () => {
  it('"3 p. m." and "1:30 a. m" are times of day; "5 p. Maybe" is not', () => {
    const fri = times('He was hit at about 3 p. m. on a street.', THU_8_MAY).find((x) => x.kind === 'time');
    assert.equal(fri?.anchor, 'time:15:00:');
    assert.equal(times('The car was stopped at approximately 1:30 a. m Sunday.', THU_8_MAY)[0]?.value, '2025-05-04T01:30');
    assert.deepEqual(times('Page 5 p. Maybe later.', THU_8_MAY), []);
  });
});

describe('findTimes on the fixture of real sentences', () => {
  it('resolves at least 90% of expected values with no false positives to speak of', () => {
    const { times: s } = scoreFixture();
    assert.ok(s.expected >= 50);
    assert.ok(s.accuracy >= 0.9, `accuracy ${s.accuracy}: ${s.failures.join('\n')}`);
    assert.ok(s.falsePositives <= 2, s.failures.join('\n'));
  });
});

describe('findTimes on bad input', () => {
  it('"will march", "May" as a name or verb, impossible dates: nothing invented', () => {
    const polnear = readFileSync(
      join('../shared/data/attribution/polnear/train/text', readdirSync('../shared/data/attribution/polnear/train/text').find((f) => f.startsWith('nyt_2016-05-19_democrats-pressure'))!),
      'utf8',
    );
    assert.deepEqual(times(sentenceWith(polnear, 'all-but-certain march'), FRI_9_MAY), []);
    for (const s of ['Protesters will march to the Kremlin.', 'It may be that Theresa May will resign.', 'The deal was signed on Feb 30, 2024.', 'They met on 31 April.']) {
      assert.deepEqual(times(s, FRI_9_MAY), [], s);
    }
  });

  it('a run-on text full of dates stays linear (CPU time, 4x the text)', () => {
    const runOn = (n: number) => 'on Thursday, May 9, 2025 at 5 p.m. ET Tuesday last month '.repeat(n);
    const { large } = assertLinear(runOn, (t) => times(t, FRI_9_MAY), { n: 750, what: 'a run-on text of dates' });
    assert.ok(large.length >= 9000);
  });

  it('absurd input does not throw and stays bounded (CPU time)', () => {
    const big = `${'10^400 Monday May 9 2025 '.repeat(5000)}`;
    withinCpu(3000, () => assert.doesNotThrow(() => times(big, FRI_9_MAY)), 'absurd dates');
    for (const s of ['', '\u0000', '9999-99-99', 'May 99', '13:99 GMT']) assert.doesNotThrow(() => times(s, null));
    assert.doesNotThrow(() => times('on Thursday', { iso: 'not a date', precision: 'day', source: 'x' }));
    assert.equal(times('on Thursday', { iso: 'not a date', precision: 'day', source: 'x' })[0].value, null);
  });
});

describe('"Month Day" before "Day Month"', () => {
  it('"the 19 Sept. 11 hijackers" dates Sept. 11; "19 Sept. 2001" is still 19 September', () => {
    const published: DateInfo = { iso: '2016-09-29', precision: 'day', source: 'input' };
    const t = times('Fifteen of the 19 Sept. 11 hijackers came from one country.', published);
    assert.deepEqual(t.map((x) => [x.text, x.value]), [['Sept. 11', '2016-09-11']]);
    assert.equal(valueAt(times('The attack of 19 Sept. 2001 was not forgotten.', published), '19 Sept'), '2001-09-19');
    assert.equal(valueAt(times('They met on 9 May, and again in June.', published), '9 May'), '2016-05-09');
  });
});

describe('the tense of a weekday is read in its own clause', () => {
  const THU_29_SEP_2016: DateInfo = { iso: '2016-09-29', precision: 'day', source: 'input' };
  it('a relative clause\'s past dates its own weekday, whatever the main clause tells of later', () => {
    const t = times('The senator, who unveiled a housing plan on Monday, will campaign in Ohio next month.', THU_29_SEP_2016);
    assert.equal(valueAt(t, 'Monday'), '2016-09-26');
  });
  it('a weekday after a future verb of its own clause is the next one, whatever the clause before tells', () => {
    const t = times('Speaking to reporters Tuesday in Denver, which is set to host the next debate Sunday, the governor called his rival a bright leader.', THU_29_SEP_2016);
    assert.equal(valueAt(t, 'Sunday'), '2016-10-02');
  });
});

describe('patterns tried only near their word (time.ts eachMatch)', () => {
  it('finds matches that start as far before their word as a pattern allows, as a scan of every position does', () => {
    const t = 'He left until the end of 2019. She came early Wednesday morning, seventy-seven months ago, and earlier this weekend, on the 3rd of September 2019; then Sept. 11, 2001 and in March.';
    const found = findTimes(t, [{ start: 0, end: t.length }], null).map((x) => [x.text, x.kind, x.value ?? x.anchor]);
    assert.deepEqual(found, [
      ['until the end of 2019', 'deadline', '2019'],
      ['early Wednesday morning', 'weekday', 'weekday:wednesday:past'],
      ['seventy-seven months ago', 'relative', 'month:-77'],
      ['earlier this weekend', 'relative', 'weekend:0'],
      ['3rd of September 2019', 'date', '2019-09-03'],
      ['Sept. 11, 2001', 'date', '2001-09-11'],
      ['March', 'month', 'monthname:03:tense:past'],
    ]);
  });
});

describe('the month patterns share one scan of the month names (qspeed33)', () => {
  it('every month pattern still reads its date when several meet in one text, the same read again', () => {
    const text = 'The talks opened on May 9, 2025, resumed 3 June, ran from July 4-6 and in August 2024; they end early September.';
    const once = times(text, THU_8_MAY);
    assert.equal(valueAt(once, 'May 9'), '2025-05-09');
    assert.equal(valueAt(once, '3 June'), '2024-06-03'); // ("resumed": the past)
    assert.equal(valueAt(once, 'August 2024'), '2024-08');
    assert.ok(once.some((t) => t.text.startsWith('July 4')));
    assert.ok(once.some((t) => t.text.includes('September')));
    // (the places are found per call: a second text, then the first again, read as before)
    times('Nothing here on a weekday.', THU_8_MAY);
    assert.deepEqual(times(text, THU_8_MAY), once);
  });
});
