/**
 * Known boilerplate lines of many outlets (English first, a few other languages): share and
 * follow prompts, newsletter and app prompts, "read also" headers, comment boxes, copyright
 * lines, photo credits, reading-time labels. Each pattern is matched against a whole short
 * line/block; the name is the reason recorded in `Article.removed`.
 */

const PATTERNS: [RegExp, string][] = [
  [/^(advertisement|advertisment|advert|sponsored( content)?|ad|ads|promoted( content)?|paid (post|content)|story continues below( this)? ad(vertisement)?|continue reading (the main story|below)|scroll to continue( with content)?|skip (to|ad)\b.*)$/i, 'advertisement label'],
  [/^(also read|read also|read more|more to read|related|related (articles?|stories|news|content|coverage|posts?|links?|topics?)|recommended( for you| stories| articles)?|you (may|might) (also )?like|more (from|in|on) (this section|[\p{L} ]{1,30})|more stories|more news|other (stories|news)|top stories|latest( news| stories)?|trending( now| news| stories)?|most (read|popular|viewed|shared)|editor'?s picks|don'?t miss|see also|others are reading now|what to read next|read next|up next|explore news|explore more|in case you missed it|must read|popular (now|stories)|keep reading)\s*:?$/iu, 'related-links header'],
  [/^(share (this|the) (article|story|page|post)|share (on|via) |share it\b|click to share|tweet this|email this|print this|copy link|link copied)|\bshare (this|the) (article|story):?$|\bshare it here\b/i, 'share prompt'],
  [/^(share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|copy|comments?|save|x)(\s*[|/·•,]?\s*(share|tweet|email|print|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|copy( link)?|comments?|save|x))*$/i, 'share buttons'],
  [/\b(sign up|subscribe)\b.{0,80}\b(newsletter|updates|alerts|inbox|email)\b|\bnewsletter\b.{0,60}\b(sign up|subscribe|inbox)\b|^subscribe( now| today)?\b|\bget (them|it|the latest|our).{0,60}\b(telegram|whatsapp|app|newsletter|inbox)\b|\bdownload (the|our) .{0,40}app\b|\bfollow us on\b|\bsign up for our ?newsletter|\b(like|enjoy(ed)?) this (story|article)\?\s*share\b|\bjoin (us|our) on (telegram|whatsapp)\b/i, 'newsletter or app prompt'],
  [/^(add a comment|add yours|leave a (comment|reply)|post a comment|\+?\s*there are no comments|no comments( yet)?|comments? \(\d+\)|\d+ comments?|view comments|show comments|load comments|join the (conversation|discussion)|your email address will not be published\.?|required fields are marked.*|be the first to comment.*|comments are closed\.?|we welcome (your )?comments.*)$/i, 'comment box'],
  [/^(copyrights?\b|©|\(c\)\s*\d{4})|all rights reserved|this material may not be published, broadcast, rewritten,? or redistributed/i, 'copyright line'],
  [/^(image|photo|picture|video|graphic|illustration|credit|source|file photo|photograph)s?( credit)?\s*[:|]|\b(getty images|shutterstock|afp via getty|via wikimedia commons|wikimedia commons|cc by(-sa)? \d|istock|alamy|epa-efe)\b|\((image|photo|picture|photograph|credit|pic|foto)s?( credit)?\s*:[^)]{0,60}\)\s*$/i, 'image credit'],
  [/\b(we use cookies|uses cookies|use of cookies|cookie policy|cookie settings|accept (all )?cookies|this (web)?site uses)\b/i, 'cookie notice'],
  [/\b(registered trademarks? of|subject to copyright|quotes (are )?delayed|market data (is )?provided by|not intended to diagnose|consult your (physician|doctor) (and|before)|information provided on this (web)?site|terms (and|&) conditions apply)\b/i, 'legal notice'],
  [/^(image|photo|picture|slide) \d+ (of|\/) \d+$|^(back to gallery|view gallery|open gallery|launch gallery|enlarge( this)? image|expand|show more|load more|see more|read full article|continue reading)$/i, 'gallery or reader control'],
  [/^(on|more on|also on|read more on|more at|read it on) [\w-]+(\.[\w-]+)+\s*:/i, 'related link'],
  [/\b(stay up to date with|succ?essfully subscribed|activation link|confirm your (email|subscription)|thanks? (you )?for (signing up|subscribing))\b/i, 'newsletter or app prompt'],
  [/^(this (slideshow|video|content|feature|page) requires javascript\.?|please enable javascript.*|your browser does not support.*|javascript is (disabled|required).*)$/i, 'script notice'],
  [/^(tell us what you think.*|what do you think\?.*|let us know (what you think|in the comments).*)$/i, 'feedback prompt'],
  [/^.{0,150}\bclick here\b.{0,60}$/i, 'promotion'],
  [/^\[\/?[a-z_-]+(\s[^\]]*)?\]|\[\/[a-z_-]+\]$/i, 'shortcode'],
  [/^https?:\/\/\S+(\s+\S+){0,12}$/i, 'bare link'],
  [/^(listen to this article|listen to (the )?story|\d+\s*min(ute)?s? (read|listen)|reading time:?.*|audio version|play audio|text size|font size|aa+)$/i, 'reading tool'],
  [/^(topics|tags|filed under|categories|keywords)\s*:/i, 'topic tags'],
  [/^(home|menu|search|sign in|log ?in|log ?out|register|my account|subscribe|e-?paper|notifications?|notification icon|userprofile icon.*|linkedin icon|facebook icon|twitter icon|close|open|back to top|skip to (main )?content|toggle navigation|main menu|accessibility|site map|sitemap|contact us|about us|privacy policy|terms of (use|service)|cookie (policy|settings)|hot stocks|top sections|key events|live tv|watch live)$/i, 'navigation'],
  [/^(did you find (this|the) article (interesting|helpful|useful)\??.*|was this (article|story) helpful\??.*|rate this (article|story).*|report an? (error|correction|typo).*|have a (news )?tip\??.*|send us (a|your) (tip|feedback).*|we want to hear from you.*)$/i, 'feedback prompt'],
  [/^(this (article|story) (was|has been) (originally )?(published|updated|corrected).{0,120}|(updated|published|first published|last updated|posted)( on| at)?\s*:?\s*[^.]{0,40}\d[^.]{0,40})$/i, 'date line'],
  [/^(view|see) (all|more) (photos|images|videos|comments|stories|news)$/i, 'navigation'],
  [/^(читайте также|смотрите также|подробнее|поделиться|реклама|相关阅读|相关新闻|责任编辑.*|分享到.*|اقرأ أيضا|اقرأ أيضاً|شارك|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer también|lee también|leia também)\s*:?$/iu, 'related-links header'],
];

