// A session transcript as the analyser reads it: the turns in the order they were spoken, each with its
// speaker, its text and, where the source has them, its start and end in seconds.

/** The transcript formats Alliance reads (docs/transcripts.md). */
export const TRANSCRIPT_FORMATS = ["vtt", "srt", "plain", "otter", "json"] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/**
 * One input turn: a WebVTT or SRT cue, a `Name:` block of plain text, an Otter block, a diarised JSON
 * segment or utterance. The analyser codes exactly one utterance per turn and never merges or splits them.
 */
export interface Turn {
  readonly speaker: string;
  readonly text: string;
  /** Seconds from the start of the recording; null when the source has no times. */
  readonly start: number | null;
  readonly end: number | null;
  /** 1-based line of the source where the turn begins (for JSON, always 1: errors there name the segment). */
  readonly line: number;
}

export interface Transcript {
  readonly format: TranscriptFormat;
  readonly turns: readonly Turn[];
  /**
   * Whether the source gave each turn's end. Plain text and Otter give starts only; their ends are taken
   * from the next turn's start, which is fine for talk time but says nothing of pauses or overlaps.
   */
  readonly endsGiven: boolean;
}

/** Why a transcript could not be read: the line (1-based) and a plain message. */
export interface TranscriptParseError {
  readonly line: number;
  readonly message: string;
}

/** Splits text into lines, accepting \n, \r\n and \r, and dropping a leading byte-order mark. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** Collapses runs of whitespace to one space and trims. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A speaker label at the start of a line — `Maya Okafor: …`, `SPEAKER_01: …`, `Dr. Ng: …` — with the
 * rest of the line. Up to 40 characters of letters, digits, spaces, dots, apostrophes, hyphens and
 * underscores, starting with a letter or digit; a time like `10:30` is not a speaker.
 */
export function speakerPrefix(line: string): { speaker: string; rest: string } | null {
  const match = /^\s*([\p{L}\p{N}][\p{L}\p{M}\p{N} .'’_-]{0,39}?)\s*:(?!\d)\s*(.*)$/u.exec(line);
  if (!match) return null;
  const speaker = tidy(match[1] ?? "");
  if (speaker === "" || /^\d+$/.test(speaker)) return null;
  return { speaker, rest: match[2] ?? "" };
}

/**
 * Seconds from a clock time: `h:mm:ss.mmm`, `mm:ss.mmm`, `m:ss`, with `.` or `,` before the fraction.
 * Null when the text is not one, or minutes or seconds are 60 or more.
 */
export function clockSeconds(text: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (minutes >= 60 || seconds >= 60) return null;
  const fraction = match[4] === undefined ? 0 : Number(match[4].padEnd(3, "0")) / 1000;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}
