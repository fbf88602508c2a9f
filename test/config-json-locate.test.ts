// The JSON fault locator agrees with JSON.parse on what is valid, and points at the fault.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonFault } from '../src/config/json-locate.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonFault', () => {
  it('finds no fault in any JSON that JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
      expect(locateJsonFault(JSON.stringify(value, null, indent))).toBeUndefined();
    }));
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '01', '\u0001', '\\'))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (at % 2));
      });
    fc.assert(fc.property(damaged, (text) => {
      expect(locateJsonFault(text) === undefined).toBe(parses(text));
    }), { numRuns: 2000 });
  });

  it('points at the offending character', () => {
    expect(locateJsonFault('{"a": [1, 2,]}')).toEqual({ offset: 12, reason: 'expected a value, unexpected character "]"' });
    expect(locateJsonFault('{"a": 1')).toEqual({ offset: 7, reason: "expected ',' or '}', unexpected end of file" });
    expect(locateJsonFault('{"a": "x\ny"}')?.offset).toBe(8);
    expect(locateJsonFault('{} {}')).toEqual({ offset: 3, reason: 'expected the end of the file, unexpected character "{"' });
  });
});
