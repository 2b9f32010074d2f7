// Unit tests of the console's highlighting (src/console/assets/highlight.js) under Node: byte
// offsets from the analysis → segments of a JavaScript string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The asset is an ES module in a folder without package.json: imported from its source text.
const source = readFileSync(new URL('../../src/console/assets/highlight.js', import.meta.url));
const { highlightSegments } = await import(
  `data:text/javascript;base64,${source.toString('base64')}`);

const marked = (segments) => segments.filter((s) => s.kind).map((s) => [s.text, s.kind]);

test('maps UTF-8 byte offsets onto the string', () => {
  // As `sentinelle analyze --explain` reports it: "résilier" is bytes 30..39.
  const text = 'Attente interminable, je vais résilier';
  const segments = highlightSegments(text, [
    { term: 'attente', start: 0, end: 7, weight: 0 },
    { term: 'attente interminable', start: 0, end: 20, weight: -2.5 },
    { term: 'résilier', start: 30, end: 39, weight: -3 },
  ]);
  assert.deepEqual(marked(segments),
    [['Attente interminable', 'negative'], ['résilier', 'negative']]);
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(segments[0].terms, ['attente interminable', 'attente']);
});

test('counts four-byte characters and surrogate pairs', () => {
  const text = 'toujours pas remboursé 😡 merci';
  // "😡" is 4 bytes at 24..28 and two UTF-16 units; "merci" is bytes 29..34.
  const segments = highlightSegments(text, [{ term: 'merci', start: 29, end: 34, weight: 1 }]);
  assert.deepEqual(marked(segments), [['merci', 'positive']]);
});

test('drops ranges that do not fit this text', () => {
  const text = 'café froid';  // "é" is bytes 3..5
  const segments = highlightSegments(text, [
    { term: 'inside a character', start: 4, end: 6, weight: -1 },
    { term: 'past the end', start: 6, end: 40, weight: -1 },
    { term: 'empty', start: 2, end: 2, weight: -1 },
    { term: 'not numbers', start: '0', end: '3', weight: -1 },
  ]);
  assert.deepEqual(marked(segments), []);
  assert.equal(segments.map((s) => s.text).join(''), text);
});

test('keeps the text whole without matches', () => {
  assert.deepEqual(highlightSegments('bonjour', undefined),
    [{ text: 'bonjour', kind: null, terms: [] }]);
  assert.deepEqual(highlightSegments('', []), [{ text: '', kind: null, terms: [] }]);
});
