// FHIR R4 Questionnaire export and import of instruments; what FHIR has no field for travels in our extensions.

import { assertNever } from "../shared/brand.ts";
import { err, type Result } from "../shared/result.ts";
import {
  FHIR_EXTENSION,
  type FhirAnswerOption,
  type FhirElement,
  type FhirEnableWhen,
  type FhirExtension,
  type FhirQuestionnaire,
  type FhirQuestionnaireItem,
  ITEM_CONTROL_SYSTEM,
  questionnaireUrl,
} from "./fhir-types.ts";
import type { EnableWhen, Instrument, Item, LanguageTag, LocalizedText, ScaleItem } from "./instrument.ts";
import { type LoadIssue, loadInstrument } from "./instrument-loader.ts";

/**
 * Writes `instrument` as a FHIR R4 Questionnaire (status `active`). Mapping (docs/instruments.md):
 * id, version, title, description → the same fields; licence → `copyright`; the first language →
 * `language`, the others → `translation` extensions on each text; choice → `choice` with `answerOption`
 * codings, each carrying its score (our `option-score`, plus FHIR's `ordinalValue`); scale → `integer`
 * with `minValue`/`maxValue`, a slider control and our `scale-anchors`; boolean → `boolean`; text →
 * `text` with `maxLength`; `enableWhen` → one `enableWhen`; reverse keying, subscales and the total (with
 * its rescaling) → our extensions under https://alliance.example/fhir/StructureDefinition/.
 */
export function toFhirQuestionnaire(instrument: Instrument): FhirQuestionnaire {
  const languages = instrument.languages;
  const title = fhirText(instrument.title, languages);
  const description =
    instrument.description === undefined ? undefined : fhirText(instrument.description, languages);
  const extension: FhirExtension[] = instrument.subscales.map((subscale) => {
    const subTitle = fhirText(subscale.title, languages);
    return {
      url: FHIR_EXTENSION.subscale,
      extension: [
        { url: "id", valueString: subscale.id },
        {
          url: "title",
          valueString: subTitle.value,
          ...(subTitle.element ? { _valueString: subTitle.element } : {}),
        },
        { url: "method", valueCode: subscale.method },
        ...subscale.items.map((item) => ({ url: "item", valueString: item })),
      ],
    };
  });
  const total = instrument.scoring.total;
  if (total !== null) {
    extension.push({
      url: FHIR_EXTENSION.total,
      extension: [
        { url: "method", valueCode: total.method },
        ...total.items.map((item) => ({ url: "item", valueString: item })),
        ...(total.rescale === undefined
          ? []
          : [
              { url: "rescale-min", valueDecimal: total.rescale.min },
              { url: "rescale-max", valueDecimal: total.rescale.max },
            ]),
      ],
    });
  }
  return {
    resourceType: "Questionnaire",
    id: instrument.id,
    ...(extension.length > 0 ? { extension } : {}),
    url: questionnaireUrl(instrument.id),
    version: instrument.version,
    name: fhirName(instrument.id),
    title: title.value,
    ...(title.element ? { _title: title.element } : {}),
    status: "active",
    ...(languages[0] === undefined ? {} : { language: languages[0] }),
    ...(description === undefined
      ? {}
      : {
          description: description.value,
          ...(description.element ? { _description: description.element } : {}),
        }),
    copyright: instrument.licence,
    item: instrument.items.map((item) => fhirItem(item, languages)),
  };
}

/**
 * Reads a FHIR R4 Questionnaire (JSON) into an instrument and checks it like `loadInstrument`. Accepts
 * what `toFhirQuestionnaire` writes and Questionnaires from elsewhere that use the same elements: flat
 * items of type choice (coded options, each with a score in our `option-score` or FHIR's `ordinalValue`
 * extension), integer (with `minValue` and `maxValue`), boolean, text or string. Groups, display items,
 * other types and several `enableWhen`s per item are refused with an issue naming the `linkId`.
 * `copyright` is the licence note and must be present; the id is `Questionnaire.id` (else `name`).
 */
