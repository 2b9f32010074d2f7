// End-to-end test of the supervisor console (issue #6) in Debian's headless Chromium, driven by
// playwright-core: the real server with tokens, the token prompt, the scores, a detractor posted
// from outside appearing live, and an acknowledgement made in the page reaching the server.
// Every wait is a wait-for with a bound; the screenshot goes to $SENTINELLE_ARTIFACTS.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { chromium } from 'playwright-core';

import { SentinelleServer } from './sentinelle_server.mjs';

const CONSOLE_TOKEN = 'console-token-e2e-0123456789';
const INGEST_TOKEN = 'ingest-token-e2e-0123456789';
const CONFIG = [['console', CONSOLE_TOKEN], ['ingest', INGEST_TOKEN]]
  .map(([role, token]) => `[[auth.tokens]]\ntoken = "${token}"\nrole = "${role}"\n`).join('');
const ARTIFACTS = path.resolve(process.env.SENTINELLE_ARTIFACTS ??
  path.join(tmpdir(), 'sentinelle-artifacts'));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LIVE_ALERT_BOUND_MS = 3000;
const STEP_TIMEOUT_MS = 20000;  // generous: a 2-core CI machine, maybe an ASan server
const DAY_MS = 86400000;

const COMMENTS = [
  'Conseiller très aimable, merci !',
  'Attente trop longue avant d’avoir quelqu’un, c’est inadmissible',
  'Rapide et efficace',
  'Toujours pas remboursé, facture incompréhensible',
  null,
  'Très bon accueil, problème réglé',
];

// 44 surveys over the last six days: team t-1 has enough answers for a reliable score, t-2
// stays under the low-sample threshold (30).
function seedSurveys() {
  const surveys = [];
  for (let i = 0; i < 44; i += 1) {
    const team = i < 32 ? 't-1' : 't-2';
    const agents = team === 't-1' ? ['a-1', 'a-2', 'a-3'] : ['a-4', 'a-5'];
    const survey = {
      id: `seed-${i}`,
      submitted_at: new Date(Date.now() - (i % 6) * DAY_MS - 3600000).toISOString(),
      channel: i % 5 === 0 ? 'chat' : 'voice',
      team_id: team,
      agent_id: agents[i % agents.length],
      nps: (i * 7) % 11,
      csat: 1 + (i % 5),
      ces: 1 + ((i * 3) % 7),
    };
    const comment = COMMENTS[i % COMMENTS.length];
    if (comment) {
      survey.comment = comment;
    }
    surveys.push(survey);
  }
  return surveys;
}

// Console messages that are the browser's own report of an expected failure, not a script
// error: a 401 (the token prompt is exercised on purpose) and, while the server restarts,
// refused or cut connections.
function isExpectedBrowserReport(message, serverRestarting) {
  return /status of 401/.test(message.text()) ||
    (serverRestarting && /net::ERR_|status of 503/.test(message.text()));
}

async function waitForServer(what, check, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));  // polling interval, not a wait
  }
}

