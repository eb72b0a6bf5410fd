import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { dateFromUrl, parseTextDate, textDates } from '../../src/extract/dates.js';
import { extractArticle } from '../../src/extract/index.js';
import { isDateLine, isDateOnly, numericOrder } from '../../src/extract/text/extract.js';

/** Invented article prose: long sentences the plain-text segmenter takes for the body. */
const BODY = [
  'The county council voted on Tuesday to spend more on the repair of its bridges, after an engineering report found that several of them had not been inspected for years.',
  'Members of the council said that the money would come from a reserve fund and that no new taxes would be needed to pay for the work, which is to start in the spring.',
  'Residents who spoke at the meeting welcomed the decision, although some of them asked why the report had taken so long to reach the council and its committees.',
].join('\n\n');

function article(head: string, meta: { title?: string; url?: string } = { title: 'Council votes to repair county bridges' }) {
  return extractArticle({ id: 'd', source: 'd', format: 'json', content: `${head}\n\n${BODY}`, contentType: 'text', encoding: 'utf-8', meta });
}

describe('date lines: forms', () => {
  test('a time before the date, as sites write it and as tokenised copies space it', () => {
    assert.equal(parseTextDate('8:13 AM PDT 8/2/2013')?.date.iso, '2013-08-02T08:13:00-07:00');
    assert.equal(parseTextDate('8:13 AM PDT 8 / 2 / 2013')?.date.iso, '2013-08-02T08:13:00-07:00');
    assert.equal(parseTextDate('12:52 p.m. EDT May 2, 2013')?.date.iso, '2013-05-02T12:52:00-04:00');
    assert.equal(parseTextDate('12:52 p. m. EDT May 2, 2013')?.date.iso, '2013-05-02T12:52:00-04:00');
    assert.equal(parseTextDate('7:15 a. m. Dec. 7, 2009')?.date.iso, '2009-12-07T07:15:00');
    assert.equal(parseTextDate('PUBLISHED: 22:07 GMT, 7 July 2012')?.date.iso, '2012-07-07T22:07:00+00:00');
    assert.equal(parseTextDate('7:00pm UK, Wednesday 05 May 2010')?.date.iso, '2010-05-05T19:00:00');
    assert.equal(parseTextDate('Last updated 13:26 14 / 09 / 2013')?.date.iso, '2013-09-14T13:26:00');
    const d = parseTextDate('Posted at 3:21 PM ET, 01/5/2011');
    assert.equal(d?.date.iso, '2011-01-05T15:21:00-05:00');
    assert.equal(d?.raw, '3:21 PM ET, 01/5/2011');
  });

  test('numeric dates: slashes (spaced or not), periods, year first, two-digit years with a time', () => {
    assert.equal(parseTextDate('Posted: 08/02/2013 11:10 am EDT')?.date.iso, '2013-08-02T11:10:00-04:00');
    assert.equal(parseTextDate('Posted: 08 / 02 / 2013 11:10 am EDT')?.date.iso, '2013-08-02T11:10:00-04:00');
    assert.equal(parseTextDate('Updated 09 / 14 / 2013 01:03 PM')?.date.iso, '2013-09-14T13:03:00');
    assert.equal(parseTextDate('Article posted on 08.07.2012')?.date.iso, '2012-07-08');
    assert.equal(parseTextDate('Published: 2012.08.08 09:01 AM')?.date.iso, '2012-08-08T09:01:00');
    assert.equal(parseTextDate('11/30/09 05:40 PM ET')?.date.iso, '2009-11-30T17:40:00-05:00');
    assert.equal(parseTextDate('11 / 28 / 05')?.date.iso, '2005-11-28');
    // a two-digit year without a time, inside other text, is not read
    assert.equal(parseTextDate('the vote was 3/4/15 in favour'), null);
  });

  test('the zone written with an ambiguous numeric date settles its order', () => {
    assert.equal(parseTextDate('05/02/2013 10:00 BST')?.date.iso, '2013-02-05T10:00:00+01:00');
    assert.equal(parseTextDate('05/02/2013 10:00 EDT')?.date.iso, '2013-05-02T10:00:00-04:00');
    assert.equal(parseTextDate('05/02/2013')?.ambiguous, true);
    assert.equal(parseTextDate('05/02/2013')?.date.iso, '2013-02-05');
    assert.equal(parseTextDate('05/02/2013', true)?.date.iso, '2013-05-02');
    assert.equal(parseTextDate('06/06/2013')?.ambiguous, false);
  });

  test('a numeric date shows its order when one reading is impossible, and gives both readings when not', () => {
    assert.equal(parseTextDate('14/09/2013')?.order, 'day-first');
    assert.equal(parseTextDate('09 / 14 / 2013')?.order, 'month-first');
    assert.equal(parseTextDate('05/02/2013')?.order, null);
    assert.equal(parseTextDate('14.09.2013')?.order, null);
    const r = parseTextDate('05/02/2013')?.readings;
    assert.equal(r?.['month-first'].iso, '2013-05-02');
    assert.equal(r?.['day-first'].iso, '2013-02-05');
    // a zone settles it: no readings left to choose from
    assert.equal(parseTextDate('05/02/2013 10:00 EDT')?.readings, null);
    assert.deepEqual(
      textDates('Posted 05/02/2013, updated 14/02/2013').map((d) => d.date.iso),
      ['2013-02-05', '2013-02-14'],
    );
  });

  test('numericOrder: a date of the lines that shows its order, then the URL, then month first', () => {
    assert.equal(numericOrder(['Posted 05/02/2013', 'Updated 14/02/2013'], null), 'day-first');
    assert.equal(numericOrder(['Posted 05/02/2013', 'Updated 02/14/2013'], '2013-05'), 'month-first');
    assert.equal(numericOrder(['11 / 09 / 2010'], '2010-09'), 'day-first');
    assert.equal(numericOrder(['11 / 09 / 2010'], '2010-11-09'), 'month-first');
    assert.equal(numericOrder(['11 / 09 / 2010'], null), 'month-first');
    assert.equal(numericOrder(['11 / 09 / 2010 10:00 BST'], '2010-11'), 'month-first');
  });

  test('month-name dates with dashes; a range is not one', () => {
    assert.equal(parseTextDate('Sunday, November 27-2005 at 16:12')?.date.iso, '2005-11-27T16:12:00');
    assert.equal(parseTextDate('Edited on Mon Dec-19-05 03:49 PM')?.date.iso, '2005-12-19T15:49:00');
    // a two-digit year needs a time, as with slashes
    assert.equal(parseTextDate('Dec-19-05'), null);
    assert.equal(parseTextDate('June 7-10, 2013'), null);
  });

  test('dates in URL paths, and what is not one', () => {
    assert.deepEqual(dateFromUrl('https://news.example.org/2013/05/02/council-bridges/'), { iso: '2013-05-02', precision: 'day' });
    assert.deepEqual(dateFromUrl('https://news.example.org/news/20130502/council-bridges'), { iso: '2013-05-02', precision: 'day' });
    assert.deepEqual(dateFromUrl('https://news.example.org/story/2013-05-02-council-bridges.html'), { iso: '2013-05-02', precision: 'day' });
    // a year alone, a number that only looks like a date, an impossible day
    assert.equal(dateFromUrl('https://news.example.org/2013/council-bridges/'), null);
    assert.equal(dateFromUrl('https://news.example.org/story/201305021234/'), null);
    assert.equal(dateFromUrl('https://news.example.org/2013/02/30/council/'), null);
    assert.equal(dateFromUrl('https://news.example.org/2013/13/02/council/'), null);
  });
});

