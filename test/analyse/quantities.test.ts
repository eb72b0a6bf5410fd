import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreFixture } from '../../scripts/eval-time-quantities.js';
import { findQuantities } from '../../src/analyse/quantities.js';
import { splitSentences } from '../../src/analyse/tokenize.js';
import type { Quantity } from '../../src/model/types.js';
import { seedText as seed } from '../helpers.js';
import { assertLinear, withinCpu } from '../util/cpu-bound.js';



function quantities(text: string): Quantity[] {
  return findQuantities(text, splitSentences(text));
}

function one(text: string, fragment: string): Quantity {
  const at = text.indexOf(fragment);
  assert.ok(at >= 0, fragment);
  const q = quantities(text).find((x) => x.span.start < at + fragment.length && at < x.span.end);
  assert.ok(q, `a quantity at ${JSON.stringify(fragment)}`);
  return q;
}

describe('findQuantities on the seeds (the talks-duration conflict and friends)', () => {
  it('"over seven-hour-long talks" is a duration of more than 7 h of talks', () => {
    const q = one(seed('003'), 'seven-hour-long');
    assert.deepEqual([q.value, q.unit, q.qualifier, q.counted, q.text], [7, 'h', 'more-than', 'talks', 'over seven-hour-long talks']);
  });

  it('"approximately four hours of talks" is about 4 h; "three-and-a-half hour meeting" is 3.5 h', () => {
    const q4 = one(seed('004'), 'four hours of talks');
    assert.deepEqual([q4.value, q4.unit, q4.qualifier, q4.counted], [4, 'h', 'about', 'talks']);
    const q1 = one(seed('001'), 'three-and-a-half hour');
    assert.deepEqual([q1.value, q1.unit, q1.qualifier, q1.counted], [3.5, 'h', 'exact', 'meeting']);
  });

  it('counts, people and money', () => {
    const q20 = one(seed('004'), '20 cooperation agreements');
    assert.deepEqual([q20.value, q20.unit, q20.qualifier, q20.counted], [20, 'count', 'more-than', 'agreements']);
    const q13 = one(seed('004'), '13 countries');
    assert.deepEqual([q13.value, q13.unit, q13.qualifier, q13.counted], [13, 'count', 'exact', 'countries']);
    const q27 = one(seed('003'), '27 million people');
    assert.deepEqual([q27.value, q27.unit, q27.qualifier], [27_000_000, 'people', 'at-least']);
    const usd = one(seed('003'), '$2.5 million');
    assert.deepEqual([usd.value, usd.unit], [2_500_000, 'USD']);
    const dozen = one(seed('004'), 'two dozen world leaders');
    assert.deepEqual([dozen.value, dozen.qualifier, dozen.counted], [24, 'more-than', 'leaders']);
  });

  it('vague plurals are ranges: "tens of thousands of troops"', () => {
    const q = one(seed('002'), 'tens of thousands of troops');
    assert.deepEqual([q.low, q.high, q.unit, q.qualifier, q.counted], [20_000, 99_000, 'count', 'range', 'troops']);
  });

  it('years and dates are not quantities; an ordinal is a place in a series, never a count', () => {
    const text = seed('004');
    const qs = quantities(text);
    for (const frag of ['1945', 'May 9', '2030']) {
      const at = text.indexOf(frag);
      assert.ok(!qs.some((q) => q.span.start <= at && q.span.end > at), frag);
    }
    const anniversaries = quantities(seed('003')).filter((q) => q.text.includes('80th'));
    assert.ok(anniversaries.length > 0 && anniversaries.every((q) => q.unit === 'ordinal' && q.value === 80));
  });
});

