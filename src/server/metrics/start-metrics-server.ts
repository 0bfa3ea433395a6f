import {createServer, type Server} from 'node:http';
import {listenOn} from '../listen-on';
import type {Metrics} from './create-metrics';

/**
 * GET /metrics on a port of its own (PROMPTREEL_METRICS_PORT), without API keys, for a scraper
 * inside the network; everything else there is 404. Resolves once listening.
 */
export const startMetricsServer = async (o: {metrics: Metrics; host: string; port: number}) => {
	const server: Server = createServer((req, res) => {
		if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
			res.writeHead(404, {'content-type': 'text/plain'}).end('Only GET /metrics is served here.\n');
			return;
		}
		o.metrics.scrape().then(
			(m) => res.writeHead(200, {'content-type': m.contentType}).end(m.body),
			(error: unknown) => res.writeHead(503, {'content-type': 'text/plain'}).end(`metrics unavailable: ${String(error)}\n`),
		);
	});
	const {port, url} = await listenOn(server, o);
	return {
		url: `${url}/metrics`,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
};
