// Below this many answers a score is shown but marked as a low sample: the 95 % margin of error
// of an NPS on fewer than 30 answers is typically ±30 points or more, too wide to rank teams or
// agents on. The same threshold marks tiles, table rows and chart points.
export const LOW_SAMPLE_THRESHOLD = 30;

// The answers behind a group's scores: the largest of its NPS, CSAT and CES response counts.
export function responsesOf(group) {
  return Math.max(group?.nps?.responses ?? 0, group?.csat?.responses ?? 0,
                  group?.ces?.responses ?? 0);
}

export function isLowSample(responses) {
  return responses < LOW_SAMPLE_THRESHOLD;
}
