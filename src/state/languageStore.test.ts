import { describe, expect, it } from 'vitest';
import { langParam, parseLang, pickLanguage } from './languageStore';

describe('pickLanguage', () => {
  it('takes ?lang= first, exactly en or zh', () => {
    expect(pickLanguage('zh', ['en-US'])).toBe('zh');
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(langParam('zh-CN')).toBeNull();
    expect(pickLanguage('fr', ['zh-CN'])).toBe('zh');
  });

  it("then the first of the browser's languages that we offer", () => {
    expect(pickLanguage(null, ['fr-FR', 'zh-Hans-CN', 'en'])).toBe('zh');
    expect(pickLanguage(null, ['de', 'en-GB', 'zh'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW'])).toBe('zh');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage(null, ['fr', 'ja'])).toBe('en');
    expect(parseLang('')).toBeNull();
  });
});
