/** Articles whose every field carries markup, script or spreadsheet-formula payloads (tests of the UI, report.html and exports). Not a test file itself. */

const story = (n: number) =>
  `The harbour authority closed the northern terminal on Tuesday after a fire damaged two cranes, officials said. ` +
  `"<script>window.__pwned='quote${n}'</script> We will reopen =SUM(A1:A9) soon," said port director <b onmouseover="window.__pwned='name${n}'">Elena Marsh</b>. ` +
  `The fire burned for ${n === 1 ? 'three' : 'five'} hours before crews put it out, the authority said. ` +
  `About ${n === 1 ? '40' : '60'} workers were sent home. Click <a href="javascript:window.__pwned='link${n}'">here</a> <img src=x onerror="window.__pwned='img${n}'">. ` +
  `Repairs to the cranes are expected to take several weeks, the harbour authority said on Tuesday.`;

export const HOSTILE_RECORDS = [1, 2].map((n) => ({
  id: `hostile-${n}-<svg onload=alert(1)>`,
  title: `=HYPERLINK("http://evil.example","Fire closes harbour terminal") <script>window.__pwned='title${n}'</script>`,
  outlet: n === 1 ? `@SUM(1+1) <img src=x onerror="window.__pwned='outlet'">` : `+Daily "Harbour" <i>Gazette</i>`,
  url: `javascript:window.__pwned='url${n}'`,
  published: '2026-02-03',
  text: `By <img src=x onerror="window.__pwned='byline${n}'"> Staff\n\n${story(n)}`,
}));

/** Markup that must never appear live (as an element or an attribute) in any rendering. */
export const LIVE_PAYLOAD = /<script>window|<img src=x|<svg onload|<b onmouseover|<a href="javascript:/i;
