// nazif.d.ts follows testdata/article.schema.json: the same fields, the
// same required ones, the same enums, and arrays and strings where the
// schema has them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const schema = JSON.parse(readFileSync(new URL("../../../testdata/article.schema.json", import.meta.url), "utf8"));
const dts = readFileSync(new URL("../nazif.d.ts", import.meta.url), "utf8");

// fields returns the properties of a .d.ts interface: name -> {optional, type}.
function fields(name) {
  const m = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`));
  assert.ok(m, `nazif.d.ts has no interface ${name}`);
  const out = {};
  for (const [, field, q, type] of m[1].matchAll(/^\s+(\w+)(\??): ([^;]+);$/gm)) {
    out[field] = { optional: q === "?", type: type.trim() };
  }
  return out;
}

// tsType is the TypeScript type the schema's property calls for.
function tsType(prop) {
  if (prop.$ref === "#/$defs/dateTime") return "DateTime";
  if (prop.enum) return prop.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (prop.type === "array") {
    const items = prop.items.$ref ? { block: "Block", link: "Link", removed: "Removed" }[prop.items.$ref.split("/").pop()] : tsType(prop.items);
    return `${items}[]`;
  }
  return prop.type === "integer" ? "number" : prop.type;
}

function check(iface, def) {
  const have = fields(iface);
  assert.deepEqual(Object.keys(have).sort(), Object.keys(def.properties).sort(), `${iface}: fields`);
  for (const [k, prop] of Object.entries(def.properties)) {
    assert.equal(have[k].optional, !def.required.includes(k), `${iface}.${k}: optional`);
    assert.equal(have[k].type, tsType(prop), `${iface}.${k}: type`);
  }
}

test("Article matches the schema", () => check("Article", schema));
test("Block matches the schema", () => check("Block", schema.$defs.block));
test("Link matches the schema", () => check("Link", schema.$defs.link));
test("Removed matches the schema", () => check("Removed", schema.$defs.removed));

test("the error codes match core.js", async () => {
  const { Code } = await import("../core.js");
  const union = dts.match(/export type ErrorCode =([^;]+);/)[1].match(/"(\w+)"/g).map((s) => s.slice(1, -1));
  assert.deepEqual(union.sort(), Object.values(Code).sort());
});