export function fromFhirQuestionnaire(json: unknown): Result<Instrument, readonly LoadIssue[]> {
  const issues: LoadIssue[] = [];
  const fail = (path: string, itemId: string | null, message: string): undefined => {
    issues.push({ path, itemId, message });
    return undefined;
  };
  if (!isObject(json) || json.resourceType !== "Questionnaire") {
    return err([{ path: "resourceType", itemId: null, message: "Expected a FHIR Questionnaire resource." }]);
  }
  const language = typeof json.language === "string" ? json.language : "en";
  const languages = [language, ...translationLanguages(json._title).filter((tag) => tag !== language)];
  const extensions = extensionsOf(json);
  const items = Array.isArray(json.item) ? json.item : [];
  const definition = {
    id: json.id ?? json.name,
    version: json.version,
    title: readText(json.title, json._title, language),
    ...(json.description === undefined
      ? {}
      : { description: readText(json.description, json._description, language) }),
    licence:
      json.copyright ??
      fail("copyright", null, "copyright is missing: an instrument needs its licence note."),
    languages,
    items: items.map((raw, index) => readItem(raw, `item[${index}]`, language, fail)),
    subscales: extensions
      .filter((extension) => extension.url === FHIR_EXTENSION.subscale)
      .map((extension) => ({
        id: subValue(extension, "id", "valueString"),
        title: readText(
          subValue(extension, "title", "valueString"),
          subElement(extension, "title"),
          language,
        ),
        method: subValue(extension, "method", "valueCode"),
        items: subValues(extension, "item", "valueString"),
      })),
    scoring: { total: readTotal(extensions.find((extension) => extension.url === FHIR_EXTENSION.total)) },
  };
  if (issues.length > 0) return err(issues);
  return loadInstrument(definition);
}

interface LocalizedValue {
  readonly value: string;
  readonly element: FhirElement | undefined;
}

function fhirText(text: LocalizedText, languages: readonly LanguageTag[]): LocalizedValue {
  const [first, ...others] = languages;
  const value = first === undefined ? undefined : text[first];
  if (value === undefined) throw new Error(`Text without its default language: ${JSON.stringify(text)}.`);
  const translations = others.flatMap((language) => {
    const content = text[language];
    return content === undefined
      ? []
      : [
          {
            url: FHIR_EXTENSION.translation,
            extension: [
              { url: "lang", valueCode: language },
              { url: "content", valueString: content },
            ],
          },
        ];
  });
  return { value, element: translations.length > 0 ? { extension: translations } : undefined };
}

/** A FHIR `name` (computer friendly, starts with a capital): `alliance-check` → `AllianceCheck`. */
function fhirName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

function fhirItem(item: Item, languages: readonly LanguageTag[]): FhirQuestionnaireItem {
  const text = fhirText(item.text, languages);
  const base = {
    linkId: item.id,
    text: text.value,
    ...(text.element ? { _text: text.element } : {}),
    ...(item.enableWhen === undefined ? {} : { enableWhen: [fhirEnableWhen(item.enableWhen)] }),
    required: item.required,
  };
  const reversed: FhirExtension[] =
    item.kind !== "text" && item.reversed ? [{ url: FHIR_EXTENSION.reverseKeyed, valueBoolean: true }] : [];
  switch (item.kind) {
    case "choice":
      return {
        ...(reversed.length > 0 ? { extension: reversed } : {}),
        ...base,
        type: "choice",
        answerOption: item.options.map((option): FhirAnswerOption => {
          const label = fhirText(option.label, languages);
          return {
            extension: [
              { url: FHIR_EXTENSION.optionScore, valueDecimal: option.score },
              { url: FHIR_EXTENSION.ordinalValue, valueDecimal: option.score },
            ],
            valueCoding: {
              code: option.code,
              display: label.value,
              ...(label.element ? { _display: label.element } : {}),
            },
          };
        }),
      };
    case "scale":
      return { extension: [...scaleExtensions(item, languages), ...reversed], ...base, type: "integer" };
    case "boolean":
      return { ...(reversed.length > 0 ? { extension: reversed } : {}), ...base, type: "boolean" };
    case "text":
      return { ...base, type: "text", maxLength: item.maxLength };
    default:
      return assertNever(item);
  }
}

