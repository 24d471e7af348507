// FHIR R4 QuestionnaireResponse export of a response, and reading one back into a response to validate.

import type { IsoInstant } from "../shared/brand.ts";
import { assertNever } from "../shared/brand.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { shownItemIds } from "./enable-when.ts";
import {
  ALLIANCE_FHIR_BASE,
  type FhirAnswer,
  type FhirQuestionnaireResponse,
  questionnaireUrl,
} from "./fhir-types.ts";
import type { Instrument, Item } from "./instrument.ts";
import { type AnswerValue, answerOf, type ResponseInput, type ValidResponse } from "./response.ts";

export interface ResponseExportOptions {
  /** `QuestionnaireResponse.id` (letters, digits, `-`, `.`; at most 64). */
  readonly id?: string;
  /** When it was answered. */
  readonly authored?: IsoInstant;
  /** The language it was answered in; its texts are written in it (default: the instrument's first). */
  readonly language?: string;
}

/**
 * Writes a validated response as a FHIR R4 QuestionnaireResponse (status `completed`) that points at
 * the exact Questionnaire version answered (`questionnaire: <url>|<version>`). Answered, shown items
 * only, in instrument order: scale → `valueInteger`, choice → `valueCoding` (code and label), boolean →
 * `valueBoolean`, text → `valueString`. Throws when the response belongs to another instrument (a bug).
 */
export function toFhirQuestionnaireResponse(
  instrument: Instrument,
  response: ValidResponse,
  options: ResponseExportOptions = {},
): FhirQuestionnaireResponse {
  if (response.instrumentId !== instrument.id || response.instrumentVersion !== instrument.version) {
    throw new Error(
      `Response for ${response.instrumentId} ${response.instrumentVersion} exported with ${instrument.id}.`,
    );
  }
  const language = options.language ?? instrument.languages[0];
  if (language === undefined || !instrument.languages.includes(language)) {
    throw new Error(`${instrument.id} has no language ${String(language)}.`);
  }
  const shown = shownItemIds(instrument, response.answers);
  const items = instrument.items.flatMap((item) => {
    const answer = shown.has(item.id) ? answerOf(response.answers, item.id) : undefined;
    if (answer === undefined) return [];
    return [
      { linkId: item.id, text: item.text[language] ?? "", answer: [fhirAnswer(item, answer, language)] },
    ];
  });
  return {
    resourceType: "QuestionnaireResponse",
    ...(options.id === undefined ? {} : { id: options.id }),
    language,
    questionnaire: `${questionnaireUrl(instrument.id)}|${instrument.version}`,
    status: "completed",
    ...(options.authored === undefined ? {} : { authored: options.authored }),
    item: items,
  };
}

/** Why a QuestionnaireResponse could not be read as a response. */
export interface ResponseImportIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Reads a FHIR R4 QuestionnaireResponse of one of our Questionnaires into a `ResponseInput`, to be
 * checked with `validateResponse`: the instrument id and version come from `questionnaire`
 * (`https://alliance.example/fhir/Questionnaire/<id>|<version>`), answers from the items' first answer
 * (a coding gives its code). Only flat items with one answer each are read.
 */
export function fromFhirQuestionnaireResponse(
  json: unknown,
): Result<ResponseInput, readonly ResponseImportIssue[]> {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return err([{ path: "", message: "Expected a FHIR QuestionnaireResponse object." }]);
  }
  const resource = json as Readonly<Record<string, unknown>>;
  if (resource.resourceType !== "QuestionnaireResponse") {
    return err([{ path: "resourceType", message: "Expected resourceType QuestionnaireResponse." }]);
  }
  const canonical = typeof resource.questionnaire === "string" ? resource.questionnaire : "";
  const match = /^(.*)\/Questionnaire\/([A-Za-z0-9\-.]{1,64})\|(\S+)$/.exec(canonical);
  if (match === null || match[1] !== ALLIANCE_FHIR_BASE || match[2] === undefined || match[3] === undefined) {
    return err([
      {
        path: "questionnaire",
        message: `questionnaire must be ${ALLIANCE_FHIR_BASE}/Questionnaire/<id>|<version>.`,
      },
    ]);
  }
  const issues: ResponseImportIssue[] = [];
  const answers: Record<string, unknown> = {};
  const items = Array.isArray(resource.item) ? resource.item : [];
  items.forEach((raw: unknown, index) => {
    const path = `item[${index}]`;
    const item = typeof raw === "object" && raw !== null ? (raw as Readonly<Record<string, unknown>>) : {};
    const linkId = item.linkId;
    const answerList = Array.isArray(item.answer) ? item.answer : [];
    if (typeof linkId !== "string" || answerList.length !== 1) {
      issues.push({ path, message: `${path} needs a linkId and exactly one answer.` });
      return;
    }
    if (Object.hasOwn(answers, linkId)) {
      issues.push({ path, message: `Item "${linkId}" is answered twice.` });
      return;
    }
    const answer = answerList[0] as Readonly<Record<string, unknown>> | undefined;
    const coding = answer?.valueCoding;
    answers[linkId] =
      typeof coding === "object" && coding !== null
        ? (coding as Readonly<Record<string, unknown>>).code
        : (answer?.valueInteger ?? answer?.valueBoolean ?? answer?.valueString ?? answer?.valueDecimal);
  });
  if (issues.length > 0) return err(issues);
  return ok({ instrumentId: match[2], instrumentVersion: match[3], answers });
}

function fhirAnswer(item: Item, answer: AnswerValue, language: string): FhirAnswer {
  switch (item.kind) {
    case "scale":
      return { valueInteger: answer as number };
    case "boolean":
      return { valueBoolean: answer as boolean };
    case "text":
      return { valueString: answer as string };
    case "choice": {
      const option = item.options.find((candidate) => candidate.code === answer);
      if (option === undefined)
        throw new Error(`Item "${item.id}" holds an unknown option ${String(answer)}.`);
      return { valueCoding: { code: option.code, display: option.label[language] ?? option.code } };
    }
    default:
      return assertNever(item);
  }
}
