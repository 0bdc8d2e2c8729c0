// Worker-thread entry under tsx: register the TypeScript loader in this thread, then start the
// real (TypeScript) worker. Worker threads do not inherit tsx's loader hooks.
import { register } from 'tsx/esm/api';

register();
await import('./screeningThread.ts');