function scaleExtensions(item: ScaleItem, languages: readonly LanguageTag[]): FhirExtension[] {
  const anchors: FhirExtension[] = [];
  for (const [url, label] of [
    ["min-label", item.minLabel],
    ["max-label", item.maxLabel],
  ] as const) {
    if (label === undefined) continue;
    const text = fhirText(label, languages);
    anchors.push({ url, valueString: text.value, ...(text.element ? { _valueString: text.element } : {}) });
  }
  return [
    { url: FHIR_EXTENSION.minValue, valueInteger: item.min },
    { url: FHIR_EXTENSION.maxValue, valueInteger: item.max },
    {
      url: FHIR_EXTENSION.itemControl,
      valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: "slider", display: "Slider" }] },
    },
    { url: FHIR_EXTENSION.sliderStepValue, valueInteger: 1 },
    ...(anchors.length > 0 ? [{ url: FHIR_EXTENSION.scaleAnchors, extension: anchors }] : []),
  ];
}

function fhirEnableWhen(condition: EnableWhen): FhirEnableWhen {
  const base = { question: condition.item, operator: condition.operator };
  switch (typeof condition.answer) {
    case "boolean":
      return { ...base, answerBoolean: condition.answer };
    case "number":
      return { ...base, answerInteger: condition.answer };
    case "string":
      return { ...base, answerCoding: { code: condition.answer } };
    default:
      return assertNever(condition.answer);
  }
}

// ---- reading ----

type Json = Readonly<Record<string, unknown>>;
type Fail = (path: string, itemId: string | null, message: string) => undefined;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function extensionsOf(value: unknown): readonly Json[] {
  if (!isObject(value) || !Array.isArray(value.extension)) return [];
  return value.extension.filter(isObject);
}

function findExtension(value: unknown, url: string): Json | undefined {
  return extensionsOf(value).find((extension) => extension.url === url);
}

function subValues(extension: Json, url: string, key: string): unknown[] {
  return extensionsOf(extension)
    .filter((sub) => sub.url === url)
    .map((sub) => sub[key]);
}

function subValue(extension: Json, url: string, key: string): unknown {
  return subValues(extension, url, key)[0];
}

function subElement(extension: Json, url: string): unknown {
  return extensionsOf(extension).find((sub) => sub.url === url)?._valueString;
}

function translationLanguages(element: unknown): string[] {
  return extensionsOf(element)
    .filter((extension) => extension.url === FHIR_EXTENSION.translation)
    .map((extension) => subValue(extension, "lang", "valueCode"))
    .filter((tag): tag is string => typeof tag === "string");
}

/** A string element and its translations as `{ [language]: text }`; what is not a string is passed on for the loader to report. */
function readText(value: unknown, element: unknown, language: string): unknown {
  if (typeof value !== "string") return value;
  const text: Record<string, unknown> = { [language]: value };
  for (const extension of extensionsOf(element)) {
    if (extension.url !== FHIR_EXTENSION.translation) continue;
    const tag = subValue(extension, "lang", "valueCode");
    if (typeof tag === "string" && tag !== language)
      text[tag] = subValue(extension, "content", "valueString");
  }
  return text;
}