describe('findQuantities on the fixture of real sentences', () => {
  it('gets at least 95% of expected values with no false positives to speak of', () => {
    const { quantities: s } = scoreFixture();
    assert.ok(s.expected >= 35);
    assert.ok(s.accuracy >= 0.95, `accuracy ${s.accuracy}: ${s.failures.join('\n')}`);
    assert.ok(s.falsePositives <= 2, s.failures.join('\n'));
  });

  it('a spelled-out age ("Sixty-year-old", "sixty-one-year-old") is an age; "several-year-old" is none', () => {
    const q = quantities('Sixty-year-old Jane Roe met a sixty-one-year-old man about a several-year-old dispute.');
    assert.deepEqual(
      q.filter((x) => x.unit === 'age').map((x) => [x.text, x.value]),
      [
        ['Sixty-year-old', 60],
        ['sixty-one-year-old', 61],
      ],
    );
  });

  it('pounds after a weighing verb or a height are a weight (lb), other pounds money', () => {
    const q = quantities('He is 6-feet-2 inches tall, weighing 210 pounds. The club paid 5 million pounds for him.');
    assert.deepEqual(
      q.filter((x) => /pounds/.test(x.text)).map((x) => [x.value, x.unit]),
      [
        [210, 'lb'],
        [5e6, 'GBP'],
      ],
    );
  });

  it('a bare one-decimal figure said of "it" in a sentence giving a magnitude is a second reading of it', () => {
    const q = quantities('The centre put the magnitude at 5.9, but the Survey said it was 6.1. Inflation was at 2.5, the bank said.');
    assert.deepEqual(
      q.filter((x) => x.unit === 'magnitude').map((x) => x.value),
      [5.9, 6.1],
    );
  });

  it('percentages, percentage points and ranges', () => {
    const q = quantities('Turnout was between 40 and 45 percent, up 2.5 percentage points; 12% said no.');
    assert.deepEqual(
      q.map((x) => [x.value, x.low, x.high, x.unit, x.qualifier]),
      [
        [42.5, 40, 45, '%', 'range'],
        [2.5, null, null, 'pp', 'exact'],
        [12, null, null, '%', 'exact'],
      ],
    );
  });
});

describe('findQuantities on bad input', () => {
  it('"10^400" and absurdly long numbers invent nothing', () => {
    assert.deepEqual(quantities('The odds were 10^400 to one.'), []);
    const huge = `${'9'.repeat(500)} people`;
    assert.deepEqual(quantities(huge), []);
    for (const q of quantities(`About 1e308 ${'1'.repeat(20)} 7 ${'x'.repeat(10)}`)) assert.ok(Number.isFinite(q.value));
  });

  it('does not throw on garbage and stays bounded', () => {
    const big = '$$$ 1,2,3,, -- over over more than at least 5 - - ten-to-'.repeat(4000);
    withinCpu(3000, () => assert.doesNotThrow(() => quantities(big)), 'garbage quantities');
    for (const s of ['', '$', '%', 'three-and-a-', 'between and', '\uFFFD\u0000 5']) assert.doesNotThrow(() => quantities(s));
  });
});

it('a bare figure after a casualty verb counts what the verb did', () => {
  const qs = quantities('The quake killed 10 people and injured 80, officials said. It left 12 dead, wounding other 70.');
  const bare = qs.filter((q) => q.text === '80' || q.text === '70').map((q) => [q.value, q.counted]);
  assert.deepEqual(bare, [
    [80, 'injured'],
    [70, 'wounding'],
  ]);
});

describe('a bare figure as the subject of a passive verb of what happened to people', () => {
  const read = (t: string) => findQuantities(t, [{ start: 0, end: t.length }]).map((q) => [q.value, q.counted]);
  it('counts what the verb did ("40 were injured", "3 had been seriously hurt")', () => {
    assert.deepEqual(read('The governor said 40 were injured.'), [[40, 'injured']]);
    assert.deepEqual(read('Police said 12 were arrested and 3 had been seriously hurt.'), [
      [12, 'arrested'],
      [3, 'hurt'],
    ]);
  });
  it('leaves figures inside a phrase and other verbs alone ("a father of 7 was killed", "40 were sold")', () => {
    // the kinship noun says what it counts (quantity-frames), not the verb after it
    assert.deepEqual(read('A father of 7 was killed in the crash.'), [[7, 'father']]);
    assert.deepEqual(read('In all, 40 were sold at auction.'), []);
  });
});

