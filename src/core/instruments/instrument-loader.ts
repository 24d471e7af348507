// Loading an instrument definition from JSON (our shape), e.g. a licensed instrument a programme adds as data.

import { assertNever } from "../shared/brand.ts";
import { err, ok, type Result } from "../shared/result.ts";
import {
  type AnswerOption,
  ENABLE_WHEN_OPERATORS,
  type EnableWhen,
  type Instrument,
  type Item,
  type ItemKind,
  type LocalizedText,
  type Rescale,
  SCALE_METHODS,
  type ScaleMethod,
  type Subscale,
  type TotalScoring,
} from "./instrument.ts";

/** One problem with an instrument definition: where (a JSON path), the item concerned if any, and what. */
export interface LoadIssue {
  readonly path: string;
  readonly itemId: string | null;
  readonly message: string;
}

/** Longest free-text answer when a text item gives no `maxLength`, in characters. */
export const DEFAULT_TEXT_MAX_LENGTH = 2000;

const INSTRUMENT_ID = /^[A-Za-z0-9\-.]{1,64}$/; // FHIR `id`
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const OPTION_CODE = /^\S{1,64}$/;
const ITEM_KINDS: readonly ItemKind[] = ["choice", "scale", "boolean", "text"];

const ROOT_KEYS = [
  "id",
  "version",
  "title",
  "description",
  "licence",
  "languages",
  "items",
  "subscales",
  "scoring",
];
const ITEM_KEYS: Record<ItemKind, readonly string[]> = {
  choice: ["id", "kind", "text", "required", "enableWhen", "options", "reversed"],
  scale: ["id", "kind", "text", "required", "enableWhen", "min", "max", "minLabel", "maxLabel", "reversed"],
  boolean: ["id", "kind", "text", "required", "enableWhen", "reversed"],
  text: ["id", "kind", "text", "required", "enableWhen", "maxLength"],
};

/**
 * Reads an instrument definition (the JSON shape of `Instrument`, see docs/instruments.md) and checks it:
 * field types, unique ids, scale bounds, at least two options per choice, `enableWhen` pointing at an
 * earlier, non-text item with an answer of the right type, subscales and the total naming scored items,
 * every text given in exactly the declared languages, no unknown fields. `required` and `reversed`
 * default to false, `maxLength` to `DEFAULT_TEXT_MAX_LENGTH`, `subscales` to none.
 * Returns the instrument, or every problem found, each with its path and item id.
 */
export function loadInstrument(json: unknown): Result<Instrument, readonly LoadIssue[]> {
  const reader = new Reader();
  const instrument = reader.instrument(json);
  if (instrument === undefined || reader.issues.length > 0) return err(reader.issues);
  return ok(instrument);
}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

class Reader {
  readonly issues: LoadIssue[] = [];
  private languages: readonly string[] = [];

  /** Records a problem; a message about an item always names it. */
  private fail(path: string, itemId: string | null, message: string): undefined {
    const named =
      itemId === null || message.includes(`"${itemId}"`) ? message : `Item "${itemId}": ${message}`;
    this.issues.push({ path, itemId, message: named });
    return undefined;
  }

