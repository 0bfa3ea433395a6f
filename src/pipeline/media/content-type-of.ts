import {contentType} from 'mime-types';

/**
 * The Content-Type to serve a file with, from its name (mime-types' database, with a charset for
 * text); application/octet-stream when the extension is unknown. Used wherever we serve or upload
 * files we wrote ourselves: uploads from users are recognised by their content instead.
 */
export const contentTypeOf = (path: string): string => contentType(path.slice(path.lastIndexOf('/') + 1)) || 'application/octet-stream';