describe('findQuantities: estimates of a crowd', () => {
  it('"as many as 20,000 people" is at most 20,000; "approximate 200,000" is about 200,000', () => {
    const t = 'Police said as many as 20,000 people marched, while organisers gave an approximate 200,000 protesters.';
    const a = one(t, '20,000');
    assert.deepEqual([a.value, a.unit, a.qualifier], [20000, 'people', 'at-most']);
    const b = one(t, '200,000');
    assert.deepEqual([b.value, b.qualifier], [200000, 'about']);
  });
});

describe('findQuantities: halves, fractions and a height before a weight', () => {
  const read = (t: string) => quantities(t).map((q) => [q.value, q.unit]);
  it('"half a mile" is 0.5 mi, "a mile and a half" 1.5 mi, "an hour and a half" 1.5 h', () => {
    assert.deepEqual(read('She lived half a mile away.'), [[0.5, 'mi']]);
    assert.deepEqual(read('She lived a mile and a half away.'), [[1.5, 'mi']]);
    assert.deepEqual(read('The talks lasted an hour and a half.'), [[1.5, 'h']]);
    assert.deepEqual(read('It took two hours and a half.'), [[2.5, 'h']]);
    assert.deepEqual(read('Half a dozen people were hurt.'), [[6, 'people']]);
    assert.deepEqual(read('Half a million people marched.'), [[500_000, 'people']]);
    assert.deepEqual(read('It happened half a century ago.'), []);
    // "a mile" alone is not read as a figure (too many idioms: "a year", "a day")
    assert.deepEqual(read('She lived a mile away.'), []);
  });
  it('"2 1/2 years" and "2-1/2 year" are 2.5 years; slashes in names and dates are not fractions', () => {
    assert.deepEqual(read('He was sentenced to 2 1/2 years.'), [[2.5, 'year']]);
    assert.deepEqual(read('He got a 2-1/2 year sentence.'), [[2.5, 'year']]);
    assert.deepEqual(read('The 9/11 attacks and 12/25 were remembered.'), []);
  });
  it('a half glyph a copy flattened ("served 41 / 2 months", "a 4-1 / 2-month term") is 4.5 before a unit; a lost glyph ("4\uFFFD months") a range 4-5', () => {
    assert.deepEqual(read('He served 41 / 2 months in prison.'), [[4.5, 'month']]);
    assert.deepEqual(read('He served 41/2 years in prison.'), [[4.5, 'year']]);
    assert.deepEqual(read('He served a 4-1 / 2-month prison term.'), [[4.5, 'month']]);
    assert.deepEqual(read('The house was 31 / 4 miles away.'), [[3.25, 'mi']]);
    const lost = quantities('He served 4\uFFFD months in prison.')[0];
    assert.deepEqual([lost.low, lost.high, lost.unit, lost.qualifier], [4, 5, 'month', 'range']);
    // not before other words, nor an even numerator, nor a date
    assert.deepEqual(read('They won 11 / 2 games.'), [[2, 'count']]);
    assert.deepEqual(read('On 21/2 the vote was held.'), []);
    assert.deepEqual(read('It lasted 42 / 4 hours.').some(([v]) => v === 4.5), false);
  });
  it('a list of two ages reads both ("61 and 48 years old", "8-and 10-year-old", "age 6 and 8"); "between 30 and 40 years old" is no list', () => {
    const ages = (t: string) => quantities(t).filter((q) => q.unit === 'age').map((q) => q.value);
    assert.deepEqual(ages('The women, who were 61 and 48 years old, were found.'), [61, 48]);
    assert.deepEqual(ages('Two sisters-8-and 10-year-old girls-testified.'), [8, 10]);
    assert.deepEqual(ages('Two girls age 6 and 8 looked on.'), [6, 8]);
    assert.deepEqual(ages('Two men, between 30 and 40 years old, fled.'), [40]);
  });
  it('"200 nautical miles" is a distance in nautical miles, not a count of "nautical"; "5nm" is left alone', () => {
    assert.deepEqual(read('The tanker was seized 200 nautical miles off the coast.'), [[200, 'nmi']]);
    assert.deepEqual(read('The ship was 1.5 nautical miles from the port.'), [[1.5, 'nmi']]);
    assert.deepEqual(read('The chips are made on a 5nm process.'), []);
  });
  it('a unit written onto the digits: "2000ft" is 2,000 ft, "10km" 10 km', () => {
    assert.deepEqual(read('The man fell around 2000ft near the hut.'), [[2000, 'ft']]);
    assert.deepEqual(read('She ran a 10km race.'), [[10, 'km']]);
  });
  it('"5-foot-8,135 pounds" is a height and a weight of 135 lb, not 8,135', () => {
    const t = 'Deputies said that Orozco is 5-foot-8,135 pounds, with tattoos.';
    assert.deepEqual(read(t).at(-1), [135, 'lb']);
    assert.equal(quantities(t).some((q) => q.value === 8135), false);
  });
});

