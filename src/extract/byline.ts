/**
 * Bylines: people only. "By Jane Doe and John Roe | Staff | 4 min read" → ["Jane Doe", "John Roe"].
 * Organisations (agencies, "Staff", "News Desk"), dates, reading times and roles are dropped.
 */
import { MONTHS, WEEKDAYS } from '../text/calendar.js';

// weekday and month names (not "may": a name) come from the calendar
const NOT_PERSON = new RegExp(
  `\\b(${[
    'staff|desk|team|news|newsroom|editors?|editorial|bureau|agency|agencies|press|associated|reuters|afp|wire|service|media|online|digital|correspondents?|contributors?|reporters?|writers?|admin|administrator|webmaster|guest|anonymous|unknown|inc|ltd|llc|group|network|times|post|daily|magazine|journal|tribune|herald|gazette|channel|radio|tv|television|updated|published|min|read|minutes?|share|comments?|follow|twitter|facebook|email|more|articles?|stories|posts?|view|profile|photo|photos|video|about|the|follow|author',
    ...WEEKDAYS,
    ...MONTHS.filter((m) => m !== 'may'),
  ].join('|')})\\b`,
  'i',
);

export function isPersonName(s: string): boolean {
  const t = s.trim();
  if (t.length < 3 || t.length > 60) return false;
  if (/\d|@|https?:|[|/\\<>{}[\]=]|\.[a-z]{2,4}$/i.test(t)) return false;
  if (/^(гость|редакция|редакция сайта|redaktion|rédaction|redacción|redação|redazione|admin)$/i.test(t)) return false;
  if (NOT_PERSON.test(t)) return false;
  // names in scripts without letter case (Chinese, Japanese, Korean, Arabic ...)
  if (/^[\p{Lo}][\p{Lo}\p{M}·・ ]{1,11}$/u.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length < 1 || words.length > 5) return false;
  // single-word names are accepted only when capitalised and not all caps shouting labels
  let caps = 0;
  for (const w of words) {
    if (/^[\p{Lu}]/u.test(w)) caps++;
    else if (!/^(de|da|del|della|der|den|van|von|la|le|du|dos|das|bin|al|el|y|e|di|ter|ten|st\.?)$/i.test(w)) return false;
  }
  if (caps === 0) return false;
  if (words.length === 1 && (t.length < 4 || t === t.toUpperCase())) return false;
  return true;
}

/** A month (its first three letters, any ending) followed by a number: a date glued after the name. */
const MONTH_THEN_NUMBER = new RegExp(`\\s*\\b(${MONTHS.map((m) => m.slice(0, 3)).join('|')})[a-z]*\\.?\\s+\\d.*$`, 'i');

export function cleanByline(raw: string): string[] {
  if (!raw) return [];
  let t = raw.replace(/\s+/g, ' ').trim();
  // drop what follows obvious separators of non-name info
  t = t.replace(/\b(updated|published|posted|last updated)\b.*$/i, '');
  t = t.replace(/\d+\s*min(ute)?s?\s*read.*$/i, '');
  t = t.replace(/^\s*(written\s+)?by[:\s]+/i, '');
  t = t.replace(/^\s*(text|texto|testo|текст|автор|autor|autora|author|authors|auteur|words|reporter|reportage)\s*:\s*/iu, '');
  // a date or time glued after the name ends the byline
  t = t.replace(MONTH_THEN_NUMBER, '');
  t = t.replace(/\s*\d.*$/, '');
  const parts = t
    .split(/\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\by\b|\bwith\b|\b(?:edited|written|photos?|illustrations?|reporting) by\b|·|•|\n)\s*/i)
    .map((p) =>
      p
        .replace(/^\s*(by|von|par|por|di)[:\s]+/i, '')
        .replace(/\s*\(.*?\)\s*/g, ' ')
        .replace(/^[\s\-–—:]+|[\s\-–—:.]+$/g, '')
        .trim(),
    )
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) if (isPersonName(p) && !out.includes(p)) out.push(p);
  return out.slice(0, 8);
}
