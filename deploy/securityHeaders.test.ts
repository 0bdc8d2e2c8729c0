import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy, securityHeaders } from './securityHeaders';

const csp = securityHeaders['Content-Security-Policy'];
const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('security headers', () => {
  it('evaluate no strings and run no inline script or style', () => {
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'worker-src')).toEqual(["'self'"]);
  });

  it('leave out of the meta tag only what a meta tag cannot carry', () => {
    expect(directive(csp, 'frame-ancestors')).toEqual(["'self'"]);
    expect(directive(metaContentSecurityPolicy, 'frame-ancestors')).toBeUndefined();
    expect(`${metaContentSecurityPolicy}; frame-ancestors 'self'`).toBe(csp);
  });

  it('are printed in the README exactly as served', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = Object.entries(securityHeaders)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n');
    expect(readme).toContain(`\`\`\`\n${block}\n\`\`\``);
  });
});
