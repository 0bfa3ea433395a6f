import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = resolve(__dirname, '..');
const files = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
	});

const importsOf = (file: string): string[] => {
	const source = readFileSync(file, 'utf8');
	const found = [
		...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm),
	];
	return found.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
};

const layerOf = (file: string) => relative(join(root, 'src'), file).split('/')[0];

describe('layering (one-way dependencies)', () => {
	const compositionFiles = files(join(root, 'src/compositions'));

	it('finds the code it checks', () => {
		expect(compositionFiles.length).toBeGreaterThan(3);
	});

	it('compositions import only react, remotion, @remotion/*, mediabunny (what @remotion/media reads with), zod, fonts and their own files', () => {
		const allowed =
			/^(react|react\/jsx-runtime|react-dom|remotion|remotion\/.+|@remotion\/[^/]+.*|mediabunny|zod|zod\/.+|@fontsource\/.+)$/;
		const offending: string[] = [];
		for (const file of compositionFiles) {
			for (const spec of importsOf(file)) {
				if (spec.startsWith('.')) {
					const target = resolve(dirname(file), spec);
					if (!target.startsWith(join(root, 'src/compositions'))) offending.push(`${relative(root, file)} -> ${spec}`);
				} else if (!allowed.test(spec)) {
					offending.push(`${relative(root, file)} -> ${spec}`);
				}
			}
		}
		expect(offending).toEqual([]);
	});

	it('compositions use no clocks, randomness or environment (renders must be reproducible)', () => {
		const offending = compositionFiles.filter((f) => /Math\.random\(|Date\.now\(|new Date\(|process\.env/.test(readFileSync(f, 'utf8')));
		expect(offending.map((f) => relative(root, f))).toEqual([]);
	});

	// One-way layers: compositions <- pipeline <- jobs <- server <- app <- cli. A layer may import
	// the layers to its left only.
	const order = ['compositions', 'pipeline', 'jobs', 'server', 'app', 'cli'];
	const forbidden: Record<string, readonly string[]> = Object.fromEntries(order.map((layer, i) => [layer, order.slice(i + 1)]));

	it('finds every layer it checks', () => {
		expect(files(join(root, 'src/jobs')).length).toBeGreaterThan(10);
		expect(files(join(root, 'src/server')).length).toBeGreaterThan(5);
		expect(files(join(root, 'src/app')).length).toBeGreaterThan(2);
	});

	it('each layer imports only the layers to its left: pipeline never jobs/server/app/cli, jobs never server, server never app or cli', () => {
		const offending: string[] = [];
		for (const file of files(join(root, 'src'))) {
			const layer = layerOf(file);
			for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
				const targetLayer = layerOf(resolve(dirname(file), spec));
				if (layer && targetLayer && forbidden[layer]?.includes(targetLayer)) offending.push(`${relative(root, file)} -> ${spec}`);
				if (layer !== 'cli' && targetLayer === 'cli') offending.push(`${relative(root, file)} -> ${spec}`);
				if (layer === 'compositions' && targetLayer !== 'compositions') offending.push(`${relative(root, file)} -> ${spec}`);
			}
		}
		expect(offending).toEqual([]);
	});

	it('the Node CLI bundle never reaches font files (only lazy imports may: a .woff2 import crashes Node)', () => {
		// Static imports only: import() of a template component is resolved in the browser bundle.
		const staticImportsOf = (file: string): string[] =>
			[...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map(
				(m) => m[1] ?? m[2] ?? '',
			);
		const resolveLocal = (from: string, spec: string): string | null => {
			const base = resolve(dirname(from), spec);
			for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
				try {
					if (statSync(candidate).isFile()) return candidate;
				} catch {}
			}
			return null;
		};
		const seen = new Set<string>();
		const chains: string[] = [];
		const walk = (file: string, chain: string[]) => {
			if (seen.has(file)) return;
			seen.add(file);
			for (const spec of staticImportsOf(file)) {
				if (spec.startsWith('@fontsource/') || spec.endsWith('.woff2')) chains.push([...chain, relative(root, file), spec].join(' -> '));
				if (!spec.startsWith('.')) continue;
				const target = resolveLocal(file, spec);
				if (target) walk(target, [...chain, relative(root, file)]);
			}
		};
		walk(join(root, 'src/cli/bin.ts'), []);
		expect(seen.size).toBeGreaterThan(20);
		expect(chains).toEqual([]);
	});

	// The web page (src/web) runs in the browser and talks to the server over HTTP only
	// (docs/architecture.md, "Layers"): it imports the compositions and nothing else of ours.
	it('the web page imports only compositions, react, react-dom, remotion, @remotion/player, zod and its own files; nothing imports it', () => {
		const allowed = /^(react|react\/jsx-runtime|react-dom\/client|remotion|@remotion\/player|zod)$/;
		const webFiles = files(join(root, 'src/web'));
		expect(webFiles.length).toBeGreaterThan(5);
		const offending: string[] = [];
		for (const file of webFiles) {
			for (const spec of importsOf(file)) {
				if (spec.startsWith('.')) {
					const targetLayer = layerOf(resolve(dirname(file), spec));
					if (targetLayer !== 'web' && targetLayer !== 'compositions') offending.push(`${relative(root, file)} -> ${spec}`);
				} else if (!allowed.test(spec)) {
					offending.push(`${relative(root, file)} -> ${spec}`);
				}
			}
		}
		for (const file of files(join(root, 'src')).filter((f) => layerOf(f) !== 'web')) {
			for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
				if (layerOf(resolve(dirname(file), spec)) === 'web') offending.push(`${relative(root, file)} -> ${spec}`);
			}
		}
		expect(offending).toEqual([]);
	});
});