describe('thousands spaced after the comma (text rebuilt from tokens)', () => {
  it('"fell about 2, 000ft" is 2,000 ft; "rooms 12, 14 and 16" stay three numbers', () => {
    const q = one('The climber fell about 2, 000ft from the ridge.', '2, 000ft');
    assert.equal(q.value, 2000);
    assert.equal(q.unit, 'ft');
    const list = quantities('Inspectors closed 12, 140 and 160 stalls at the market.').map((x) => x.value);
    assert.ok(!list.includes(12140), JSON.stringify(list));
  });
});

describe('words named like Object properties', () => {
  it('"a constructor of 5 bridges" reads the figure and does not throw (the word tables are not looked up for it)', () => {
    const read = (t: string) => quantities(t).map((q) => [q.value, q.unit]);
    assert.deepEqual(read('A constructor of 5 bridges quit.'), [[5, 'count']]);
    assert.deepEqual(read('Constructor of 12 towers, toString of 3 hours.'), [[12, 'count'], [3, 'h']]);
  });
});

describe('findQuantities: a name or a model designation between the number and what it counts', () => {
  const read = (text: string) => quantities(text).map((q) => [q.value, q.unit, q.counted]);

  it('a name or a designation before a plural noun modifies it: the noun is counted', () => {
    assert.deepEqual(read('The army fired 2 Corvan rockets at the town.'), [[2, 'count', 'rockets']]);
    assert.deepEqual(read('Police found three Vallon militants hiding there.'), [[3, 'count', 'militants']]);
    assert.deepEqual(read('It sent two AH-64 helicopters and two XB-12 fighter jets.'), [
      [2, 'count', 'helicopters'],
      [2, 'count', 'jets'],
    ]);
  });

  it('a plural designation is the counted thing itself', () => {
    assert.deepEqual(read('Four F-16s took off at dawn.'), [[4, 'count', 'f-16s']]);
    assert.deepEqual(read('Two MiG-29s and eight F-16Is were seen.'), [
      [2, 'count', 'mig-29s'],
      [8, 'count', 'f-16is'],
    ]);
    // (the full stop glued to the word is not part of it)
    assert.deepEqual(read('The base lost 4 F-16s.'), [[4, 'count', 'f-16s']]);
  });

  it('"3 M-16 rifles" counts rifles: a designation is no unit of length', () => {
    assert.deepEqual(read('They seized 3 M-16 rifles.'), [[3, 'count', 'rifles']]);
    assert.deepEqual(read('He fell 600m down the slope.').map((x) => x[1]), ['m']);
  });

  it('"the toll rose to 12": a frame noun right before a verb of change on a scale names what the figure measures', () => {
    assert.deepEqual(read('Police said the toll rose to 12.'), [[12, 'count', 'toll']]);
    assert.deepEqual(read('The death toll has climbed to 30 on Monday.'), [[30, 'count', 'toll']]);
    assert.deepEqual(read('The toll reached 40.'), [[40, 'count', 'toll']]);
    // (the noun not right before the verb: another event's toll, or none)
    assert.deepEqual(read('The toll from the 2004 tsunami rose to 230,000.'), []);
    assert.deepEqual(read('Shares rose to 12 on Monday.'), []);
  });

  it('"the death toll from the sinking of a ferry off Port Vell rose to 23": the toll of the event its phrase names', () => {
    assert.deepEqual(read('The death toll from the sinking of a ferry off Port Vell rose to 23 on Sunday.'), [[23, 'count', 'toll']]);
    assert.deepEqual(read('The toll from the collapse of a building in the city of Brandt stands at 38.'), [[38, 'count', 'toll']]);
    // (a phrase naming a year or an earlier event: another event's toll)
    assert.deepEqual(read('The toll of the previous quake rose to 40.'), []);
    assert.deepEqual(read('The toll from floods in the north, which hit on Monday, rose to 9.'), []);
  });

  it('"Jane Roe, who is 34," is an age; "150 km/h" and "60 miles per hour" are speeds, not distances', () => {
    assert.deepEqual(read('Runner Jane Roe, who is 34, won the race.'), [[34, 'age', null]]);
    const units = (t: string) => read(t).map((x) => [x[0], x[1]]);
    assert.deepEqual(units('Winds of 150 km/h hit the coast.'), [[150, 'km/h']]);
    assert.deepEqual(units('He drove at 60 miles per hour.'), [[60, 'mph']]);
    assert.deepEqual(units('The car was doing 90 mph.'), [[90, 'mph']]);
    assert.deepEqual(read('The town is 5 km away.').map((x) => x[1]), ['km']);
  });

  it('"12 AK 47 guns" counts 12 guns: a designation written with a space is one modifier, its number no figure', () => {
    assert.deepEqual(read('Police seized 12 AK 47 guns and 300 rounds.'), [
      [12, 'count', 'guns'],
      [300, 'count', 'rounds'],
    ]);
    assert.deepEqual(read('They flew two B 52 bombers over the sea.'), [[2, 'count', 'bombers']]);
  });

  it('a name with no plural noun after it is counted as before, or nothing is', () => {
    assert.deepEqual(read('In all 13 Republicans voted against it.'), [[13, 'count', 'republicans']]);
    assert.deepEqual(read('She lives at 5 Main St with her sister.'), []);
    assert.deepEqual(read('Five Chinese died in the crash.'), []);
  });
});

