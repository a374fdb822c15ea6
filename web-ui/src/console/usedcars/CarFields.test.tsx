import { describe, expect, it } from 'vitest';
import { parseWhole } from './CarFields';

describe('ThousandsInput parser', () => {
  it('reads the digits of what was typed, separators and spaces aside', () => {
    expect(parseWhole('128,000')).toBe('128000');
    expect(parseWhole(' 5 ')).toBe('5');
    expect(parseWhole('')).toBe('');
    expect(parseWhole(undefined)).toBe('');
  });

  it('keeps a minus sign typed in front, so that −5 is refused rather than read as 5', () => {
    expect(parseWhole('-5')).toBe('-5');
    expect(parseWhole('−5,000')).toBe('-5000');
    expect(parseWhole('-')).toBe('-');
  });
});