describe('date lines: publication date of plain text', () => {
  test('a line that is only a date, a weekday, a label or a time', () => {
    assert.equal(article('Friday, June 7, 2013').published?.iso, '2013-06-07');
    assert.equal(article('21 July 2013 Last updated at 11:11 GMT').published?.iso, '2013-07-21');
    assert.equal(article('9:53 AM, MON 22 JUL 2013').published?.iso, '2013-07-22T09:53:00');
    assert.equal(article('Published on Friday, 27 September 2013').published?.iso, '2013-09-27');
    assert.equal(article('Published time: March 12, 2013 02:03\n\nEdited time: March 13, 2013 02:15').published?.iso, '2013-03-12T02:03:00');
    assert.equal(article('on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM').published?.iso, '2008-04-30T04:31:00');
  });

  test('a title that is only a date is the date line, and the title is the next line', () => {
    const a = article('Council votes to repair county bridges', { title: 'May 2, 2013, 1:12 PM' });
    assert.equal(a.published?.iso, '2013-05-02T13:12:00');
    assert.equal(a.title, 'Council votes to repair county bridges');
    const b = article('12 January 2010 @ 09:29 pm\n\nCouncil votes to repair county bridges', {});
    assert.equal(b.published?.iso, '2010-01-12T21:29:00');
    assert.equal(b.title, 'Council votes to repair county bridges');
  });

  test('a dateline: a place before the date, an agency and a dash after it', () => {
    assert.equal(article('NORTHVILLE, Ore., April 28, 2009').published?.iso, '2009-04-28');
    assert.equal(article('Northville D. C., Jul 13, 2009 / 02:00 pm (XNA)').published?.iso, '2009-07-13T14:00:00');
    assert.equal(article('NORTHVILLE, Monday, April 27, 2009 (Wire Service) -').published?.iso, '2009-04-27');
    // in the article's first paragraph
    const first = `NORTHVILLE, May 2, 2013 (Wire Service) - ${BODY}`;
    assert.equal(article(first).published?.iso, '2013-05-02');
  });

  test('a date line without a year takes the year of its URL when the URL gives its month', () => {
    const url = 'https://news.example.org/2013/05/council-bridges/';
    assert.equal(article('NORTHVILLE, May 2 (Wire Service) -', { url }).published?.iso, '2013-05-02');
    assert.equal(article('Northville, May 2 -', { url: 'https://news.example.org/2013/05/02/council-bridges/' }).published?.iso, '2013-05-02');
    assert.equal(article('Jul. 7 5:59 PM EDT', { url: 'https://news.example.org/2013/07/council-bridges/' }).published?.iso, '2013-07-07T17:59:00-04:00');
    assert.equal(article('Jul. 7 5:59 PM EDT').published, null);
    // a sentence with a month and day is no date line, URL or not
    const july = 'https://news.example.org/2013/07/council-bridges/';
    assert.equal(article('Jul. 7 was the day the council met to vote on the bridges plan.', { url: july }).published?.source, 'url');
    // another month, another day, or no URL: no date from the dateline (the URL's own date, if any)
    assert.equal(article('NORTHVILLE, June 2 (Wire Service) -', { url }).published?.source, 'url');
    assert.equal(article('Northville, May 3 -', { url: 'https://news.example.org/2013/05/02/council-bridges/' }).published?.source, 'url');
    assert.equal(article('NORTHVILLE, May 2 (Wire Service) -').published, null);
    // a year alone in the URL says too little
    assert.equal(article('NORTHVILLE, May 2 (Wire Service) -', { url: 'https://news.example.org/2013/council-bridges/' }).published, null);
  });

  test('a page: its labelled date line before the date its URL gives, the URL when nothing else dates it', () => {
    const page = (head: string) =>
      `<html><head><title>Council votes to repair county bridges</title></head><body><article><h1>Council votes to repair county bridges</h1>${head}${BODY.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`;
    const url = 'https://news.example.org/2013/05/council-bridges/';
    const html = (head: string) => extractArticle({ id: 'h', source: 'h', format: 'html', content: page(head), contentType: 'html', encoding: 'utf-8', meta: { url } });
    assert.equal(html('<p>Posted: May 2, 2013 10:15 AM</p>').published?.iso, '2013-05-02T10:15:00');
    assert.deepEqual(html('').published, { iso: '2013-05', precision: 'month', source: 'url' });
  });

  test('a date line under a dek', () => {
    const a = article('The money comes from a reserve fund, and no new taxes are needed.\n\nSaturday, Sep 14, 2013');
    assert.equal(a.published?.iso, '2013-09-14');
  });

  test('ambiguous numeric dates follow the other dates of the lines, then the URL', () => {
    assert.equal(article('Posted 05/02/2013\n\nUpdated 14/02/2013').published?.iso, '2013-02-05');
    assert.equal(article('Posted 05/02/2013').published?.iso, '2013-05-02');
    const a = article('11 / 09 / 2010', { title: 'Council votes to repair county bridges', url: 'http://blog.example.org/2010/09/council-bridges.html' });
    assert.equal(a.published?.iso, '2010-09-11');
  });
});

