import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const EN = flatten(en);
const ZH = flatten(zh);
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the English and Chinese messages', () => {
  it('have the same keys', () => {
    expect([...ZH.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...EN.keys()].filter((k) => !ZH.has(k))).toEqual([]);
  });

  it('fill the same {{variables}} and are never empty', () => {
    for (const [key, text] of EN) {
      expect(text.trim(), key).not.toBe('');
      expect(ZH.get(key)?.trim(), key).not.toBe('');
      expect(variables(ZH.get(key) ?? ''), key).toEqual(variables(text));
    }
  });

  it('leave no English sentence untranslated in Chinese', () => {
    const sameOnPurpose = new Set(['app.title']);
    const untranslated = [...EN].filter(
      ([key, text]) =>
        !sameOnPurpose.has(key) && ZH.get(key) === text && /[a-z]{3,} [a-z]{3,}/i.test(text),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the keys the interface uses', () => {
  const uiDir = join(import.meta.dirname, '..');
  const files = sourceFiles(uiDir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const has = (key: string) => EN.has(key) || EN.has(`${key}_other`);

  it("exist for every literal t('key')", () => {
    const missing: string[] = [];
    let used = 0;
    for (const { path, text } of files) {
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
        used++;
        if (!has(m[1])) missing.push(`${path.slice(uiDir.length + 1)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan itself works: it found the interface's keys.
    expect(used).toBeGreaterThan(50);
  });

  it('have a group behind every t(`prefix.${…}`)', () => {
    const missing: string[] = [];
    for (const { path, text } of files) {
      for (const m of text.matchAll(/\bt\(\s*`([\w.]+\.)\$\{/g)) {
        if (![...EN.keys()].some((k) => k.startsWith(m[1]))) {
          missing.push(`${path.slice(uiDir.length + 1)}: ${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
