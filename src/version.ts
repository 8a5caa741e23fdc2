/** The coopsim version, written into outputs and shared links (kept equal to package.json). */
export const VERSION = '0.1.0';
