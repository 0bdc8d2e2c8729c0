// The Redis connection of the queue commands: a URL checked up front, a first connection that
// fails fast (an unreachable Redis is a one-line error, exit code 2), then reconnection with
// backoff for as long as the caller tolerates an outage.
import { Redis } from 'ioredis';
import { UsageError } from '../args';

/** The --queue URL, checked; a bad one is a usage error. */
export function parseRedisUrl(text: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--${option} is not a URL: "${text}" (expected redis://host:port)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--${option} must be a redis:// or rediss:// URL (got "${text}")`);
  }
  return url;
}

/** The URL as messages show it: without user name and password. */
export function redisLabel(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/**
 * A connected client as BullMQ wants it (no per-command retry limit: BullMQ's blocking
 * connections need that). After the first connection, a lost connection is retried with
 * backoff for reconnectMs; then the client ends (its 'end' event) and commands fail.
 */
export async function connectRedis(url: URL, reconnectMs: number): Promise<Redis> {
  let connected = false;
  let lostAtMs = 0;
  let lastError: (Error & { code?: string }) | null = null;
  const client = new Redis(url.href, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    retryStrategy: (times) => {
      if (!connected) return null;
      if (times === 1) lostAtMs = Date.now();
      return Date.now() - lostAtMs > reconnectMs ? null : Math.min(100 * 2 ** times, 2000);
    },
  });
  // Errors reach the caller through the failed command or the 'end' event; this listener only
  // keeps ioredis from printing each one.
  client.on('error', (e: Error) => {
    lastError = e;
  });
  try {
    await client.connect();
  } catch (e) {
    client.disconnect();
    const err = lastError ?? (e as Error & { code?: string });
    throw new UsageError(`cannot reach Redis at ${redisLabel(url)}: ${err.code ?? err.message}`);
  }
  connected = true;
  return client;
}
