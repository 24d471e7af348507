// Dates and counts in the browser's locale, and the conversions for `datetime-local` inputs.

const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** An ISO 8601 instant as a local date and time, e.g. "Mon, 23 Nov 2026, 10:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** The IANA name of the browser's time zone, e.g. "Europe/Berlin". */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** An ISO 8601 instant as the local `YYYY-MM-DDTHH:mm` value a `datetime-local` input takes. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time, no offset) as an ISO 8601 UTC instant; null if invalid. */
export function fromLocalInput(value: string): string | null {
  // A date-time string without an offset is read as local time (ECMA-262 Date Time String Format).
  const date = new Date(value);
  return value === "" || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "1 session", "3 sessions". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
