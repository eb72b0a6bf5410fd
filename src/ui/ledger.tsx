import type { Fact, QuoteStatement, SpeakerLedger, StoryCrossCheck, TimelineEvent } from '../compare/types.js';
import type { ReportStory } from '../report/schema.js';
import { Cites, EvBlock, EvLink, nameOf, outletNames, type StoryLinks } from './evidence.js';

const RELATION: Record<string, string> = {
  variant: 'wording variants (translation or paraphrase)',
  truncation: 'one wording contains another',
  identical: 'identical wordings',
};

function Statement({ st, l }: { st: QuoteStatement; l: StoryLinks }) {
  return (
    <div class={`statement${st.wordings.length > 1 ? ' grouped' : ''}`} data-relation={st.relation}>
      {st.wordings.length > 1 && <span class="badge">{`${RELATION[st.relation] ?? st.relation} · ${st.wordings.length} wordings`}</span>}
      {st.wordings.map((w) => (
        <EvBlock l={l} e={w.evidence[0]} class="wording">
          “{w.text}” <span class="meta">{w.kind} · </span>
          <Cites l={l} evidence={w.evidence} />
        </EvBlock>
      ))}
    </div>
  );
}

const SPEAKERS_OPEN = 4;

/** One speaker: the statements several outlets carry, then the others collapsed. */
function Speaker({ sp, l, open }: { sp: SpeakerLedger; l: StoryLinks; open: boolean }) {
  const shared = sp.statements.filter((s) => !s.singleOutlet).length;
  return (
    <details class="card speaker" open={open}>
      <summary>
        {sp.name || sp.speaker} <span class="meta">({sp.statements.length === 1 ? '1 statement' : `${sp.statements.length} statements`}{shared ? `, ${shared} carried by several outlets` : ''})</span>
      </summary>
      {sp.statements.filter((s) => !s.singleOutlet).map((st) => (
        <Statement st={st} l={l} />
      ))}
      {shared > 0 && shared < sp.statements.length ? (
        <details class="one-outlet">
          <summary class="meta">{sp.statements.length - shared === 1 ? '1 more statement' : `${sp.statements.length - shared} more statements`} from one outlet</summary>
          {sp.statements.filter((s) => s.singleOutlet).map((st) => (
            <Statement st={st} l={l} />
          ))}
        </details>
      ) : (
        shared === 0 && sp.statements.map((st) => <Statement st={st} l={l} />)
      )}
    </details>
  );
}

export function QuoteLedger({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  const n = cc.quoteLedger.reduce((t, s) => t + s.statements.length, 0);
  // open: the first speakers whose words several outlets carry; the others are a tap away
  const opened = new Set(cc.quoteLedger.filter((sp) => sp.statements.some((s) => !s.singleOutlet)).slice(0, SPEAKERS_OPEN));
  return (
    <>
      <h2 id="quotes">Who said what ({n === 1 ? '1 statement' : `${n} statements`})</h2>
      {cc.quoteLedger.length ? cc.quoteLedger.map((sp) => <Speaker sp={sp} l={l} open={opened.has(sp)} />) : <p class="muted">No quotes.</p>}
    </>
  );
}

export function Framing({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  if (!cc.framing.length) return null;
  const outlets = [...new Set(cc.framing.flatMap((r) => r.usage.map((u) => nameOf(l, u.articleId))))].sort();
  return (
    <>
      <h2 id="framing">Framing</h2>
      <div class="scroll">
        <table class="framing stack">
          <thead>
            <tr>
              <th>What</th>
              {outlets.map((o) => (
                <th>{o}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cc.framing.map((r) => (
              <tr>
                <td class="concept">{r.concept}</td>
                {outlets.map((o) => {
                  const terms = r.usage.filter((u) => nameOf(l, u.articleId) === o).flatMap((u) => u.terms);
                  return (
                    <td data-label={o}>
                      {terms.length ? terms.map((t, i) => (
                        <>
                          {i > 0 && ', '}
                          <EvLink l={l} e={t.evidence[0]}>{t.term}</EvLink>
                        </>
                      )) : <span class="muted">—</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Omissions({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  if (!cc.omissions.length) return null;
  return (
    <details class="omissions">
      <summary>Omissions ({cc.omissions.length}): facts several sources carry that others leave out</summary>
      <ul>
        {cc.omissions.map((o) => (
          <li>
            {o.statement} <span class="meta">(carried by {o.carriedBy}; missing from {outletNames(l, o.missingFrom.map((m) => m.articleId))})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

const TIMELINE_SHOWN = 8;

function Events({ events, l }: { events: TimelineEvent[]; l: StoryLinks }) {
  return (
    <ul class="facts timeline">
      {events.map((t) => (
        <EvBlock l={l} e={t.evidence[0]} tag="li">
          <strong>{t.date}</strong>
          {t.inferred && <span class="badge" title="dated from the story, not the article">inferred</span>} {t.label} <Cites l={l} evidence={t.evidence} />
        </EvBlock>
      ))}
    </ul>
  );
}

export function Timeline({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  return (
    <>
      <h2 id="timeline">Timeline</h2>
      {cc.timeline.length ? (
        <>
          <Events events={cc.timeline.slice(0, TIMELINE_SHOWN)} l={l} />
          {cc.timeline.length > TIMELINE_SHOWN && (
            <details>
              <summary class="meta">{cc.timeline.length - TIMELINE_SHOWN} more events</summary>
              <Events events={cc.timeline.slice(TIMELINE_SHOWN)} l={l} />
            </details>
          )}
        </>
      ) : (
        <p class="muted">No dated events.</p>
      )}
    </>
  );
}

/** Which outlet carries which fact (conflicting and corroborated first), collapsed. */
export function Matrix({ story, cc, l }: { story: ReportStory; cc: StoryCrossCheck; l: StoryLinks }) {
  const order: Record<Fact['status'], number> = { conflicting: 0, corroborated: 1, 'single-source': 2 };
  const facts = [...cc.facts].sort((a, b) => order[a.status] - order[b.status]).slice(0, 60);
  const outlets = [...new Set(story.articles.map((a) => nameOf(l, a.id).replace(/ #\d+$/, '')))].sort();
  if (!facts.length || !outlets.length) return null;
  return (
    <details class="matrix-block">
      <summary>Coverage matrix (outlets × facts)</summary>
      <div class="scroll">
        <table class="matrix">
          <thead>
            <tr>
              <th>Fact</th>
              {outlets.map((o) => (
                <th>{o}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {facts.map((f) => {
              const has = new Set(f.articles.map((id) => nameOf(l, id).replace(/ #\d+$/, '')));
              return (
                <tr>
                  <td>{f.statement.length > 140 ? `${f.statement.slice(0, 139)}…` : f.statement}</td>
                  {outlets.map((o) => (has.has(o) ? <td class={`c ${f.status === 'conflicting' ? 'conf' : 'yes'}`}>✓</td> : <td class="c" />))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {cc.facts.length > facts.length && <p class="meta">First {facts.length} of {cc.facts.length} facts.</p>}
    </details>
  );
}
