// Cold start: import the official SDK and construct a client.
import OpenAI from "openai";

new OpenAI({ apiKey: "sk-bench", baseURL: "http://127.0.0.1:9/v1" });
