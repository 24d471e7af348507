// The parts of FHIR R4 Questionnaire and QuestionnaireResponse that Alliance writes and reads, and our extension URLs.

/** Base of the StructureDefinitions for what FHIR has no field for (scores of options, subscales, …). */
export const ALLIANCE_FHIR_BASE = "https://alliance.example/fhir";

/** Extensions of ours (`https://alliance.example/fhir/StructureDefinition/…`) and the FHIR core ones we use. */
export const FHIR_EXTENSION = {
  optionScore: `${ALLIANCE_FHIR_BASE}/StructureDefinition/option-score`,
  reverseKeyed: `${ALLIANCE_FHIR_BASE}/StructureDefinition/reverse-keyed`,
  scaleAnchors: `${ALLIANCE_FHIR_BASE}/StructureDefinition/scale-anchors`,
  subscale: `${ALLIANCE_FHIR_BASE}/StructureDefinition/subscale`,
  total: `${ALLIANCE_FHIR_BASE}/StructureDefinition/total-score`,
  /** FHIR core: a translation of a string element (R4 extension registry). */
  translation: "http://hl7.org/fhir/StructureDefinition/translation",
  /** FHIR core: the numeric value of a coded answer, read on import when ours is absent. */
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  /** FHIR core: the older name of `ordinalValue`. */
  coValue: "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value",
  minValue: "http://hl7.org/fhir/StructureDefinition/minValue",
  maxValue: "http://hl7.org/fhir/StructureDefinition/maxValue",
  itemControl: "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
  sliderStepValue: "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue",
} as const;

export const ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";

export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
  readonly _display?: FhirElement;
}

export interface FhirExtension {
  readonly url: string;
  readonly extension?: readonly FhirExtension[];
  readonly valueString?: string;
  readonly _valueString?: FhirElement;
  readonly valueCode?: string;
  readonly valueBoolean?: boolean;
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueCodeableConcept?: { readonly coding?: readonly FhirCoding[] };
}

/** The extension holder of a primitive (`_text`, `_title`, …): carries translations. */
export interface FhirElement {
  readonly extension?: readonly FhirExtension[];
}

export interface FhirEnableWhen {
  readonly question: string;
  readonly operator: "exists" | "=" | "!=" | ">" | "<" | ">=" | "<=";
  readonly answerBoolean?: boolean;
  readonly answerInteger?: number;
  readonly answerDecimal?: number;
  readonly answerString?: string;
  readonly answerCoding?: FhirCoding;
}

export interface FhirAnswerOption {
  readonly extension?: readonly FhirExtension[];
  readonly valueCoding?: FhirCoding;
  readonly valueInteger?: number;
  readonly valueString?: string;
}

export interface FhirQuestionnaireItem {
  readonly extension?: readonly FhirExtension[];
  readonly linkId: string;
  readonly text?: string;
  readonly _text?: FhirElement;
  readonly type: string;
  readonly enableWhen?: readonly FhirEnableWhen[];
  readonly enableBehavior?: "all" | "any";
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly answerOption?: readonly FhirAnswerOption[];
  readonly item?: readonly FhirQuestionnaireItem[];
}

export interface FhirQuestionnaire {
  readonly resourceType: "Questionnaire";
  readonly id?: string;
  readonly extension?: readonly FhirExtension[];
  readonly url?: string;
  readonly version?: string;
  readonly name?: string;
  readonly title?: string;
  readonly _title?: FhirElement;
  readonly status: "draft" | "active" | "retired" | "unknown";
  readonly language?: string;
  readonly description?: string;
  readonly _description?: FhirElement;
  readonly copyright?: string;
  readonly item?: readonly FhirQuestionnaireItem[];
}

export interface FhirAnswer {
  readonly valueBoolean?: boolean;
  readonly valueInteger?: number;
  readonly valueString?: string;
  readonly valueCoding?: FhirCoding;
}

export interface FhirQuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly FhirAnswer[];
}

export interface FhirQuestionnaireResponse {
  readonly resourceType: "QuestionnaireResponse";
  readonly id?: string;
  readonly language?: string;
  /** Canonical `url|version` of the Questionnaire answered. */
  readonly questionnaire: string;
  readonly status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  readonly authored?: string;
  readonly item?: readonly FhirQuestionnaireResponseItem[];
}

/** The canonical URL of an instrument's Questionnaire: `https://alliance.example/fhir/Questionnaire/<id>`. */
export function questionnaireUrl(instrumentId: string): string {
  return `${ALLIANCE_FHIR_BASE}/Questionnaire/${instrumentId}`;
}
