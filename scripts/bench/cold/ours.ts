// Cold start: import this module and construct a client.
import OpenAI from "../../../mod.ts";

new OpenAI({ apiKey: "sk-bench", baseURL: "http://127.0.0.1:9/v1" });
