import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {access, mkdir} from 'node:fs/promises';
import {constants} from 'node:fs';
import {promisify} from 'node:util';
import {loadConfig} from '../../app';
import {resolveBrowserExecutableSync} from '../../pipeline/render';

const run = promisify(execFile);

type Check = {name: string; ok: boolean; required: boolean; detail: string; fix: string | null};

const firstLine = (s: string) =>
	s
		.split('\n')
		.find((l) => l.trim())
		?.trim() ?? '';

const version = async (cmd: string, args: string[]): Promise<string | null> => {
	try {
		const {stdout, stderr} = await run(cmd, args, {timeout: 15_000});
		return firstLine(stdout || stderr) || 'present';
	} catch {
		return null;
	}
};

const APT = 'apt-get install -y';

/** What promptreel needs on this machine, what is present, and how to install the rest. */
export const runDoctorChecks = async (): Promise<Check[]> => {
	const config = loadConfig();
	const checks: Check[] = [];
	const nodeMajor = Number(process.versions.node.split('.')[0]);
	checks.push({
		name: 'node',
		ok: nodeMajor >= 20,
		required: true,
		detail: process.version,
		fix: nodeMajor >= 20 ? null : 'Install Node.js 20 or newer.',
	});

	const browser = resolveBrowserExecutableSync();
	const browserVersion = browser ? await version(browser, ['--version']) : null;
	checks.push({
		name: 'browser',
		ok: Boolean(browserVersion),
		required: true,
		detail: browser ? `${browser} ${browserVersion ?? '(does not start)'}` : 'no Chrome/Chromium found',
		fix: browserVersion ? null : `${APT} chromium  (or set REMOTION_BROWSER_EXECUTABLE)`,
	});

	const ffmpeg = await version('ffmpeg', ['-version']);
	checks.push({
		name: 'ffmpeg',
		ok: Boolean(ffmpeg),
		required: false,
		detail: ffmpeg ?? 'not found (Remotion bundles its own for encoding; this one measures audio)',
		fix: ffmpeg ? null : `${APT} ffmpeg`,
	});

	const festival = await version('festival', ['--version']);
	const slt = existsSync('/usr/share/festival/voices/us/cmu_us_slt_arctic_hts');
	checks.push({
		name: 'voice (English)',
		ok: Boolean(festival) && slt,
		required: false,
		detail: festival
			? `${festival}${slt ? ', voice cmu_us_slt_arctic_hts' : ', voice missing'}`
			: 'festival not found: videos are silent with reading-speed captions',
		fix: festival && slt ? null : `${APT} festival festvox-us-slt-hts`,
	});
	const espeak = await version('espeak-ng', ['--version']);
	checks.push({
		name: 'voice (other languages)',
		ok: Boolean(espeak),
		required: false,
		detail: espeak ?? 'espeak-ng not found',
		fix: espeak ? null : `${APT} espeak-ng`,
	});

	const fcList = await run('fc-list', [':', 'family'])
		.then((r) => r.stdout)
		.catch(() => '');
	const noto = /Noto Sans CJK/.test(fcList) && /Noto Sans Arabic|Noto Naskh Arabic/.test(fcList);
	checks.push({
		name: 'fonts (non-Latin)',
		ok: noto,
		required: false,
		detail: noto ? 'Noto CJK and Arabic present' : 'Noto CJK/Arabic fonts missing: non-Latin captions may show boxes',
		fix: noto ? null : `${APT} fonts-noto-core fonts-noto-cjk`,
	});

	let writable = true;
	try {
		await mkdir(config.dataDir, {recursive: true});
		await access(config.dataDir, constants.W_OK);
	} catch {
		writable = false;
	}
	checks.push({
		name: 'data dir',
		ok: writable,
		required: true,
		detail: config.dataDir,
		fix: writable ? null : 'Set PROMPTREEL_DATA_DIR to a writable folder.',
	});

	checks.push({
		name: 'planner model',
		ok: Boolean(config.openai.apiKey || config.openai.baseUrl),
		required: false,
		detail:
			config.openai.apiKey || config.openai.baseUrl
				? 'OpenAI-compatible planner configured'
				: 'none: the offline heuristic planner is used (bare topics give short videos)',
		fix: config.openai.apiKey || config.openai.baseUrl ? null : 'Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server such as Ollama.',
	});
	checks.push({
		name: 'stock media',
		ok: Boolean(config.pexels.apiKey),
		required: false,
		detail: config.pexels.apiKey ? 'Pexels configured' : 'none: offline illustrations and backgrounds are used',
		fix: config.pexels.apiKey ? null : 'Set PEXELS_API_KEY for stock photos and videos.',
	});
	return checks;
};

export const doctorCommand = async (opts: {json?: boolean}): Promise<number> => {
	const checks = await runDoctorChecks();
	const failed = checks.some((c) => c.required && !c.ok);
	if (opts.json) {
		process.stdout.write(`${JSON.stringify({ok: !failed, checks}, null, 2)}\n`);
	} else {
		for (const c of checks) {
			const mark = c.ok ? '✔' : c.required ? '✖' : '•';
			process.stdout.write(`${mark} ${c.name.padEnd(24)} ${c.detail}\n`);
			if (c.fix) process.stdout.write(`  ${''.padEnd(24)} fix: ${c.fix}\n`);
		}
		process.stdout.write(failed ? '\nSome required parts are missing (✖).\n' : '\nReady to render.\n');
	}
	return failed ? 1 : 0;
};