function readItem(raw: unknown, path: string, language: string, fail: Fail): unknown {
  if (!isObject(raw)) return fail(path, null, `${path} must be an object.`);
  const linkId = typeof raw.linkId === "string" ? raw.linkId : null;
  const name = linkId === null ? path : `Item "${linkId}"`;
  const enableWhen = Array.isArray(raw.enableWhen) ? raw.enableWhen : [];
  if (enableWhen.length > 1)
    fail(`${path}.enableWhen`, linkId, `${name}: only one enableWhen per item is supported.`);
  const common = {
    id: raw.linkId,
    text: readText(raw.text, raw._text, language),
    required: raw.required ?? false,
    ...(enableWhen[0] === undefined
      ? {}
      : { enableWhen: readEnableWhen(enableWhen[0], `${path}.enableWhen[0]`, linkId, fail) }),
  };
  const reversed = findExtension(raw, FHIR_EXTENSION.reverseKeyed)?.valueBoolean ?? false;
  switch (raw.type) {
    case "choice": {
      const options = Array.isArray(raw.answerOption) ? raw.answerOption : [];
      return {
        ...common,
        kind: "choice",
        reversed,
        options: options.map((option: unknown, index) => {
          const at = `${path}.answerOption[${index}]`;
          const coding = isObject(option) ? option.valueCoding : undefined;
          if (!isObject(coding))
            return fail(at, linkId, `${name}: answer options must be codings (valueCoding).`);
          const scoreExtension =
            findExtension(option, FHIR_EXTENSION.optionScore) ??
            findExtension(option, FHIR_EXTENSION.ordinalValue) ??
            findExtension(coding, FHIR_EXTENSION.ordinalValue) ??
            findExtension(coding, FHIR_EXTENSION.coValue) ??
            findExtension(option, FHIR_EXTENSION.coValue);
          const score = scoreExtension?.valueDecimal ?? scoreExtension?.valueInteger;
          if (score === undefined) {
            return fail(
              at,
              linkId,
              `${name}: option ${String(coding.code)} has no score (extension ${FHIR_EXTENSION.optionScore}).`,
            );
          }
          return {
            code: coding.code,
            label: readText(coding.display ?? coding.code, coding._display, language),
            score,
          };
        }),
      };
    }
    case "integer": {
      const anchors = findExtension(raw, FHIR_EXTENSION.scaleAnchors);
      const anchor = (url: string) =>
        anchors === undefined || subValue(anchors, url, "valueString") === undefined
          ? {}
          : {
              [url === "min-label" ? "minLabel" : "maxLabel"]: readText(
                subValue(anchors, url, "valueString"),
                subElement(anchors, url),
                language,
              ),
            };
      const min = findExtension(raw, FHIR_EXTENSION.minValue)?.valueInteger;
      const max = findExtension(raw, FHIR_EXTENSION.maxValue)?.valueInteger;
      if (min === undefined || max === undefined) {
        return fail(
          path,
          linkId,
          `${name}: an integer item needs minValue and maxValue extensions to be a scale.`,
        );
      }
      return { ...common, kind: "scale", min, max, ...anchor("min-label"), ...anchor("max-label"), reversed };
    }
    case "boolean":
      return { ...common, kind: "boolean", reversed };
    case "text":
    case "string":
      return {
        ...common,
        kind: "text",
        ...(raw.maxLength === undefined ? {} : { maxLength: raw.maxLength }),
      };
    default:
      return fail(`${path}.type`, linkId, `${name}: item type ${JSON.stringify(raw.type)} is not supported.`);
  }
}

function readEnableWhen(raw: unknown, path: string, itemId: string | null, fail: Fail): unknown {
  if (!isObject(raw)) return fail(path, itemId, `${path} must be an object.`);
  const coding = raw.answerCoding;
  const answer = isObject(coding)
    ? coding.code
    : (raw.answerInteger ?? raw.answerBoolean ?? raw.answerString);
  return { item: raw.question, operator: raw.operator, answer };
}

function readTotal(extension: Json | undefined): unknown {
  if (extension === undefined) return null;
  const min = subValue(extension, "rescale-min", "valueDecimal");
  const max = subValue(extension, "rescale-max", "valueDecimal");
  return {
    method: subValue(extension, "method", "valueCode"),
    items: subValues(extension, "item", "valueString"),
    ...(min === undefined && max === undefined ? {} : { rescale: { min, max } }),
  };
}
