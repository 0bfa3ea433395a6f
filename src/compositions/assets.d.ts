// Font files are bundled by Remotion's webpack as `asset/resource`: importing one yields its URL.
declare module '*.woff2' {
	const url: string;
	export default url;
}
