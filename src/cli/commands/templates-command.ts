import {templates} from '../../compositions/registry';
import {PromptreelError} from '../../pipeline/errors';
import {projectRoot} from '../../pipeline/project-root';
import {join, resolve} from 'node:path';
import {readEffectiveSettings} from '../../app';
import {scaffoldTemplate, userTemplateSource} from '../../pipeline/templates';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

/** `promptreel templates`: every template with its description and samples (`--json` for tools). */
const listTemplates = (opts: {json?: boolean}): number => {
	if (opts.json) {
		const list = templates.map((t) => ({
			id: t.id,
			title: t.title,
			description: t.description,
			samples: Object.keys(t.samples),
			...(userTemplateSource(t.id) ? {folder: userTemplateSource(t.id)} : {}),
		}));
		process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
		return EXIT_OK;
	}
	for (const t of templates) {
		process.stdout.write(`${t.id.padEnd(14)} ${t.title}: ${t.description}\n`);
		process.stdout.write(
			`${''.padEnd(14)} samples: ${Object.keys(t.samples)
				.map((s) => join(userTemplateSource(t.id) ?? `src/compositions/templates/${t.id}`, `samples/${s}.json`))
				.join(', ')}\n`,
		);
	}
	return EXIT_OK;
};

/**
 * `promptreel templates`, or `promptreel templates new <id>`: scaffolds a working template (folder,
 * sample, test, registry entry) in the promptreel checkout (`--dir` for another one), as
 * docs/templates.md describes.
 */
export const templatesCommand = async (
	action: string | undefined,
	id: string | undefined,
	opts: {json?: boolean; dir?: string; templatesDir?: string},
): Promise<number> => {
	if (action === undefined) return listTemplates(opts);
	const reporter = createReporter(reporterMode(Boolean(opts.json)));
	try {
		if (action !== 'new')
			throw new PromptreelError(
				'INVALID_OPTION',
				`Unknown action "${action}": use \`promptreel templates\` or \`promptreel templates new <id>\`.`,
			);
		if (!id)
			throw new PromptreelError('INVALID_OPTION', 'Give the new template an id: `promptreel templates new <id>`, e.g. `title-card`.');
		const root = opts.dir ?? projectRoot();
		const configured = opts.dir ? undefined : readEffectiveSettings().values.PROMPTREEL_TEMPLATES_DIR?.trim();
		const templatesDir = opts.templatesDir ?? (configured || undefined);
		const result = await scaffoldTemplate({
			id,
			root,
			knownIds: templates.map((t) => t.id),
			templatesDir: templatesDir ? resolve(templatesDir) : undefined,
		});
		if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		else if (templatesDir) {
			const dir = resolve(templatesDir);
			process.stdout.write(`Template "${id}" created in ${dir}:\n${result.files.map((f) => `  ${f}`).join('\n')}\n`);
			process.stdout.write(
				`Next: export PROMPTREEL_TEMPLATES_DIR=${dir}; promptreel templates lists it; promptreel render ${join(dir, id, 'samples/landscape.json')} --quality draft renders its sample; npm run studio shows it. See docs/templates.md.\n`,
			);
		} else {
			process.stdout.write(
				`Template "${id}" created in ${root}:\n${[...result.files, `${result.registry} (its entry)`].map((f) => `  ${f}`).join('\n')}\n`,
			);
			process.stdout.write(
				`Next: npx remotion studio src/index.ts (it is listed as "${id}"), edit the component, then npx vitest run test/${id}.template.test.ts. See docs/templates.md.\n`,
			);
		}
		return EXIT_OK;
	} catch (error) {
		return reportError(error, reporter);
	}
};