it('a preposition after a figure is not what it counts ("on state route 94 near the town")', () => {
  assert.deepEqual(quantities('The crash was on state route 94 near the town, and 12 officers came.').map((q) => [q.value, q.counted]), [[12, 'officers']]);
});

describe('findQuantities: a duration written in several units, or like a clock, is one value', () => {
  // [value rounded to 6 places, unit, qualifier, text] of every quantity read
  const read = (t: string) => quantities(t).map((q) => [Math.round(q.value * 1e6) / 1e6, q.unit, q.qualifier, q.text]);
  const h = (hours: number, minutes = 0, seconds = 0) => Math.round((hours + minutes / 60 + seconds / 3600) * 1e6) / 1e6;

  it('hours and minutes, minutes and seconds: with nothing, a comma or "and" between them', () => {
    assert.deepEqual(read('The council meeting ran 3 hours 40 minutes.'), [[h(3, 40), 'h', 'exact', '3 hours 40 minutes']]);
    assert.deepEqual(read('The vote took 1 hour and 5 minutes in all.'), [[h(1, 5), 'h', 'exact', '1 hour and 5 minutes']]);
    assert.deepEqual(read('The swimmer crossed the lake in 47 minutes, 12 seconds.'), [[h(0, 47, 12), 'h', 'exact', '47 minutes, 12 seconds']]);
    assert.deepEqual(read('The standing ovation went on for 2 minutes 35 seconds.'), [[h(0, 2, 35), 'h', 'exact', '2 minutes 35 seconds']]);
    assert.deepEqual(read('Debate went on for three hours and ten minutes.'), [[h(3, 10), 'h', 'exact', 'three hours and ten minutes']]);
    assert.deepEqual(read('The outage lasted 2 days and 9 hours.'), [[h(57), 'h', 'exact', '2 days and 9 hours']]);
    assert.deepEqual(read('The jury was out 5 hours, 20 minutes and 15 seconds.'), [[h(5, 20, 15), 'h', 'exact', '5 hours, 20 minutes and 15 seconds']]);
  });

  it('years and months are one span in months; the qualifier and what it is of hold for the whole', () => {
    assert.deepEqual(read('The farmer spent 2 years, 7 months in jail.'), [[31, 'month', 'exact', '2 years, 7 months']]);
    assert.deepEqual(read('The dispute dragged on for 1 year and 2 months.'), [[14, 'month', 'exact', '1 year and 2 months']]);
    const q = one('They held nearly 4 hours 10 minutes of hearings on the bill.', '4 hours');
    assert.deepEqual([Math.round(q.value * 1e6) / 1e6, q.qualifier, q.counted, q.text], [h(4, 10), 'about', 'hearings', 'nearly 4 hours 10 minutes of hearings']);
  });

  it('a clock-style duration before minutes or hours: "7:00 minutes" is 7 minutes, "2:45 hours" 2.75 h', () => {
    assert.deepEqual(read('The anthem lasted 7:00 minutes.'), [[h(0, 7), 'h', 'exact', '7:00 minutes']]);
    assert.deepEqual(read('The walk to the summit took about 2:45 hours.'), [[h(2, 45), 'h', 'about', 'about 2:45 hours']]);
    assert.deepEqual(read('She finished the marathon in 3:12:08 hours.'), [[h(3, 12, 8), 'h', 'exact', '3:12:08 hours']]);
  });

  it('leaves lists, ranges, larger parts, times of day and spans ago as they were', () => {
    // a part not smaller than one of the unit before it is another figure
    assert.deepEqual(read('The board sat 4 hours, 75 minutes of it behind closed doors.'), [[4, 'h', 'exact', '4 hours'], [h(1, 15), 'h', 'exact', '75 minutes']]);
    // a unit of another kind (a count) is another figure
    assert.deepEqual(read('The rally lasted 2 hours, 40 officers watched.').map((r) => r[3]), ['2 hours', '40 officers']);
    // "between ... and ..." joins two ends of a range, not the parts of one span
    assert.deepEqual(read('Each shift lasts between 6 hours and 30 minutes.').map((r) => r[3]), ['6 hours', '30 minutes']);
    // a time of day, a clock with no unit, and groups of 60 or more are no clock-style duration
    // (what the minutes' digits alone are read as is unchanged here)
    const clock = (t: string) => read(t).filter((r) => String(r[3]).includes(':'));
    // (a countdown's reading is one: "4:30 left" is 4.5 minutes, quantities-15)
    assert.deepEqual(clock('The train left at 7:15 with 4:30 left on the timer.'), [[0.075, 'h', 'exact', '4:30 left']]);
    assert.deepEqual(read('The convoy left at 19:30 hours, they said.'), []);
    assert.deepEqual(read('It read 3:75 minutes.'), []);
    assert.deepEqual(read('The firm was founded 6 years, 3 months ago.'), []);
  });
});

