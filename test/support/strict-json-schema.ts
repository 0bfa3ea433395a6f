import {expect} from 'vitest';

export type JsonSchema = {
	type?: unknown;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	additionalProperties?: unknown;
	anyOf?: JsonSchema[];
	enum?: unknown[];
};

/** Every object schema inside a JSON Schema. */
export const objectSchemas = (s: JsonSchema): JsonSchema[] => [
	...(s.type === 'object' ? [s] : []),
	...Object.values(s.properties ?? {}).flatMap(objectSchemas),
	...(s.items ? objectSchemas(s.items) : []),
	...(s.anyOf ?? []).flatMap(objectSchemas),
];

/**
 * Asserts what OpenAI strict structured output requires: every object closed and with all its
 * properties required, no oneOf, no defaults, no open maps. Returns the objects for more checks.
 */
export const expectStrictJsonSchema = (schema: JsonSchema): JsonSchema[] => {
	const all = objectSchemas(schema);
	for (const o of all) {
		expect(o.additionalProperties).toBe(false);
		expect([...(o.required ?? [])].sort()).toEqual(Object.keys(o.properties ?? {}).sort());
	}
	const text = JSON.stringify(schema);
	for (const banned of ['oneOf', '"default"', 'propertyNames', 'patternProperties']) expect(text).not.toContain(banned);
	return all;
};
