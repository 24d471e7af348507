// The session report of a transcript: talk balance, questions and reflections against the MITI levels,
// the circumplex of coach and coachee, a timeline of turns by code, and the flagged moments — every
// number with a one-line explanation (docs/transcripts.md).
import { useId } from "react";
import type { Analysis } from "./transcripts.api.ts";

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** The colour group of a code in the timeline (also said in words, never by colour alone). */
function groupOf(code: string): "question" | "reflection" | "input" | "other" | "coachee" {
  if (code.startsWith("question.")) return "question";
  if (code.startsWith("reflection.") || code === "summary") return "reflection";
  if (["information", "advice", "feedback", "self_disclosure", "persuade"].includes(code)) return "input";
  if (
    [
      "change_talk",
      "sustain_talk",
      "goal_directed",
      "self_exploration",
      "emotion_expressed",
      "question",
      "agreement",
      "disagreement",
    ].includes(code)
  ) {
    return "coachee";
  }
  return "other";
}

const codeLabel = (code: string) => code.replace(/[._]/g, " ");

function Metric({ label, value, explanation }: { label: string; value: string; explanation: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span className="metric-explanation">{explanation}</span>
      </dd>
    </div>
  );
}

/** Coach and coachee on the circumplex: friendliness across, dominance up, both from −1 to 1. */
function CircumplexPlot({ analysis }: { analysis: Analysis }) {
  const size = 220;
  const half = size / 2;
  const at = (v: number) => half + v * (half - 16);
  const { coach, coachee } = analysis.circumplex;
  const label = `Circumplex: the coach is ${coach.octant} (dominance ${coach.dominance}, friendliness ${coach.friendliness}); the coachee is ${coachee.octant} (dominance ${coachee.dominance}, friendliness ${coachee.friendliness}).`;
  return (
    <svg
      className="circumplex"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      width={size}
      height={size}
    >
      <line x1={0} y1={half} x2={size} y2={half} className="circumplex-axis" />
      <line x1={half} y1={0} x2={half} y2={size} className="circumplex-axis" />
      <text x={size - 4} y={half - 4} textAnchor="end" className="circumplex-label">
        friendly
      </text>
      <text x={4} y={half - 4} className="circumplex-label">
        hostile
      </text>
      <text x={half + 4} y={12} className="circumplex-label">
        dominant
      </text>
      <text x={half + 4} y={size - 4} className="circumplex-label">
        submissive
      </text>
      <circle cx={at(coach.friendliness)} cy={at(-coach.dominance)} r={7} className="circumplex-coach" />
      <text x={at(coach.friendliness) + 9} y={at(-coach.dominance) + 4} className="circumplex-point-label">
        coach
      </text>
      <rect
        x={at(coachee.friendliness) - 6}
        y={at(-coachee.dominance) - 6}
        width={12}
        height={12}
        className="circumplex-coachee"
      />
      <text
        x={at(coachee.friendliness) + 9}
        y={at(-coachee.dominance) + 4}
        className="circumplex-point-label"
      >
        coachee
      </text>
    </svg>
  );
}

