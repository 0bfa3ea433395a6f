import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';

/** A throwaway Postgres server on loopback (Debian's `postgresql` package, installed by scripts/setup.sh). */
export type PostgresServer = {
	/** postgres://postgres@127.0.0.1:<port>/postgres */
	url: string;
	/** Creates an empty database and resolves to its URL (one per test keeps tests apart). */
	createDatabase(name: string): Promise<string>;
	/** Stops the server and removes its data dir. */
	stop(): void;
};

/** The newest installed Postgres bin folder, e.g. /usr/lib/postgresql/15/bin. */
const binDir = (): string => {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
	if (!found) throw new Error(`No Postgres server under ${root}: install the 'postgresql' package (scripts/setup.sh does).`);
	return found;
};

const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as {port: number}).port;
			s.close(() => resolve(port));
		});
	});

/**
 * Starts Postgres in a temporary data dir on a free loopback port. Postgres refuses to run as
 * root (tests in CI do), so initdb and the server run as the `postgres` user when we are root.
 * Trust authentication on loopback only: the server lives as long as the test file.
 */
export const startPostgresServer = async (): Promise<PostgresServer> => {
	const bin = binDir();
	const dir = mkdtempSync(join(tmpdir(), 'promptreel-pg-'));
	chmodSync(dir, 0o777);
	const data = join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	const run = (cmd: string, args: string[]) =>
		execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {stdio: 'pipe'});
	const port = await freePort();
	run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
	// Small and fast: no durability needed for a test database; sockets in our own dir.
	writeFileSync(
		join(data, 'postgresql.auto.conf'),
		`listen_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 16MB\nmax_connections = 50\n`,
	);
	run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	return {
		url,
		async createDatabase(name) {
			const admin = new pg.Client({connectionString: url});
			await admin.connect();
			try {
				await admin.query(`CREATE DATABASE "${name}"`);
			} finally {
				await admin.end();
			}
			return `postgres://postgres@127.0.0.1:${port}/${name}`;
		},
		stop() {
			const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
			spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args] : args);
			rmSync(dir, {recursive: true, force: true});
		},
	};
};
