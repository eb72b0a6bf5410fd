import { type BriefStanding, type Conflict, type EvolvingFigure, type Fact, factStanding, STANDING_LABEL, type StoryCrossCheck } from '../compare/types.js';
import { Cites, EvBlock, outletNames, type StoryLinks } from './evidence.js';

/** The badge class of a standing (`BriefSentence.standing`, set by the cross-check). */
const STANDING_CLASS: Record<BriefStanding, string> = { established: 'st-established', disputed: 'st-disputed', 'single-source': 'st-single' };

export function StandingBadge({ s }: { s: BriefStanding }) {
  return <span class={`badge ${STANDING_CLASS[s]}`}>{STANDING_LABEL[s]}</span>;
}

export function Brief({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  return (
    <>
      <h2 id="brief">Brief</h2>
      {cc.brief.length ? (
        <div class="card brief">
          {cc.brief.map((b) => {
            const s = b.standing;
            return (
              <EvBlock l={l} e={b.citations[0]} tag="p" class={`brief-${b.kind} standing-${s}`}>
                <StandingBadge s={s} /> {b.text} <Cites l={l} evidence={b.citations} />
              </EvBlock>
            );
          })}
        </div>
      ) : (
        <p class="muted">Nothing is reported by more than one source.</p>
      )}
    </>
  );
}

function ConflictCard({ c, l }: { c: Conflict; l: StoryLinks }) {
  return (
    <div class="card conflict" data-conflict={c.id} data-kind={c.kind}>
      <strong>{c.slot}</strong> <span class={`badge ${c.severity === 'minor' ? 'b-single' : 'b-conflict'}`}>{c.severity === 'minor' ? 'minor discrepancy' : 'conflict'}</span>
      {c.withinArticle && <span class="badge">within one article</span>}
      <div class="sides">
        {c.sides.map((side) => (
          <EvBlock l={l} e={side.evidence[0]} class="side">
            <div class="value">{side.value}</div>
            {side.wordings.map((w) => (
              <div class="wording-text">“{w}”</div>
            ))}
            <div class="meta">
              <Cites l={l} evidence={side.evidence} />
              {side.articles.length > new Set(side.evidence.map((e) => e.articleId)).size && ` also ${outletNames(l, side.articles.filter((id) => !side.evidence.some((e) => e.articleId === id)))}`}
            </div>
          </EvBlock>
        ))}
      </div>
      {c.note && <div class="meta">{c.note}</div>}
    </div>
  );
}

export function Conflicts({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  return (
    <>
      <h2 id="conflicts">Conflicts ({cc.conflicts.length})</h2>
      {cc.conflicts.length ? cc.conflicts.map((c) => <ConflictCard c={c} l={l} />) : <p class="muted">The sources do not contradict each other on any value found.</p>}
    </>
  );
}

/** A total that grew from day to day: its values in publication order, each opening its sentence. */
function EvolvingCard({ e, l }: { e: EvolvingFigure; l: StoryLinks }) {
  return (
    <div class="card evolving" id={`ev-${e.id}`} data-evolving={e.id} data-kind={e.kind}>
      <strong>{e.label}</strong> <span class="badge b-evolving">evolving figure</span>
      <ol class="steps">
        {e.steps.map((step) => (
          <EvBlock l={l} e={step.evidence[0]} tag="li" class="step">
            <time datetime={step.published}>{step.published}</time> <span class="value">{step.value}</span>
            {step.wordings.map((w) => (
              <div class="wording-text">“{w}”</div>
            ))}
            <div class="meta">
              <Cites l={l} evidence={step.evidence} />
            </div>
          </EvBlock>
        ))}
      </ol>
      <div class="meta">Told higher in articles published later: an update as the event unfolded, not a disagreement.</div>
    </div>
  );
}

/** Evolving figures, when the story has any (a story of one day has none). */
export function Evolving({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  const figures = cc.evolvingFigures ?? [];
  if (!figures.length) return null;
  return (
    <>
      <h2 id="evolving">Evolving figures ({figures.length})</h2>
      {figures.map((e) => (
        <EvolvingCard e={e} l={l} />
      ))}
    </>
  );
}

function FactRow({ f, l }: { f: Fact; l: StoryLinks }) {
  return (
    <EvBlock l={l} e={f.evidence[0]} tag="li" class={`fact fact-${f.status}`}>
      <StandingBadge s={factStanding(f)} /> {f.statement} <Cites l={l} evidence={f.evidence} />
      {f.status !== 'single-source' && <span class="meta"> · {f.independentSources} independent</span>}
      {(f.evolvingIds ?? []).map((id) => (
        <a class="meta see-evolving" href={`#ev-${id}`}> · a step of an evolving figure</a>
      ))}
    </EvBlock>
  );
}

/** Facts carried by several sources shown at once; the rest of a long list is one tap away. */
const SHARED_SHOWN = 12;

/** Facts carried by several sources first; single-source statements collapsed (they are most of a big story). */
export function Facts({ cc, l }: { cc: StoryCrossCheck; l: StoryLinks }) {
  const shared = cc.facts.filter((f) => f.status !== 'single-source');
  const single = cc.facts.filter((f) => f.status === 'single-source');
  return (
    <>
      <h2 id="facts">Facts ({cc.facts.length})</h2>
      {shared.length ? (
        <>
          <ul class="facts facts-shared">
            {shared.slice(0, SHARED_SHOWN).map((f) => (
              <FactRow f={f} l={l} />
            ))}
          </ul>
          {shared.length > SHARED_SHOWN && (
            <details class="more-facts">
              <summary>{shared.length - SHARED_SHOWN} more facts carried by several sources</summary>
              <ul class="facts facts-shared">
                {shared.slice(SHARED_SHOWN).map((f) => (
                  <FactRow f={f} l={l} />
                ))}
              </ul>
            </details>
          )}
        </>
      ) : (
        <p class="muted">No fact is reported by more than one source.</p>
      )}
      {single.length > 0 && (
        <details class="single-source">
          <summary>Single-source statements ({single.length})</summary>
          <ul class="facts">
            {single.map((f) => (
              <FactRow f={f} l={l} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