export function TranscriptReport({ analysis }: { analysis: Analysis }) {
  const barId = useId();
  const m = analysis.metrics;
  const coach = analysis.speakers.find((s) => s.role === "coach");
  return (
    <>
      {analysis.warnings.map((warning) => (
        <p key={warning} className="notice">
          {warning}
        </p>
      ))}
      <section className="card section" aria-labelledby="balance-heading">
        <h2 id="balance-heading">Talk balance</h2>
        <p className="muted">
          Share of the talking, by{" "}
          {m.talkShareBasis === "time" ? "spoken time" : "words (the transcript has no times)"}. Coaching
          leaves most of the room to the coachee.
        </p>
        <ul className="talk-bars">
          {analysis.speakers.map((s, i) => (
            <li key={s.name}>
              <label className="talk-bar-label" htmlFor={`${barId}-${i}`}>
                {s.name} ({s.role}) — {pct(s.talkShare)}
              </label>
              <meter id={`${barId}-${i}`} className="talk-bar" min={0} max={1} value={s.talkShare} />
            </li>
          ))}
        </ul>
        <dl className="metrics">
          <Metric
            label="Coachee's share of the words"
            value={pct(m.coacheeShareOfWords)}
            explanation="How much of what was said came from the coachee."
          />
          {coach && (
            <Metric
              label="Coach's questions"
              value={`${coach.questions} (${coach.openQuestions} open, ${coach.closedQuestions} closed)`}
              explanation="Open questions invite the coachee to explore; closed ones ask for a fact or a yes/no."
            />
          )}
          <Metric
            label="Reflections per question"
            value={`${m.reflectionToQuestionRatio ?? "–"}${m.miti.reflectionToQuestion ? ` (${m.miti.reflectionToQuestion})` : ""}`}
            explanation="MITI 4.2.1: fair from 1 reflection per question, good from 2."
          />
          <Metric
            label="Complex reflections"
            value={`${m.percentComplexReflections ?? "–"} %${m.miti.complexReflections ? ` (${m.miti.complexReflections})` : ""}`}
            explanation="Reflections that add meaning or feeling; MITI 4.2.1: fair from 40 %, good from 50 %."
          />
          <Metric
            label="Coachee's talk in time"
            value={`past ${pct(m.coacheeTemporalFocus.past)}, present ${pct(m.coacheeTemporalFocus.present)}, future ${pct(m.coacheeTemporalFocus.future)}`}
            explanation="Coaching works on the present and toward future goals more than on the past."
          />
          {m.timed && m.coachMedianPauseSeconds !== null && (
            <>
              <Metric
                label="Speaker switches a minute"
                value={String(m.interactivity ?? "–")}
                explanation="How often the conversation goes back and forth."
              />
              <Metric
                label="Coach's median pause before replying"
                value={`${m.coachMedianPauseSeconds ?? "–"} s`}
                explanation="A moment's pause shows the coachee was let to finish."
              />
              <Metric
                label="Interruptions"
                value={String(m.interruptions)}
                explanation="Turns that started more than half a second before the other speaker finished."
              />
            </>
          )}
        </dl>
      </section>
      <section className="card section" aria-labelledby="circumplex-heading">
        <h2 id="circumplex-heading">Leading and warmth</h2>
        <p className="muted">
          Each turn scored for leading (dominance) and warmth (friendliness) from its words; the dots are the
          means. Dominant-friendly coaches — prepared to lead, warm — build stronger alliances.
        </p>
        <CircumplexPlot analysis={analysis} />
        <p>
          Coach: <strong>{analysis.circumplex.coach.octant}</strong>. Coachee:{" "}
          <strong>{analysis.circumplex.coachee.octant}</strong>. Warmth returned (Yule's Q, coach → coachee):{" "}
          {analysis.sequences.reciprocityOfFriendliness ?? "–"}.
        </p>
      </section>
      <section className="card section" aria-labelledby="moments-heading">
        <h2 id="moments-heading">Moments worth a second look</h2>
        {analysis.flags.length === 0 ? (
          <p>None flagged.</p>
        ) : (
          <ul className="flag-list">
            {analysis.flags.map((flag) => (
              <li key={`${flag.kind}-${flag.index}`}>
                <strong>Turn {flag.index + 1}:</strong> {flag.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline of turns</h2>
        <p className="muted">
          Each turn with its main code: questions, reflections, input (information, advice, feedback), other.
        </p>
        <ol className="turn-timeline">
          {analysis.utterances.map((u) => (
            <li key={u.index} className={`turn turn-${groupOf(u.primary)}`}>
              <span className="turn-meta">
                {u.speaker} · {codeLabel(u.primary)}
              </span>
              <span className="turn-text">{u.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