describe('a day after a month abbreviation', () => {
  it('"the 19 Sept. 11 hijackers" counts no 11 hijackers (Sept. 11 is a day)', () => {
    assert.deepEqual(quantities('Fifteen of the 19 Sept. 11 hijackers came from one country.').map((q) => q.text), []);
    assert.deepEqual(quantities('Since Jan. 6 rioters have been charged.').map((q) => q.text), []);
    // a figure after a full month name and a point ends a sentence, and is still read
    assert.deepEqual(quantities('The vote was held in May. 12 senators voted no.').map((q) => q.text), ['12 senators']);
  });
});

describe('sums of money written with a letter scale or a currency prefix (invented sentences)', () => {
  const money = (t: string) => quantities(t).map((q) => [q.text, q.value, q.unit]);
  it('reads the financial abbreviations of a scale after a currency sign, glued or spaced', () => {
    const table: [string, string, number, string][] = [
      ['The firm offered $200MM for the mill.', '$200MM', 200e6, 'USD'],
      ['The firm offered $160mm for the mill.', '$160mm', 160e6, 'USD'],
      ['The firm offered $200 MM for the mill.', '$200 MM', 200e6, 'USD'],
      ['The bid was $1.2B in cash.', '$1.2B', 1.2e9, 'USD'],
      ['The bid was $1.2 B in cash.', '$1.2 B', 1.2e9, 'USD'],
      ['The bid was $1.2bn in cash.', '$1.2bn', 1.2e9, 'USD'],
      ['Aid of US$3bn was pledged.', 'US$3bn', 3e9, 'USD'],
      ['Aid of C$40M was pledged.', 'C$40M', 40e6, 'CAD'],
      ['Aid of A$5mn was pledged.', 'A$5mn', 5e6, 'AUD'],
      ['Aid of €12mln was pledged.', '€12mln', 12e6, 'EUR'],
      ['Aid of £4bln was pledged.', '£4bln', 4e9, 'GBP'],
      ['Aid of $750K was pledged.', '$750K', 750e3, 'USD'],
      ['Aid of $2tn was pledged.', '$2tn', 2e12, 'USD'],
      ['Aid of $5 mln was pledged.', '$5 mln', 5e6, 'USD'],
      ['Aid of £1.7m was pledged.', '£1.7m', 1.7e6, 'GBP'],
      ['Aid of 5 mln euros was pledged.', '5 mln euros', 5e6, 'EUR'],
      ['Aid of 40M dollars was pledged.', '40M dollars', 40e6, 'USD'],
      ['Aid of EUR 3bn was pledged.', 'EUR 3bn', 3e9, 'EUR'],
      ['Aid of USD 200MM was pledged.', 'USD 200MM', 200e6, 'USD'],
    ];
    for (const [sentence, text, value, unit] of table) assert.deepEqual(money(sentence), [[text, value, unit]], sentence);
  });

  it('reads both ends of a range of scaled sums', () => {
    assert.deepEqual(quantities('The club valued him at £1.7m to £2m.').map((q) => [q.text, q.low, q.high]), [['£1.7m to £2m', 1.7e6, 2e6]]);
  });

  it('leaves letters after a number with no currency as they were (metres, a name, a numeral)', () => {
    assert.deepEqual(money('She ran a 5M race in the park.'), [['5M race', 5, 'm']]);
    assert.deepEqual(money('The wall is 5m high.'), [['5m high', 5, 'm']]);
    assert.deepEqual(money('The 200MM lens was sold.'), []);
    assert.deepEqual(money('Revenue fell to 2.3B.'), []);
    assert.deepEqual(money('The year MMXX is written in numerals.'), []);
    assert.deepEqual(money('Flat 5B was let for $900.'), [['$900', 900, 'USD']]);
  });
});

