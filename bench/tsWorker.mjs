// Starts a TypeScript worker_threads entry under tsx (Node 20 workers do not inherit tsx's hooks).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