describe('date lines: traps', () => {
  test('a sentence that mentions a date gives no publication date', () => {
    const a = article('The man was sentenced on Tuesday for a March 2005 shooting and for an attack on March 11, 2005, in the same town.');
    assert.equal(a.published, null);
    assert.equal(article('The mayor, who took office on March 4, 2005, announced the plan.').published, null);
    assert.equal(isDateOnly('The mayor, who took office on March 4, 2005, announced the plan.'), false);
  });

  test('a date range is not a date line', () => {
    assert.equal(article('June 7 - 9, 2013').published, null);
    assert.equal(article('March 3 - March 5, 2009').published, null);
    assert.equal(article('From 3 March to 5 March 2009').published, null);
    const d = parseTextDate('March 3 - March 5, 2009')!;
    assert.equal(isDateLine('March 3 - March 5, 2009', d.raw), false);
  });

  test('an impossible day, a year alone, a scheduled date', () => {
    assert.equal(parseTextDate('Feb 30, 2013'), null);
    assert.equal(parseTextDate('30 / 02 / 2013'), null);
    assert.equal(article('Feb 30, 2013').published, null);
    assert.equal(parseTextDate('2013'), null);
    assert.equal(article('2013').published, null);
    assert.equal(article('Hearing: June 3, 2099').published, null);
  });

  test('a dateline with a weekday only, a sentence opening with a place and a date', () => {
    assert.equal(article('NORTHVILLE (Wire Service) — Monday').published, null);
    assert.equal(article(`NORTHVILLE (Wire Service) — Monday ${BODY}`).published, null);
    assert.equal(article('End of Watch: Friday, June 24, 2005').published, null);
    assert.equal(article('Northville, where the mill closed on May 2, 2013, voted again.').published, null);
  });

  test('a masthead with a date among other words is not a date line', () => {
    assert.equal(isDateOnly('Weather Sports Business Opinion Tuesday, May 7, 2013 Subscribe Login'), false);
    assert.equal(isDateOnly('Date: May 7, 2013'), false);
  });
});

