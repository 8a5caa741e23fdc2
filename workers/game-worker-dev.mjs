// Starts the TypeScript game worker under tsx: Node 20 loader hooks do not reach worker
// threads, so the worker registers tsx itself before importing its entry.
import { register } from 'tsx/esm/api';

register();
await import('./game-worker.ts');