describe('a count in thousands written with a glued "K" (invented sentences)', () => {
  it('reads "30K people" as 30,000 before a plural noun', () => {
    assert.deepEqual(quantities('About 30K people marched on Sunday.').map((q) => [q.text, q.value, q.unit]), [['About 30K people', 30000, 'people']]);
    assert.deepEqual(quantities('Some 2.5k fans came.').map((q) => [q.text, q.value]), [['Some 2.5k fans', 2500]]);
  });

  it('leaves a race distance, a spaced letter and an initial alone', () => {
    assert.deepEqual(quantities('She ran a 5K race.').map((q) => q.value), []);
    assert.deepEqual(quantities('Tickets for the 10K run sold out.').map((q) => q.value), []);
    assert.deepEqual(quantities('The 30 K people were listed.').map((q) => q.value), [30]);
  });
});

describe('findQuantities: ordinals that rank a noun (invented sentences)', () => {
  const ordinal = (text: string) => quantities(text).filter((q) => q.unit === 'ordinal').map((q) => [q.value, q.counted]);

  it('spelled, compound and digit ordinals after a determiner or a possessive', () => {
    assert.deepEqual(ordinal('It was the champion’s sixth defence of the belt.'), [[6, 'defence']]);
    assert.deepEqual(ordinal('She won for the fifth time in a row.'), [[5, 'time']]);
    assert.deepEqual(ordinal('They scored in the 4th quarter and the 23rd minute.'), [[4, 'quarter'], [23, 'minute']]);
    assert.deepEqual(ordinal('It is the twenty-first century.'), [[21, 'century']]);
    assert.deepEqual(ordinal('The team’s ninth inning rally; the Jets\' third win; the mayor ’ s second term'), [[9, 'inning'], [3, 'win'], [2, 'term']]);
  });

  it('an adjective or an abbreviation between the ordinal and its noun', () => {
    assert.deepEqual(ordinal('It was their eighth straight win and the fifth consecutive year.'), [[8, 'win'], [5, 'year']]);
    assert.deepEqual(ordinal('his second DUI, the third UN mission'), [[2, 'dui'], [3, 'mission']]);
  });

  it('no ordinal value without a determiner, without a noun, in names, compounds, dates and fractions', () => {
    for (const text of [
      'The case was first reported on Monday, and every third car was stopped.',
      'The parade is on the 4th of July; she arrived on December 9th.',
      'He was the second of three to speak.',
      'She won a third of the vote.',
      'The First Lady met the 82nd Airborne on 223rd Street and the Fifth Amendment.',
      'It is the second-largest city; a fourth-quarter rally.',
      'She was his first choice, the first to arrive.',
      'The bill passed at the eleventh hour; it was second nature; a third party.',
      'He will be there in a second.',
      'A second suspect was held; they fled in a second car.',
    ])
      assert.deepEqual(ordinal(text), [], text);
  });

  it('"twenty-first" is an ordinal, not the number twenty', () => {
    assert.ok(!quantities('the twenty-first century').some((q) => q.value === 20));
  });
});