  instrument(json: unknown): Instrument | undefined {
    if (!isObject(json)) return this.fail("", null, "An instrument definition must be a JSON object.");
    this.unknownKeys(json, ROOT_KEYS, "", null);
    const id = this.pattern(
      own(json, "id"),
      "id",
      null,
      INSTRUMENT_ID,
      "letters, digits, '-' and '.', at most 64",
    );
    const version = this.pattern(
      own(json, "version"),
      "version",
      null,
      SEMVER,
      "a semantic version such as 1.0.0",
    );
    this.languages = this.languageList(own(json, "languages"));
    const title = this.text(own(json, "title"), "title", null);
    const rawDescription = own(json, "description");
    const description =
      rawDescription === undefined ? undefined : (this.text(rawDescription, "description", null) ?? null);
    const licence = this.nonEmptyString(own(json, "licence"), "licence", null);
    const rawItems = own(json, "items");
    const items = this.items(rawItems);
    // Ids as declared, so that a broken item is reported once, not again by every scale naming it.
    const declared = Array.isArray(rawItems) ? rawItems.filter(isObject) : [];
    const idOf = (item: Json): string[] => {
      const id = own(item, "id");
      return typeof id === "string" ? [id] : [];
    };
    const allIds = new Set(declared.flatMap(idOf));
    const scored = new Set(declared.filter((item) => own(item, "kind") !== "text").flatMap(idOf));
    const subscales = this.subscales(own(json, "subscales"), scored, allIds);
    const total = this.scoring(own(json, "scoring"), scored, allIds);
    if (id === undefined || version === undefined || title === undefined || licence === undefined)
      return undefined;
    if (total === undefined || description === null) return undefined;
    return {
      id,
      version,
      title,
      ...(description === undefined ? {} : { description }),
      licence,
      languages: this.languages,
      items,
      subscales,
      scoring: { total: total.value },
    };
  }

