import pg from 'pg';

// BIGINT (int8, OID 20) columns and COUNT(*) hold ms times and counts far below 2^53: read them as
// numbers, as the SQLite store returns them, instead of pg's default strings.
const INT8 = 20;
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A connection pool to `url` (postgres://...) of at most `size` connections, with int8 read as
 * numbers. An idle connection that breaks (server restart) is dropped by the pool; the error is
 * passed to `onError` instead of crashing the process.
 */
export const openPgPool = (o: {url: string; size: number; onError?: (error: Error) => void}): pg.Pool => {
	const pool = new pg.Pool({connectionString: o.url, max: o.size, types, connectionTimeoutMillis: 15_000});
	pool.on('error', (error) => o.onError?.(error));
	return pool;
};

/** A connection or the pool: whatever runs a query. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `step` in one transaction on one connection of the pool (READ COMMITTED, Postgres' default:
 * claims rely on row locks and advisory locks, not on the isolation level), committing when it
 * resolves and rolling back when it throws.
 */
export const inTransaction = async <T>(pool: pg.Pool, step: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
	const c = await pool.connect();
	try {
		await c.query('BEGIN');
		const result = await step(c);
		await c.query('COMMIT');
		return result;
	} catch (error) {
		await c.query('ROLLBACK').catch(() => undefined);
		throw error;
	} finally {
		c.release();
	}
};

/** The rows of a query. */
export const rows = async <R extends pg.QueryResultRow>(c: Queryable, sql: string, params: unknown[] = []): Promise<R[]> =>
	(await c.query<R>(sql, params)).rows;

/** How many rows a statement changed. */
export const changes = async (c: Queryable, sql: string, params: unknown[] = []): Promise<number> =>
	(await c.query(sql, params)).rowCount ?? 0;
