import {templates} from '../../compositions/registry';

export const templatesCommand = (opts: {json?: boolean}): number => {
	if (opts.json) {
		const list = templates.map((t) => ({id: t.id, title: t.title, description: t.description, samples: Object.keys(t.samples)}));
		process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
		return 0;
	}
	for (const t of templates) {
		process.stdout.write(`${t.id.padEnd(14)} ${t.title}: ${t.description}\n`);
		process.stdout.write(
			`${''.padEnd(14)} samples: ${Object.keys(t.samples)
				.map((s) => `src/compositions/templates/${t.id}/samples/${s}.json`)
				.join(', ')}\n`,
		);
	}
	return 0;
};
