// Splits a verbatim into plain and highlighted segments from the analysis matches.
//
// The analysis gives `start`/`end` as byte offsets into the UTF-8 text (CONTRACT §5), while a
// JavaScript string counts UTF-16 code units: "résilier" is 9 bytes but 8 units. Offsets are
// mapped through the code points' UTF-8 lengths. A range that does not fall on code point
// boundaries of this text, or runs past it, was computed on another text (say, before a
// redaction) and is dropped rather than guessed. Overlapping matches ("attente" inside
// "attente interminable") merge into one segment that lists every term.

function utf8Length(codePoint) {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

// byte offset → UTF-16 index, for every code point boundary of `text` (and its end).
function boundaryIndexes(text) {
  const indexes = new Map();
  let bytes = 0;
  let index = 0;
  for (const character of text) {
    indexes.set(bytes, index);
    bytes += utf8Length(character.codePointAt(0));
    index += character.length;
  }
  indexes.set(bytes, index);
  return indexes;
}

function validRanges(text, matches) {
  const indexes = boundaryIndexes(text);
  const ranges = [];
  for (const match of Array.isArray(matches) ? matches : []) {
    const start = indexes.get(match?.start);
    const end = indexes.get(match?.end);
    if (start === undefined || end === undefined || start >= end) {
      continue;
    }
    const weight = Number.isFinite(match.weight) ? match.weight : 0;
    ranges.push({ start, end, low: weight, high: weight, terms: [String(match.term ?? '')] });
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

function mergeOverlaps(ranges) {
  const merged = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      last.low = Math.min(last.low, range.low);
      last.high = Math.max(last.high, range.high);
      last.terms.push(...range.terms.filter((term) => !last.terms.includes(term)));
    } else {
      merged.push({ ...range, terms: [...range.terms] });
    }
  }
  return merged;
}

// 'negative' when any merged match weighs against, else 'positive', else 'topic' (weight 0:
// a word that only tags a topic).
function kindOf(range) {
  return range.low < 0 ? 'negative' : range.high > 0 ? 'positive' : 'topic';
}

// [{text, kind: null | 'negative' | 'positive' | 'topic', terms}] covering `text` in order.
export function highlightSegments(text, matches) {
  const source = typeof text === 'string' ? text : '';
  const segments = [];
  let cursor = 0;
  for (const range of mergeOverlaps(validRanges(source, matches))) {
    if (range.start > cursor) {
      segments.push({ text: source.slice(cursor, range.start), kind: null, terms: [] });
    }
    segments.push({ text: source.slice(range.start, range.end), kind: kindOf(range),
                    terms: range.terms });
    cursor = range.end;
  }
  if (cursor < source.length || segments.length === 0) {
    segments.push({ text: source.slice(cursor), kind: null, terms: [] });
  }
  return segments;
}
