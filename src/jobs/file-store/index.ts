export type {ByteSpan, FileStore, StoredFile} from './file-store';
export {createLocalFileStore} from './local-file-store';
export {createS3FileStore} from './s3-file-store';
export type {S3FileStoreOptions} from './s3-file-store';
export {openFileStore} from './open-file-store';
export type {StorageSettings} from './open-file-store';
export {parseStorageUrl} from './parse-storage-url';
export {ensureLocalFile, shareAssets} from './share-assets';
