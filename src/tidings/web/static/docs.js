// A minimal offline reference page built from /openapi.json (text nodes only).
"use strict";

function node(tag, cls, text) {
  const element = document.createElement(tag);
  if (cls) element.className = cls;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

function schemaName(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(schemaName).join(" | ");
  if (schema.type === "array") return `array of ${schemaName(schema.items)}`;
  return schema.type || "";
}

async function render() {
  const box = document.getElementById("endpoints");
  const spec = await (await fetch("/openapi.json")).json();
  box.textContent = "";
  box.appendChild(node("p", null, spec.info.description || ""));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const block = node("section", "endpoint");
      block.appendChild(node("h2", null, `${method.toUpperCase()} ${path}`));
      block.appendChild(node("p", null, op.description || op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const table = node("table");
        const head = node("tr");
        for (const title of ["parameter", "in", "type", "required", "description"]) head.appendChild(node("th", null, title));
        table.appendChild(head);
        for (const p of params) {
          const row = node("tr");
          for (const value of [p.name, p.in, schemaName(p.schema), p.required ? "yes" : "", p.description || ""]) {
            row.appendChild(node("td", null, value));
          }
          table.appendChild(row);
        }
        block.appendChild(table);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body) block.appendChild(node("p", "muted", `JSON body: ${schemaName(body.schema)}`));
      if (op.security || path === "/api/ingest") block.appendChild(node("p", "muted", "Requires Authorization: Bearer <token>."));
      box.appendChild(block);
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  render().catch((error) => { document.getElementById("endpoints").textContent = `could not load the API description: ${error}`; });
});
