// The document names free-form JSON (onboarding answers) "JsonElement": the generated code means System.Text.Json's.
global using JsonElement = System.Text.Json.JsonElement;