async function signIn(page) {
  const dialog = page.locator('#token-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.fill('#token-input', 'not-a-token');
  await page.click('#token-form button[type="submit"]');
  await page.locator('#token-error').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#token-error'), /refusé/);
  await page.fill('#token-input', CONSOLE_TOKEN);
  await page.click('#token-form button[type="submit"]');
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('#connection[data-state="live"]').waitFor();
}

async function checkScores(page) {
  const nps = page.locator('[data-tile="nps"] .tile-value');
  await nps.waitFor();
  const text = (await nps.textContent()).trim();
  assert.match(text, /^[+−]?\d+$/, `the NPS tile shows a score, not "${text}"`);
  console.log(`NPS tile: ${text}`);
  await page.locator('#by-team tr[data-key="t-2"].low-sample').waitFor();
  await page.focus('#by-team th[data-column="nps"] button');  // sorting from the keyboard
  await page.keyboard.press('Enter');
  assert.ok(await page.getAttribute('#by-team th[data-column="nps"]', 'aria-sort'));
  assert.notEqual(await page.getAttribute('#trend-chart', 'data-points'), '0');
}

async function postDetractor(server, id) {
  const answer = await server.request('POST', '/v1/surveys', {
    token: INGEST_TOKEN,
    body: { id, channel: 'voice', team_id: 't-2', agent_id: 'a-4', nps: 2,
            comment: 'Attente interminable, je vais résilier' },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.json));
  const alert = answer.json.results[0].alert;
  assert.ok(alert, 'the detractor raised an alert');
  return alert.id;
}

async function checkLiveAlert(page, server) {
  const postedAt = Date.now();
  const alertId = await postDetractor(server, 'e2e-detractor-1');
  const card = page.locator(`[data-alert-id="${alertId}"]`);
  await card.waitFor({ timeout: Math.max(1, LIVE_ALERT_BOUND_MS - (Date.now() - postedAt)) });
  console.log(`alert ${alertId} shown ${Date.now() - postedAt} ms after the POST began`);
  assert.equal(await card.getAttribute('data-severity'), 'critical');
  const marked = await card.locator('mark.match-negative').allTextContents();
  assert.ok(marked.some((text) => text === 'résilier'), `highlighted: ${marked.join(' | ')}`);
  return { alertId, card };
}

async function acknowledgeInPage(page, server, { alertId, card }) {
  await card.locator('[data-action="acknowledge"]').click();
  const stored = await waitForServer('acknowledged on the server', async () => {
    const answer = await server.request('GET', `/v1/alerts/${alertId}`, { token: CONSOLE_TOKEN });
    return answer.json?.status === 'acknowledged' ? answer.json : null;
  });
  assert.equal(stored.acknowledged_by, 'sup-e2e');
  await page.locator(`[data-alert-id="${alertId}"][data-status="acknowledged"]`).waitFor();
}

// Another supervisor resolves it through the API: the page follows, live.
async function checkUpdateFromOthers(page, server, alertId) {
  const answer = await server.request('POST', `/v1/alerts/${alertId}/resolve`, {
    token: CONSOLE_TOKEN, body: { by: 'sup-autre', note: 'Client rappelé' },
  });
  assert.equal(answer.status, 200);
  await page.locator(`[data-alert-id="${alertId}"]`).waitFor({ state: 'detached',
    timeout: LIVE_ALERT_BOUND_MS });
  await page.selectOption('#filter-status', 'all');
  const resolved = page.locator(`[data-alert-id="${alertId}"][data-status="resolved"]`);
  await resolved.waitFor();
  assert.match(await resolved.textContent(), /Résolue par sup-autre/);
}

// The server stops and comes back on the same port; an alert raised before the page has
// reconnected reaches it through the replay (`since`), without a reload.
async function checkReconnection(page, server, phase) {
  phase.serverRestarting = true;
  assert.equal(await server.stop(), 0);
  await page.locator('#connection:not([data-state="live"])').waitFor();
  await server.start({ port: server.port });
  const alertId = await postDetractor(server, 'e2e-detractor-2');
  await page.locator(`[data-alert-id="${alertId}"]`).waitFor({ timeout: 30000 });
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: 30000 });
  phase.serverRestarting = false;
  console.log(`alert ${alertId}, raised while the page was disconnected, shown after reconnection`);
}

async function checkTablet(page) {
  await page.setViewportSize({ width: 800, height: 1100 });
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 800 px (overflow ${overflow} px)`);
  const file = path.join(ARTIFACTS, 'console-tablet.png');
  await page.screenshot({ path: file, fullPage: false });
  console.log(`screenshot (tablet): ${file}`);
}

test('the console shows live alerts and acts on the server', { timeout: 240000 }, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const stale of ['console.png', 'console-tablet.png', 'console-failure.png']) {
    rmSync(path.join(ARTIFACTS, stale), { force: true });
  }
  const server = await new SentinelleServer(CONFIG).start();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
                                          args: CHROMIUM_ARGS });
  const errors = [];
  const phase = { serverRestarting: false };
  let page;
  try {
    const seeded = await server.request('POST', '/v1/surveys',
      { token: INGEST_TOKEN, body: seedSurveys() });
    assert.equal(seeded.status, 200, JSON.stringify(seeded.json));

    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !isExpectedBrowserReport(message, phase.serverRestarting)) {
        errors.push(`console.error: ${message.text()}`);
      }
    });

    const response = await page.goto(`${server.url}/`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
    await signIn(page);
    await page.reload();  // the token is kept in sessionStorage: no second prompt
    await page.locator('#connection[data-state="live"]').waitFor();
    assert.equal(await page.locator('#token-dialog').isVisible(), false);

    await checkScores(page);
    await page.fill('#supervisor-name', 'sup-e2e');
    const live = await checkLiveAlert(page, server);
    await acknowledgeInPage(page, server, live);

    const screenshot = path.join(ARTIFACTS, 'console.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);

    await checkReconnection(page, server, phase);
    await checkUpdateFromOthers(page, server, live.alertId);
    await checkTablet(page);
    assert.deepEqual(errors, [], 'no JavaScript error in the page');
  } catch (failure) {
    if (page) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'console-failure.png'), fullPage: true })
        .catch(() => {});
    }
    console.log(`errors seen in the page: ${JSON.stringify(errors)}`);
    console.log(`server stderr (last lines):\n${server.stderrTail()}`);
    throw failure;
  } finally {
    await browser.close();
    const status = await server.stop();
    assert.equal(status, 0, `the server exits cleanly on SIGTERM:\n${server.stderrTail()}`);
    server.removeFiles();
  }
});
