// The coachee's rating form: the instrument form with one "Send rating", on the rating link's token.
import type { ApiError } from "../api.ts";
import { InstrumentForm } from "../instruments/instrument-form.tsx";
import type { InstrumentDefinition, RatingScores } from "../types.ts";
import { submitRating } from "./ratings.api.ts";

interface RatingFormProps {
  token: string;
  instrument: InstrumentDefinition;
  onSent: (scores: RatingScores) => void;
  /** A link that stopped working (410) or a cancelled session (409) while the form was open. */
  onLinkClosed: (error: ApiError) => void;
}

export function RatingForm({ token, instrument, onSent, onLinkClosed }: RatingFormProps) {
  return (
    <InstrumentForm
      instrument={instrument}
      submitLabel="Send rating"
      largeButton
      submit={async (answers) => onSent(await submitRating(token, answers))}
      onFailure={(error) => {
        if (error.status !== 410 && error.status !== 409) return false;
        onLinkClosed(error);
        return true;
      }}
    />
  );
}