describe('date lines: the same article on any day', () => {
  /** The article extracted with the clock set to `iso` (the extraction's time budget reads it too). */
  function on(iso: string, head: string, meta?: { title?: string; url?: string }) {
    mock.timers.enable({ apis: ['Date'], now: Date.parse(iso) });
    try {
      return article(head, meta);
    } finally {
      mock.timers.reset();
    }
  }

  test('a date after the day it is read is kept, whatever that day', () => {
    const early = on('2013-01-01T00:00:00Z', 'June 3, 2099');
    const late = on('2100-01-01T00:00:00Z', 'June 3, 2099');
    assert.equal(early.published?.iso, '2099-06-03');
    assert.deepEqual(early.published, late.published);
    assert.deepEqual(early.messages, late.messages);
  });

  test('a date later than the one its URL gives is kept with a warning, on any day', () => {
    const meta = { title: 'Council votes to repair county bridges', url: 'https://news.example.org/2013/05/02/council-bridges/' };
    const early = on('2013-01-01T00:00:00Z', 'June 3, 2099', meta);
    const late = on('2100-01-01T00:00:00Z', 'June 3, 2099', meta);
    assert.equal(early.published?.iso, '2099-06-03');
    assert.deepEqual(early.messages, late.messages);
    assert.ok(early.messages.some((m) => m.level === 'warning' && m.message.includes('days after the date in its URL (2013-05-02)')));
    // the day after the URL's (a late edition), or a day in the month a URL's archive holds: no warning
    const next = article('May 3, 2013', meta);
    assert.equal(next.published?.iso, '2013-05-03');
    assert.ok(!next.messages.some((m) => m.message.includes('days after')));
    const archive = article('May 24, 2005', { url: 'http://blog.example.org/2005_05_01_archive.html' });
    assert.equal(archive.published?.iso, '2005-05-24');
    assert.ok(!archive.messages.some((m) => m.message.includes('days after')));
  });
});

describe('date lines: page stamps with a clock time', () => {
  test('"Updated 5:40 p.m. ET", "p. m." spaced, "5:03pm" and US zones are date lines, a sentence with a time is not', async () => {
    const { boilerplateReason } = await import('../../src/extract/boilerplate.js');
    for (const t of ['Updated 5:40 p.m. ET', 'Updated 4:08 p. m. ET', 'May 2, 2013 | 5:03pm', 'Posted 10:15 a.m. CT']) assert.equal(boilerplateReason(t), 'date line', t);
    for (const t of ['At 5 p.m. ET, the polls closed.', 'Police said two men were held at 4 p.m.']) assert.equal(boilerplateReason(t), null, t);
  });
});