  private languageList(value: unknown): readonly string[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail("languages", null, 'languages must be a non-empty list of language tags, e.g. ["en"].');
      return [];
    }
    const seen = new Set<string>();
    value.forEach((tag, index) => {
      if (typeof tag !== "string" || !LANGUAGE_TAG.test(tag)) {
        this.fail(
          `languages[${index}]`,
          null,
          `languages[${index}] is not a language tag such as "en" or "de-CH".`,
        );
      } else if (seen.has(tag)) {
        this.fail(`languages[${index}]`, null, `Language "${tag}" is listed twice.`);
      } else {
        seen.add(tag);
      }
    });
    return [...seen];
  }

  private items(value: unknown): Item[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail("items", null, "items must be a non-empty list.");
      return [];
    }
    const items: Item[] = [];
    const seen = new Set<string>();
    value.forEach((raw, index) => {
      const item = this.item(raw, `items[${index}]`, items);
      if (item === undefined) return;
      if (seen.has(item.id)) {
        this.fail(`items[${index}].id`, item.id, `Item id "${item.id}" is used twice.`);
        return;
      }
      seen.add(item.id);
      items.push(item);
    });
    return items;
  }

  private item(raw: unknown, path: string, earlier: readonly Item[]): Item | undefined {
    if (!isObject(raw)) return this.fail(path, null, `${path} must be an object.`);
    const id = this.pattern(
      own(raw, "id"),
      `${path}.id`,
      null,
      ITEM_ID,
      "letters, digits, '_', '-' and '.', at most 64",
    );
    const itemId = id ?? null;
    const name = id === undefined ? path : `Item "${id}"`;
    const kind = own(raw, "kind");
    if (typeof kind !== "string" || !(ITEM_KINDS as readonly string[]).includes(kind)) {
      return this.fail(`${path}.kind`, itemId, `${name}: kind must be one of ${ITEM_KINDS.join(", ")}.`);
    }
    const itemKind = kind as ItemKind;
    this.unknownKeys(raw, ITEM_KEYS[itemKind], path, itemId);
    const text = this.text(own(raw, "text"), `${path}.text`, itemId);
    const required = this.optionalBoolean(own(raw, "required"), `${path}.required`, itemId) ?? false;
    const enableWhen = this.enableWhen(own(raw, "enableWhen"), `${path}.enableWhen`, itemId, earlier);
    if (id === undefined || text === undefined || enableWhen === null) return undefined;
    const base = { id, text, required, ...(enableWhen === undefined ? {} : { enableWhen }) };
    switch (itemKind) {
      case "scale": {
        const min = this.integer(own(raw, "min"), `${path}.min`, id);
        const max = this.integer(own(raw, "max"), `${path}.max`, id);
        if (min !== undefined && max !== undefined && min >= max) {
          this.fail(`${path}.max`, id, `Item "${id}": max (${max}) must be greater than min (${min}).`);
        }
        const minLabel = this.optionalText(own(raw, "minLabel"), `${path}.minLabel`, id);
        const maxLabel = this.optionalText(own(raw, "maxLabel"), `${path}.maxLabel`, id);
        const reversed = this.optionalBoolean(own(raw, "reversed"), `${path}.reversed`, id) ?? false;
        if (min === undefined || max === undefined || minLabel === null || maxLabel === null)
          return undefined;
        return {
          ...base,
          kind: "scale",
          min,
          max,
          ...(minLabel === undefined ? {} : { minLabel }),
          ...(maxLabel === undefined ? {} : { maxLabel }),
          reversed,
        };
      }
      case "choice": {
        const options = this.options(own(raw, "options"), `${path}.options`, id);
        const reversed = this.optionalBoolean(own(raw, "reversed"), `${path}.reversed`, id) ?? false;
        if (options === undefined) return undefined;
        return { ...base, kind: "choice", options, reversed };
      }
      case "boolean": {
        const reversed = this.optionalBoolean(own(raw, "reversed"), `${path}.reversed`, id) ?? false;
        return { ...base, kind: "boolean", reversed };
      }
      case "text": {
        const rawMax = own(raw, "maxLength");
        const maxLength =
          rawMax === undefined ? DEFAULT_TEXT_MAX_LENGTH : this.integer(rawMax, `${path}.maxLength`, id);
        if (maxLength === undefined) return undefined;
        if (maxLength < 1)
          return this.fail(`${path}.maxLength`, id, `Item "${id}": maxLength must be at least 1.`);
        return { ...base, kind: "text", maxLength };
      }
      default:
        return assertNever(itemKind);
    }
  }

  private options(value: unknown, path: string, itemId: string): AnswerOption[] | undefined {
    if (!Array.isArray(value) || value.length < 2) {
      return this.fail(path, itemId, `Item "${itemId}": options must be a list of at least two.`);
    }
    const options: AnswerOption[] = [];
    const codes = new Set<string>();
    value.forEach((raw, index) => {
      const at = `${path}[${index}]`;
      if (!isObject(raw)) {
        this.fail(at, itemId, `Item "${itemId}": option ${index} must be an object.`);
        return;
      }
      this.unknownKeys(raw, ["code", "label", "score"], at, itemId);
      const code = this.pattern(
        own(raw, "code"),
        `${at}.code`,
        itemId,
        OPTION_CODE,
        "1–64 characters without spaces",
      );
      const label = this.text(own(raw, "label"), `${at}.label`, itemId);
      const score = own(raw, "score");
      if (typeof score !== "number" || !Number.isFinite(score)) {
        this.fail(`${at}.score`, itemId, `Item "${itemId}": option ${index} needs a numeric score.`);
        return;
      }
      if (code === undefined || label === undefined) return;
      if (codes.has(code)) {
        this.fail(`${at}.code`, itemId, `Item "${itemId}": option code "${code}" is used twice.`);
        return;
      }
      codes.add(code);
      options.push({ code, label, score });
    });
    return options.length === value.length ? options : undefined;
  }

  /** `undefined`: no condition; `null`: a bad one (already reported). */
  private enableWhen(
    value: unknown,
    path: string,
    itemId: string | null,
    earlier: readonly Item[],
  ): EnableWhen | undefined | null {
    if (value === undefined) return undefined;
    const name = itemId === null ? path : `Item "${itemId}"`;
    if (!isObject(value)) return this.fail(path, itemId, `${name}: enableWhen must be an object.`) ?? null;
    this.unknownKeys(value, ["item", "operator", "answer"], path, itemId);
    const controllingId = own(value, "item");
    const operator = own(value, "operator");
    const answer = own(value, "answer");
    const controlling = earlier.find((item) => item.id === controllingId);
    if (controlling === undefined) {
      return (
        this.fail(
          `${path}.item`,
          itemId,
          `${name}: enableWhen.item must name an earlier item, got ${JSON.stringify(controllingId)}.`,
        ) ?? null
      );
    }
    if (typeof operator !== "string" || !(ENABLE_WHEN_OPERATORS as readonly string[]).includes(operator)) {
      return (
        this.fail(
          `${path}.operator`,
          itemId,
          `${name}: enableWhen.operator must be one of ${ENABLE_WHEN_OPERATORS.join(" ")}.`,
        ) ?? null
      );
    }
    const op = operator as EnableWhen["operator"];
    const ordered = op === ">=" || op === "<=";
    const bad = (expected: string) =>
      this.fail(
        `${path}.answer`,
        itemId,
        `${name}: enableWhen on "${controlling.id}" (${controlling.kind}) needs ${expected}.`,
      ) ?? null;
    switch (controlling.kind) {
      case "choice":
        if (ordered) return bad("= or != (options have no order)");
        if (typeof answer !== "string" || !controlling.options.some((option) => option.code === answer)) {
          return bad("an option code of that item");
        }
        break;
      case "scale":
        if (typeof answer !== "number" || !Number.isInteger(answer)) return bad("a whole number");
        break;
      case "boolean":
        if (ordered || typeof answer !== "boolean") return bad("= or != with true or false");
        break;
      case "text":
        return bad("a choice, scale or boolean item (text cannot control display)");
      default:
        return assertNever(controlling);
    }
    return { item: controlling.id, operator: op, answer: answer as string | number | boolean };
  }

  private subscales(value: unknown, scored: ReadonlySet<string>, allIds: ReadonlySet<string>): Subscale[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.fail("subscales", null, "subscales must be a list.");
      return [];
    }
    const subscales: Subscale[] = [];
    const seen = new Set<string>();
    value.forEach((raw, index) => {
      const path = `subscales[${index}]`;
      if (!isObject(raw)) {
        this.fail(path, null, `${path} must be an object.`);
        return;
      }
      this.unknownKeys(raw, ["id", "title", "items", "method"], path, null);
      const id = this.pattern(
        own(raw, "id"),
        `${path}.id`,
        null,
        ITEM_ID,
        "letters, digits, '_', '-' and '.'",
      );
      const title = this.text(own(raw, "title"), `${path}.title`, null);
      const items = this.scaleItems(own(raw, "items"), `${path}.items`, scored, allIds);
      const method = this.method(own(raw, "method"), `${path}.method`);
      if (id !== undefined && seen.has(id))
        this.fail(`${path}.id`, null, `Subscale id "${id}" is used twice.`);
      if (
        id === undefined ||
        title === undefined ||
        items === undefined ||
        method === undefined ||
        seen.has(id)
      )
        return;
      seen.add(id);
      subscales.push({ id, title, items, method });
    });
    return subscales;
  }

  /** `undefined`: reported problem; `{ value }`: the total (or null). */
  private scoring(
    value: unknown,
    scored: ReadonlySet<string>,
    allIds: ReadonlySet<string>,
  ): { value: TotalScoring | null } | undefined {
    if (!isObject(value))
      return this.fail("scoring", null, 'scoring must be an object such as { "total": null }.');
    this.unknownKeys(value, ["total"], "scoring", null);
    const total = own(value, "total");
    if (total === null || total === undefined) return { value: null };
    if (!isObject(total)) return this.fail("scoring.total", null, "scoring.total must be an object or null.");
    this.unknownKeys(total, ["items", "method", "rescale"], "scoring.total", null);
    const items = this.scaleItems(own(total, "items"), "scoring.total.items", scored, allIds);
    const method = this.method(own(total, "method"), "scoring.total.method");
    const rescale = this.rescale(own(total, "rescale"));
    if (items === undefined || method === undefined || rescale === null) return undefined;
    return { value: { items, method, ...(rescale === undefined ? {} : { rescale }) } };
  }

  private rescale(value: unknown): Rescale | undefined | null {
    if (value === undefined) return undefined;
    const path = "scoring.total.rescale";
    if (!isObject(value)) return this.fail(path, null, `${path} must be an object { min, max }.`) ?? null;
    this.unknownKeys(value, ["min", "max"], path, null);
    const min = own(value, "min");
    const max = own(value, "max");
    if (
      typeof min !== "number" ||
      typeof max !== "number" ||
      !Number.isFinite(min) ||
      !Number.isFinite(max) ||
      min >= max
    ) {
      return this.fail(path, null, `${path} needs numbers min < max.`) ?? null;
    }
    return { min, max };
  }

  private scaleItems(
    value: unknown,
    path: string,
    scored: ReadonlySet<string>,
    allIds: ReadonlySet<string>,
  ): string[] | undefined {
    if (!Array.isArray(value) || value.length === 0)
      return this.fail(path, null, `${path} must be a non-empty list of item ids.`);
    const ids: string[] = [];
    let bad = false;
    value.forEach((id, index) => {
      if (typeof id !== "string" || !allIds.has(id)) {
        this.fail(`${path}[${index}]`, null, `${path}[${index}]: no item ${JSON.stringify(id)}.`);
        bad = true;
      } else if (!scored.has(id)) {
        this.fail(
          `${path}[${index}]`,
          id,
          `${path}[${index}]: item "${id}" is free text and cannot be scored.`,
        );
        bad = true;
      } else if (ids.includes(id)) {
        this.fail(`${path}[${index}]`, id, `${path}[${index}]: item "${id}" is listed twice.`);
        bad = true;
      } else {
        ids.push(id);
      }
    });
    return bad ? undefined : ids;
  }

  private method(value: unknown, path: string): ScaleMethod | undefined {
    if (typeof value !== "string" || !(SCALE_METHODS as readonly string[]).includes(value)) {
      return this.fail(path, null, `${path} must be "sum" or "mean".`);
    }
    return value as ScaleMethod;
  }

  private text(value: unknown, path: string, itemId: string | null): LocalizedText | undefined {
    if (!isObject(value)) {
      return this.fail(path, itemId, `${path} must be an object of texts by language, e.g. { "en": "…" }.`);
    }
    let good = true;
    for (const language of this.languages) {
      const text = own(value, language);
      if (typeof text !== "string" || text.trim() === "") {
        this.fail(`${path}.${language}`, itemId, `${path} has no "${language}" text.`);
        good = false;
      }
    }
    for (const key of Object.keys(value)) {
      if (!this.languages.includes(key)) {
        this.fail(
          `${path}.${key}`,
          itemId,
          `${path} has text in "${key}", which is not one of the instrument's languages.`,
        );
        good = false;
      }
    }
    return good ? (value as LocalizedText) : undefined;
  }

  /** `undefined`: absent; `null`: bad (reported). */
  private optionalText(value: unknown, path: string, itemId: string): LocalizedText | undefined | null {
    if (value === undefined) return undefined;
    return this.text(value, path, itemId) ?? null;
  }

  private optionalBoolean(value: unknown, path: string, itemId: string | null): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "boolean") return this.fail(path, itemId, `${path} must be true or false.`);
    return value;
  }

  private integer(value: unknown, path: string, itemId: string): number | undefined {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) {
      return this.fail(
        path,
        itemId,
        `Item "${itemId}": ${path.slice(path.lastIndexOf(".") + 1)} must be a whole number.`,
      );
    }
    return value;
  }

  private nonEmptyString(value: unknown, path: string, itemId: string | null): string | undefined {
    if (typeof value !== "string" || value.trim() === "")
      return this.fail(path, itemId, `${path} must be non-empty text.`);
    return value;
  }

  private pattern(
    value: unknown,
    path: string,
    itemId: string | null,
    pattern: RegExp,
    expected: string,
  ): string | undefined {
    if (typeof value !== "string" || !pattern.test(value)) {
      return this.fail(
        path,
        itemId,
        `${path} must be ${expected}, got ${JSON.stringify(value) ?? "nothing"}.`,
      );
    }
    return value;
  }

  private unknownKeys(object: Json, allowed: readonly string[], path: string, itemId: string | null): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) {
        const at = path === "" ? key : `${path}.${key}`;
        this.fail(at, itemId, `Unknown field "${key}"${itemId === null ? "" : ` in item "${itemId}"`}.`);
      }
    }
  }
}
