import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';

/** Listens on `host:port` (0: any free port); resolves to the port and the base URL (IPv6 hosts bracketed). */
export const listenOn = async (server: Server, o: {host: string; port: number}): Promise<{port: number; url: string}> => {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port, o.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	return {port, url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`};
};
