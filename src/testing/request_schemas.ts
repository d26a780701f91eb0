// deno-fmt-ignore-file
// Generated from spec/openapi.yaml by scripts/gen_mock_schemas.ts: do not
// edit. tests/testing/request_schemas_test.ts fails when it is out of date.
/**
 * The request bodies of every operation in `spec/openapi.yaml`, compiled
 * so the mock can check requests without reading files.
 *
 * @module
 */

import type { RequestSchema } from "./validate.ts";

/**
 * Request-body schemas by operationId.
 *
 * @example
 * ```ts
 * import { REQUEST_SCHEMAS } from "./request_schemas.ts";
 * REQUEST_SCHEMAS.createChatCompletion.required; // ["model", "messages"]
 * ```
 */
export const REQUEST_SCHEMAS: Readonly<Record<string, RequestSchema>> = {
  createCompletion: {
    media: "json",
    type: "object",
    required: ["model","prompt"],
    properties: {
      "model": {"type":"string"},
      "prompt": {"oneOf":[{"type":"string","nullable":true},{"type":"array","items":{"type":"string"}},{"type":"array","minItems":1,"items":{"type":"integer"}},{"type":"array","minItems":1,"items":{"type":"array","minItems":1,"items":{"type":"integer"}}}]},
      "suffix": {"type":"string","nullable":true},
      "max_tokens": {"type":"integer","nullable":true,"minimum":0},
      "temperature": {"type":"number","nullable":true,"minimum":0,"maximum":2},
      "top_p": {"type":"number","nullable":true,"minimum":0,"maximum":1},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":128},
      "stream": {"type":"boolean","nullable":true},
      "logprobs": {"type":"integer","nullable":true,"minimum":0,"maximum":5},
      "echo": {"type":"boolean","nullable":true},
      "stop": {"oneOf":[{"type":"string","nullable":true},{"type":"array","minItems":1,"maxItems":4,"items":{"type":"string"}}]},
      "presence_penalty": {"type":"number","nullable":true,"minimum":-2,"maximum":2},
      "frequency_penalty": {"type":"number","nullable":true,"minimum":-2,"maximum":2},
      "best_of": {"type":"integer","nullable":true,"minimum":0,"maximum":20},
      "logit_bias": {"type":"object","nullable":true,"additionalProperties":{"type":"number","minimum":-100,"maximum":100}},
      "user": {"type":"string"},
    },
  },
  createChatCompletion: {
    media: "json",
    type: "object",
    required: ["model","messages"],
    properties: {
      "model": {"type":"string"},
      "messages": {"type":"array","minItems":1,"items":{"type":"object","required":["role","content"],"properties":{"role":{"type":"string","enum":["system","user","assistant","function"]},"content":{"type":"string","nullable":true},"name":{"type":"string","maxLength":64},"function_call":{"type":"object","required":["name","arguments"],"properties":{"name":{"type":"string"},"arguments":{"type":"string"}}}}}},
      "functions": {"type":"array","minItems":1,"maxItems":128,"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":64},"description":{"type":"string"},"parameters":{"type":"object","additionalProperties":true}}}},
      "function_call": {"oneOf":[{"type":"string","enum":["none","auto"]},{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}]},
      "temperature": {"type":"number","nullable":true,"minimum":0,"maximum":2},
      "top_p": {"type":"number","nullable":true,"minimum":0,"maximum":1},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":128},
      "stream": {"type":"boolean","nullable":true},
      "stop": {"oneOf":[{"type":"string","nullable":true},{"type":"array","minItems":1,"maxItems":4,"items":{"type":"string"}}]},
      "max_tokens": {"type":"integer","nullable":true},
      "presence_penalty": {"type":"number","nullable":true,"minimum":-2,"maximum":2},
      "frequency_penalty": {"type":"number","nullable":true,"minimum":-2,"maximum":2},
      "logit_bias": {"type":"object","nullable":true,"additionalProperties":{"type":"number","minimum":-100,"maximum":100}},
      "user": {"type":"string"},
    },
  },
  createEdit: {
    media: "json",
    type: "object",
    required: ["model","instruction"],
    properties: {
      "model": {"type":"string"},
      "input": {"type":"string","nullable":true},
      "instruction": {"type":"string"},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":20},
      "temperature": {"type":"number","nullable":true,"minimum":0,"maximum":2},
      "top_p": {"type":"number","nullable":true,"minimum":0,"maximum":1},
    },
  },
  createEmbedding: {
    media: "json",
    type: "object",
    required: ["model","input"],
    properties: {
      "model": {"type":"string"},
      "input": {"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}},{"type":"array","minItems":1,"items":{"type":"integer"}},{"type":"array","minItems":1,"items":{"type":"array","minItems":1,"items":{"type":"integer"}}}]},
      "encoding_format": {"type":"string","enum":["float","base64"]},
      "user": {"type":"string"},
    },
  },
  createModeration: {
    media: "json",
    type: "object",
    required: ["input"],
    properties: {
      "input": {"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]},
      "model": {"type":"string"},
    },
  },
  createImage: {
    media: "json",
    type: "object",
    required: ["prompt"],
    properties: {
      "prompt": {"type":"string","maxLength":1000},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":10},
      "size": {"type":"string","nullable":true,"enum":["256x256","512x512","1024x1024"]},
      "response_format": {"type":"string","nullable":true,"enum":["url","b64_json"]},
      "user": {"type":"string"},
    },
  },
  createImageEdit: {
    media: "multipart",
    type: "object",
    required: ["image","prompt"],
    properties: {
      "image": {"type":"string","binary":true},
      "mask": {"type":"string","binary":true},
      "prompt": {"type":"string","maxLength":1000},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":10},
      "size": {"type":"string","nullable":true,"enum":["256x256","512x512","1024x1024"]},
      "response_format": {"type":"string","nullable":true,"enum":["url","b64_json"]},
      "user": {"type":"string"},
    },
  },
  createImageVariation: {
    media: "multipart",
    type: "object",
    required: ["image"],
    properties: {
      "image": {"type":"string","binary":true},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":10},
      "size": {"type":"string","nullable":true,"enum":["256x256","512x512","1024x1024"]},
      "response_format": {"type":"string","nullable":true,"enum":["url","b64_json"]},
      "user": {"type":"string"},
    },
  },
  createTranscription: {
    media: "multipart",
    type: "object",
    required: ["file","model"],
    properties: {
      "file": {"type":"string","binary":true},
      "model": {"type":"string"},
      "prompt": {"type":"string"},
      "response_format": {"type":"string","enum":["json","text","srt","verbose_json","vtt"]},
      "temperature": {"type":"number","minimum":0,"maximum":1},
      "language": {"type":"string"},
    },
  },
  createTranslation: {
    media: "multipart",
    type: "object",
    required: ["file","model"],
    properties: {
      "file": {"type":"string","binary":true},
      "model": {"type":"string"},
      "prompt": {"type":"string"},
      "response_format": {"type":"string","enum":["json","text","srt","verbose_json","vtt"]},
      "temperature": {"type":"number","minimum":0,"maximum":1},
    },
  },
  createFile: {
    media: "multipart",
    type: "object",
    required: ["file","purpose"],
    properties: {
      "file": {"type":"string","binary":true},
      "purpose": {"type":"string"},
    },
  },
  createFineTune: {
    media: "json",
    type: "object",
    required: ["training_file"],
    properties: {
      "training_file": {"type":"string"},
      "validation_file": {"type":"string","nullable":true},
      "model": {"type":"string","nullable":true},
      "n_epochs": {"type":"integer","nullable":true},
      "hyperparameters": {"type":"object","properties":{"n_epochs":{"oneOf":[{"type":"string","enum":["auto"]},{"type":"integer","minimum":1,"maximum":50}]}}},
      "batch_size": {"type":"integer","nullable":true},
      "learning_rate_multiplier": {"type":"number","nullable":true},
      "prompt_loss_weight": {"type":"number","nullable":true},
      "compute_classification_metrics": {"type":"boolean","nullable":true},
      "classification_n_classes": {"type":"integer","nullable":true},
      "classification_positive_class": {"type":"string","nullable":true},
      "classification_betas": {"type":"array","nullable":true,"items":{"type":"number"}},
      "suffix": {"type":"string","nullable":true,"minLength":1,"maxLength":40},
    },
  },
  createFineTuningJob: {
    media: "json",
    type: "object",
    required: ["model","training_file"],
    properties: {
      "model": {"type":"string"},
      "training_file": {"type":"string"},
      "hyperparameters": {"type":"object","properties":{"batch_size":{"oneOf":[{"type":"string","enum":["auto"]},{"type":"integer","minimum":1,"maximum":256}]},"learning_rate_multiplier":{"oneOf":[{"type":"string","enum":["auto"]},{"type":"number","minimum":0,"exclusiveMinimum":true}]},"n_epochs":{"oneOf":[{"type":"string","enum":["auto"]},{"type":"integer","minimum":1,"maximum":50}]}}},
      "suffix": {"type":"string","nullable":true,"minLength":1,"maxLength":40},
      "validation_file": {"type":"string","nullable":true},
      "integrations": {"type":"array","nullable":true,"items":{"type":"object","required":["type","wandb"],"properties":{"type":{"type":"string","enum":["wandb"]},"wandb":{"type":"object","required":["project"],"properties":{"project":{"type":"string"},"name":{"type":"string","nullable":true},"entity":{"type":"string","nullable":true},"tags":{"type":"array","items":{"type":"string"}}}}}}},
      "seed": {"type":"integer","nullable":true,"minimum":0,"maximum":2147483647},
    },
  },
  createSearch: {
    media: "json",
    type: "object",
    required: ["query"],
    properties: {
      "query": {"type":"string","minLength":1},
      "documents": {"type":"array","nullable":true,"minItems":1,"maxItems":200,"items":{"type":"string"}},
      "file": {"type":"string","nullable":true},
      "max_rerank": {"type":"integer","nullable":true,"minimum":1},
      "return_metadata": {"type":"boolean","nullable":true},
      "user": {"type":"string"},
    },
  },
  createAnswer: {
    media: "json",
    type: "object",
    required: ["model","question","examples","examples_context"],
    properties: {
      "model": {"type":"string"},
      "question": {"type":"string","minLength":1},
      "examples": {"type":"array","minItems":1,"maxItems":200,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","minLength":1}}},
      "examples_context": {"type":"string"},
      "documents": {"type":"array","nullable":true,"maxItems":200,"items":{"type":"string"}},
      "file": {"type":"string","nullable":true},
      "search_model": {"type":"string","nullable":true},
      "max_rerank": {"type":"integer","nullable":true},
      "temperature": {"type":"number","nullable":true},
      "logprobs": {"type":"integer","nullable":true,"minimum":0,"maximum":5},
      "max_tokens": {"type":"integer","nullable":true},
      "stop": {"oneOf":[{"type":"string","nullable":true},{"type":"array","minItems":1,"maxItems":4,"items":{"type":"string"}}]},
      "n": {"type":"integer","nullable":true,"minimum":1,"maximum":10},
      "logit_bias": {"type":"object","nullable":true,"additionalProperties":{"type":"number","minimum":-100,"maximum":100}},
      "return_metadata": {"type":"boolean","nullable":true},
      "return_prompt": {"type":"boolean","nullable":true},
      "expand": {"type":"array","nullable":true,"items":{}},
      "user": {"type":"string"},
    },
  },
  createClassification: {
    media: "json",
    type: "object",
    required: ["model","query"],
    properties: {
      "model": {"type":"string"},
      "query": {"type":"string","minLength":1},
      "examples": {"type":"array","nullable":true,"minItems":2,"maxItems":200,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","minLength":1}}},
      "file": {"type":"string","nullable":true},
      "labels": {"type":"array","nullable":true,"minItems":2,"maxItems":200,"items":{"type":"string"}},
      "search_model": {"type":"string","nullable":true},
      "temperature": {"type":"number","nullable":true,"minimum":0,"maximum":2},
      "logprobs": {"type":"integer","nullable":true,"minimum":0,"maximum":5},
      "max_examples": {"type":"integer","nullable":true},
      "logit_bias": {"type":"object","nullable":true,"additionalProperties":{"type":"number","minimum":-100,"maximum":100}},
      "return_prompt": {"type":"boolean","nullable":true},
      "return_metadata": {"type":"boolean","nullable":true},
      "expand": {"type":"array","nullable":true,"items":{}},
      "user": {"type":"string"},
    },
  },
};