describe('findQuantities: the minutes of a clock are no count', () => {
  it('"at 6:41 last night", "6:41 p.m.", a score "2:1" read nothing; "6:00 minutes" stays a duration', () => {
    for (const text of ['She died at 6:41 last night.', 'The alarm rang at 6:41 p.m. on Monday.', 'They won 2:1 in the final.', 'It was 4:43 when he left.']) assert.deepEqual(quantities(text), [], text);
    assert.deepEqual(quantities('They tied it with 6:00 minutes remaining.').map((q) => [q.value, q.unit]), [[0.1, 'h']]);
  });
});

describe('findQuantities: a game clock\'s reading is a span in minutes and seconds', () => {
  const spans = (text: string) => quantities(text).filter((q) => q.unit === 'h').map((q) => [q.text, +(q.value * 3600).toFixed(3)]);
  it('reads a countdown ("with 4:43 left", "10:03 to play", "4:08 to go", "0:38 remaining"), never its seconds as a count', () => {
    assert.deepEqual(spans('He scored with 4:43 left in the half.'), [['4:43 left', 283]]);
    assert.deepEqual(spans('Roe kicked a field goal with 10:03 to play in the third quarter.'), [['10:03', 603]]);
    assert.deepEqual(spans('Doe found Poe for a touchdown with 4:08 to go.'), [['4:08', 248]]);
    assert.deepEqual(spans('They led by two with 0:38 remaining.'), [['0:38 remaining', 38]]);
    assert.ok(!quantities('He scored with 4:43 left in the half.').some((q) => q.value === 43 || q.value === 4));
  });
  it('reads a time into a period ("at the 2:15 mark", "1:30 into the round", "at 2:15 of the seventh round")', () => {
    assert.deepEqual(spans('The referee stopped it at the 2:15 mark.'), [['2:15 mark', 135]]);
    assert.deepEqual(spans('She was down 1:30 into the round.'), [['1:30', 90]]);
    assert.deepEqual(spans('He was stopped at 2:15 of the seventh round.'), [['2:15', 135]]);
  });
  it('reads no clock where the words after it say nothing of one ("at 2:15 of the afternoon", "2:15:30 left", "a 2:15 mark" with no "the")', () => {
    for (const text of ['They met at 2:15 of the afternoon.', 'The race took 2:15:30 left to right.', 'He set a 2:15 mark in the marathon.']) assert.deepEqual(spans(text), [], text);
  });
});

describe('findQuantities: a long sentence of many ages stays linear', () => {
  it('reads every age of a 30,000-character sentence, and four times the sentence costs about four times the CPU time', () => {
    const sentence = (n: number) => Array.from({ length: n }, (_, i) => `Smith, ${20 + (i % 60)}, and`).join(' ') + ' ok.';
    // quadratic was 0.7 s -> 3.7 s for 1,500 -> 3,000 ages (and the bare-figure reader's overlap check once
    // walked every quantity read so far); the small run takes about 15 ms: the floor keeps its noise out
    const { large } = assertLinear(sentence, (text) => findQuantities(text, [{ start: 0, end: text.length }]), { n: 750, floorMs: 25, what: 'ages in one sentence' });
    assert.equal(large.filter((q) => q.unit === 'age').length, 3000);
  });
});
