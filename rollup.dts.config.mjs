import { dts } from 'rollup-plugin-dts';

// The library's type declarations as one file, dist-types/index.d.ts, for the bundle that
// vite.node.config.ts builds: a consumer's compiler never reads coopsim's TypeScript source.
export default {
  input: 'src/index.ts',
  output: { file: 'dist-types/index.d.ts', format: 'es' },
  plugins: [dts({ tsconfig: 'tsconfig.json', compilerOptions: { allowImportingTsExtensions: true }, includeExternal: ['zod', 'comlink'] })],
};
