import type {OutputObject, StoredObject} from '../../pipeline/render';

/** What a stored file is: enough for ETag, Last-Modified and Range. */
export type StoredFile = {size: number; mtimeMs: number};

/** A byte range, both ends included (as in a Content-Range header). */
export type ByteSpan = {start: number; end: number};

/**
 * Where job outputs and uploaded assets live (docs/scaling.md): the data dir of one machine, or an
 * S3 bucket that several servers share. Keys are paths relative to the data dir
 * (`jobs/<id>/attempt-1/video.mp4`, `assets/<id>.png`), so both stores lay files out alike.
 */
export interface FileStore {
	/** `local` (the data dir) or `s3`. */
	readonly kind: 'local' | 's3';
	/**
	 * Makes a finished attempt's folder (rendered on this machine under the data dir) readable by
	 * every server; resolves to the folder to record as the job's `outputDir`. `stored`: files of
	 * it a renderer wrote straight into the store (see outputObject), checked there, not uploaded.
	 */
	saveDir(o: {localDir: string; files: string[]; stored?: Partial<Record<string, StoredObject>>}): Promise<string>;
	/**
	 * The object a renderer working in the cloud (Lambda) may write a file of an attempt's folder
	 * to, so the server never downloads and uploads it again; null: files stay on this machine.
	 */
	outputObject(localDir: string, name: string): OutputObject | null;
	/** The folders right under a key prefix (job ids under `jobs`), each with its newest file's time. */
	listDirs(prefix: string): Promise<{name: string; mtimeMs: number}[]>;
	/** The key of a file in a recorded output folder (see saveDir). */
	keyOf(outputDir: string, name: string): string;
	/** The folder to record for a key prefix (as saveDir would answer for it). */
	dirOf(prefix: string): string;
	/** Stores a local file under a key (an upload, a made asset). */
	putFile(o: {key: string; file: string; contentType?: string | undefined}): Promise<void>;
	/** Size and modification time, or null when there is no such file. */
	stat(key: string): Promise<StoredFile | null>;
	/** The file's bytes (a range of them) as a stream. */
	read(key: string, range?: ByteSpan): Promise<ReadableStream<Uint8Array>>;
	/** Copies a stored file to a local path; false when there is no such file. */
	download(key: string, file: string): Promise<boolean>;
	/** Copies files between keys (a cached render reused by a new job). */
	copy(from: string, to: string): Promise<void>;
	/** Removes every file under a key prefix (a job's folder); absent ones are fine. */
	removePrefix(prefix: string): Promise<void>;
	/**
	 * A time-limited URL a client downloads the file from directly (PROMPTREEL_STORAGE_REDIRECT);
	 * null when this store serves files itself.
	 */
	redirectUrl(o: {key: string; fileName: string; contentType: string}): Promise<string | null>;
}
