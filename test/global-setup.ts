// Filled in by the render layer: bundles the Remotion project once for all render tests.
export default async function setup(): Promise<void> {}
