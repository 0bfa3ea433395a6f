import {z} from 'zod';
import {storyboardSchema} from '../../compositions/storyboard';

/** The storyboard's JSON Schema (input side: fields with defaults are optional). */
export const storyboardJsonSchema = (): Record<string, unknown> =>
	z.toJSONSchema(storyboardSchema, {io: 'input', unrepresentable: 'any'}) as Record<string, unknown>;

export const schemaCommand = (): number => {
	process.stdout.write(`${JSON.stringify(storyboardJsonSchema(), null, 2)}\n`);
	return 0;
};
