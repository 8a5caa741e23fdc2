/**
 * The sync API of csv-stringify as the app's and the core's tsconfigs see it. The package's
 * own types reference Node's (for its stream API), which would put Node's globals into the
 * browser program; the sync function bundled for the browser needs none of them. The
 * Node and root tsconfigs check the same calls against the package's full types.
 */
export function stringify(input: readonly unknown[], options?: Readonly<Record<string, unknown>>): string;