const DATE_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|am|pm|a\.\s?m|p\.\s?m|gmt|utc|ist|e[sd]?t|c[sd]?t|p[sd]?t|m[sd]?t|bst|cet|cest|msk|at|on|updated|published|posted|last|first|hrs?|ago|minutes?|hours?|days?)\b/gi;

/** A block that is only a date/time ("20 Nov, 2019 05:47", "Updated: Nov 18, 2019 @17:26 PM"). */
export function isDateOnly(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  // a lone number (a table cell, a score, a count) is data, not a date
  if (/^\s*[\d.,]+\s*$/.test(text) && !/^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*$/.test(text)) return false;
  // (a clock time's am/pm written onto its digits: "5:03pm")
  const rest = text.replace(/(\d)[ap]m\b/gi, '$1').replace(DATE_WORDS, '').replace(/[\d\s,.:;/|@()+\-–—·•]+/g, '');
  return rest.length === 0;
}

/** The reason a short block is boilerplate, or null. */
export function boilerplateReason(text: string): string | null {
  const t = text.trim();
  if (!t) return 'empty';
  if (t.length > 300) {
    // long legal and cookie notices still announce themselves
    if (t.length > 1500) return null;
    // (only when the line opens with the notice: an article may mention a trademark in passing)
    const head = t.slice(0, 100);
    for (const [re, reason] of PATTERNS) if ((reason === 'legal notice' || reason === 'cookie notice' || reason === 'copyright line') && re.test(head)) return reason;
    return null;
  }
  if (isDateOnly(t)) return 'date line';
  for (const [re, reason] of PATTERNS) if (re.test(t)) return reason;
  return null;
}

/** Headers after which a list of headlines (links) follows. */
export const LINK_LIST_HEADER =
  /^(also read|read also|read more|related|related (articles?|stories|news|content|coverage|posts?|links?)|recommended( for you| stories| articles)?|you (may|might) (also )?like|more (from|in|on) (this section|[\p{L} ]{1,30})|more stories|more news|other (stories|news)|top stories|latest( news| stories)?|trending( now| news| stories)?|most (read|popular|viewed|shared)|editor'?s picks|see also|others are reading now|what to read next|read next|up next|explore news|explore more|in case you missed it|must read|popular (now|stories)|читайте также|смотрите также|相关阅读|相关新闻|اقرأ أيضا|lesen sie auch|lire aussi)\s*:?$/iu;
