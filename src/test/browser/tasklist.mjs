#!/usr/bin/env node
// A caseworker in Camunda Tasklist, in Debian's headless Chromium driven by playwright-core.
//
//   node src/test/browser/tasklist.mjs <baseUrl> [options]
//
// Logs in with the browser language --locale, checks the login page's button text, opens the
// filter, checks that the list holds exactly the expected tasks (and none of the forbidden ones; a
// forbidden task id opened by its link must not show either), opens the task, checks Tasklist's
// own texts on it (--task-text), takes a screenshot of the list (tasklist-list.png), claims it,
// checks that its Camunda Form shows the debtor masked, chooses the decision (a radio button of the
// form), takes a screenshot (tasklist.png), completes it, checks that Tasklist closed it and takes
// another (tasklist-completed.png). Exit code 0 on success; 1 with a message (and a screenshot
// tasklist-failure.png) on failure; 2 for bad arguments.
//
// Options (defaults in brackets):
//   --user sb-esbjerg  --password demo  --filter "Min kommunes opgaver"
//   --task "Godkend oversendelse til inddrivelse"   the task to complete (the IT: "Behandl indsigelse")
//   --expect NAME      a task name the list must hold; repeat for each; [the --task]
//                      the list must hold exactly these names, once each
//   --forbid NAME      a task name that must not be listed; repeat
//   --forbid-task-id ID   a task that must not open when its link is followed; repeat
//   --tenant 561       the tenant the completed task must show
//   --label "Oversend til inddrivelse"   the decision: the label of the form's radio button
//   --locale da-DK     the browser's language
//   --login-text "Log ind"   the login button's text in that language
//   --task-text TEXT   a text of Tasklist's own the open task must show in that language; repeat
//   --out DIR          where the screenshots go [<cwd>/target/browser]
//   --chromium PATH    [/usr/bin/chromium or $CHROMIUM]
//   --timeout MS       per step [30000]
//
// Selectors are Camunda 7's and form-js' own (attributes, ng-model, ng-click, classes), not their
// texts, so they hold in any locale; only the filter, task, field and option names are ours.

import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const LAUNCH_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const opts = {
    baseUrl: null, user: 'sb-esbjerg', password: 'demo', filter: 'Min kommunes opgaver',
    task: 'Godkend oversendelse til inddrivelse', expect: [], forbid: [], forbidTaskId: [], tenant: '561',
    label: 'Oversend til inddrivelse', locale: 'da-DK', loginText: 'Log ind', taskText: [],
    out: path.resolve('target', 'browser'), chromium: process.env.CHROMIUM || '/usr/bin/chromium', timeout: 30000,
  };
  const repeated = { '--expect': 'expect', '--forbid': 'forbid', '--forbid-task-id': 'forbidTaskId',
    '--task-text': 'taskText' };
  const single = { '--user': 'user', '--password': 'password', '--filter': 'filter', '--task': 'task',
    '--tenant': 'tenant', '--label': 'label', '--locale': 'locale', '--login-text': 'loginText', '--out': 'out',
    '--chromium': 'chromium', '--timeout': 'timeout' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a in repeated || a in single) {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      const v = argv[++i];
      if (a in repeated) opts[repeated[a]].push(v); else opts[single[a]] = v;
    } else if (a.startsWith('--')) {
      throw new Error(`unknown option ${a}`);
    } else if (!opts.baseUrl) {
      opts.baseUrl = a.replace(/\/+$/, '');
    } else {
      throw new Error(`unexpected argument ${a}`);
    }
  }
  if (!opts.baseUrl) throw new Error('the base URL is missing, e.g. http://localhost:8080');
  if (opts.expect.length === 0) opts.expect = [opts.task];
  if (!opts.expect.includes(opts.task)) throw new Error(`--task "${opts.task}" must be among the --expect names`);
  opts.timeout = Number(opts.timeout);
  opts.out = path.resolve(opts.out);
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`tasklist.mjs: ${e.message}\nusage: node tasklist.mjs <baseUrl> [--user U] [--password P] `
    + '[--filter F] [--task T] [--expect NAME]... [--forbid NAME]... [--forbid-task-id ID]... [--tenant T] '
    + '[--field F --value V --label L] [--out DIR] [--chromium PATH] [--timeout MS]');
  process.exit(2);
}

const log = (msg) => console.log(`[tasklist] ${msg}`);
class Failure extends Error {}
const fail = (msg) => { throw new Failure(msg); };
const norm = (s) => s.replace(/\s+/g, ' ').trim();

if (!existsSync(opts.chromium)) {
  console.error(`tasklist.mjs: no Chromium at ${opts.chromium}: apt-get install -y chromium (or run .ci/run)`);
  process.exit(1);
}
mkdirSync(opts.out, { recursive: true });
const shot = (name) => path.join(opts.out, name);

const tasklistUrl = `${opts.baseUrl}/camunda/app/tasklist/`;
const started = Date.now();
let browser;
let page;
let exitCode = 0;
try {
  log(`Chromium ${opts.chromium}, Tasklist ${tasklistUrl}, user ${opts.user}`);
  browser = await chromium.launch({ executablePath: opts.chromium, headless: true, args: LAUNCH_FLAGS, timeout: opts.timeout });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: opts.locale, timezoneId: 'Europe/Copenhagen' });
  context.setDefaultTimeout(opts.timeout);
  page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));

  // --- log in (Camunda's login form: ng-model username/password, the submit button) ---
  await page.goto(tasklistUrl);
  const login = page.locator('form[name="signinForm"]');
  // the label is the translation key (PAGE_LOGIN_SIGN_IN_ACTION) until the translations have loaded;
  // if they never do, the check below names the key
  await page.waitForFunction(() => {
    const button = document.querySelector('form[name="signinForm"] button[type="submit"]');
    return button !== null && !/^[A-Z0-9_]+$/.test(button.textContent.trim());
  }, null, { timeout: 10000 }).catch(() => {});
  const loginButton = norm(await login.locator('button[type="submit"]').textContent());
  if (loginButton !== opts.loginText) fail(`the login button says "${loginButton}" in ${opts.locale}, expected "${opts.loginText}"`);
  // the page can still move the focus while it settles (its autofocus on the user name): each field
  // is filled until it holds what was typed, not the other's text
  const username = login.locator('input[ng-model="username"]');
  const password = login.locator('input[ng-model="password"]');
  for (let attempt = 1; ; attempt++) {
    await username.fill(opts.user);
    await password.fill(opts.password);
    if (await username.inputValue() === opts.user && await password.inputValue() === opts.password) break;
    if (attempt === 3) fail("the login form did not keep the user name and password after three attempts");
  }
  await login.locator('button[type="submit"]').click();
  await login.waitFor({ state: 'detached' }).catch(() => fail(`login as ${opts.user} failed: the login form is still shown`));
  log(`logged in as ${opts.user}`);

  // --- the filter ---
  const filter = page.locator('.task-filter', { has: page.locator('h4.name a', { hasText: opts.filter }) });
  await filter.first().waitFor().catch(() => fail(`the filter "${opts.filter}" is not offered to ${opts.user}`));
  await filter.first().click();
  await page.waitForFunction((name) => {
    const active = document.querySelector('.task-filter.active h4.name a');
    return active && active.textContent.includes(name);
  }, opts.filter);

  // --- the list: exactly the expected names, none of the forbidden ---
  const taskLinks = page.locator('ol.tasks-list li.task h4.task a');
  let names = [];
  const deadline = Date.now() + opts.timeout;
  for (;;) { // the list loads asynchronously; wait until it has settled on the expected count
    names = (await taskLinks.allTextContents()).map(norm);
    if (names.length >= opts.expect.length || Date.now() > deadline) break;
    await page.waitForTimeout(250);
  }
  log(`filter "${opts.filter}" lists ${names.length} task(s): ${JSON.stringify(names)}`);
  for (const f of opts.forbid) {
    if (names.includes(f)) fail(`${opts.user} sees the forbidden task "${f}" (another municipality's)`);
  }
  const want = [...opts.expect].sort();
  const got = [...names].sort();
  if (JSON.stringify(want) !== JSON.stringify(got)) {
    fail(`${opts.user} should see exactly ${JSON.stringify(want)} in "${opts.filter}", but sees ${JSON.stringify(got)}`);
  }

  // --- a forbidden task's own link shows nothing (the engine answers 404/403) ---
  for (const id of opts.forbidTaskId) {
    const answer = page.waitForResponse((r) => r.url().includes(`/task/${id}`) && r.request().method() === 'GET');
    await page.goto(`${tasklistUrl}default/#/?task=${encodeURIComponent(id)}`);
    const status = (await answer).status();
    if (status < 400) fail(`${opts.user} could open the forbidden task ${id} by its link (HTTP ${status})`);
    await page.waitForTimeout(500);
    if (await page.locator('section.task-card').count() > 0) fail(`${opts.user} is shown the forbidden task ${id}`);
    log(`the forbidden task ${id} does not open by its link (HTTP ${status})`);
    await page.goto(tasklistUrl);
    await filter.first().click();
    await taskLinks.first().waitFor();
  }

  // --- open the task, check its tenant, claim it ---
  await taskLinks.filter({ hasText: opts.task }).first().click();
  const card = page.locator('section.task-card');
  await card.locator('h2.task', { hasText: opts.task }).waitFor()
    .catch(() => fail(`the task "${opts.task}" did not open`));
  const tenant = norm(await card.locator('.tenant-id').textContent().catch(() => ''));
  if (tenant !== opts.tenant) fail(`the task "${opts.task}" has tenant "${tenant}", expected "${opts.tenant}"`);
  log(`opened "${opts.task}" (tenant ${tenant})`);

  for (const text of opts.taskText) {
    await card.getByText(text, { exact: true }).first().waitFor()
      .catch(() => fail(`the task does not show Tasklist's "${text}" in ${opts.locale}`));
  }
  await page.screenshot({ path: shot('tasklist-list.png'), fullPage: true }); // the list, before claiming
  log(`screenshot ${shot('tasklist-list.png')}`);
  await card.locator('button.claim').click()
    .catch(() => fail(`"${opts.task}" offers no Claim: is it assigned to someone already?`));

  // --- the Camunda Form (form-js): facts read-only, the decision as radio buttons ---
  const form = card.locator('.fjs-container');
  await form.waitFor().catch(() => fail(`the task "${opts.task}" shows no Camunda Form`));
  const debtor = form.getByLabel('Debitor', { exact: true });
  const debtorShown = await debtor.inputValue().catch(() => fail('the form shows no field "Debitor"'));
  if (!/CPR \d{6}-\*{4}$/.test(debtorShown)) fail(`the form shows the debtor as "${debtorShown}", not masked`);
  const choice = form.getByLabel(opts.label, { exact: true });
  await choice.waitFor().catch(() => fail(`the form offers no "${opts.label}"`));
  await page.waitForFunction(() => [...document.querySelectorAll('.fjs-container input[type="radio"]')]
    .some((radio) => !radio.disabled)).catch(() => fail('the decision stays disabled after claiming'));
  log(`claimed "${opts.task}"; the form shows the debtor as "${debtorShown}"`);

  // --- decide ---
  await choice.check();
  if (!(await choice.isChecked())) fail(`"${opts.label}" is not chosen`);
  log(`chose "${opts.label}"`);

  const complete = card.locator('.form-actions button.btn-primary[ng-click="complete()"]');
  await page.waitForFunction(() => {
    const b = document.querySelector('section.task-card .form-actions button.btn-primary[ng-click="complete()"]');
    return b && !b.disabled;
  }).catch(() => fail('the Complete button stays disabled: the form is not valid'));
  await page.screenshot({ path: shot('tasklist.png'), fullPage: true });
  log(`screenshot ${shot('tasklist.png')}`);

  // --- complete: the engine accepts it and Tasklist closes the task ---
  // (the card closes at once; the list follows when Tasklist refreshes it)
  const submitted = page.waitForResponse((r) => /\/task\/[^/]+\/submit-form$/.test(r.url()));
  await complete.click();
  const submit = await submitted;
  if (submit.status() >= 300) fail(`completing the task failed: HTTP ${submit.status()} ${await submit.text()}`);
  log(`completed (HTTP ${submit.status()})`);
  await card.waitFor({ state: 'detached' }).catch(() => fail(`"${opts.task}" is still shown after completing it`));
  await page.waitForFunction((name) => ![...document.querySelectorAll('ol.tasks-list li.task h4.task a')]
    .some((a) => a.textContent.trim() === name), opts.task, { timeout: 30000 })
    .catch(() => fail(`"${opts.task}" is still listed after completing it`));
  await page.waitForTimeout(500); // let the list and the notification render for the picture
  await page.screenshot({ path: shot('tasklist-completed.png'), fullPage: true });
  log(`screenshot ${shot('tasklist-completed.png')}`);
  log(`OK in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  exitCode = 1;
  const msg = e instanceof Failure ? e.message : `${e.name}: ${e.message}`;
  console.error(`[tasklist] FAILED: ${msg}`);
  if (page) {
    await page.screenshot({ path: shot('tasklist-failure.png'), fullPage: true }).then(
      () => console.error(`[tasklist] screenshot of the failure: ${shot('tasklist-failure.png')}`), () => {});
  }
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.exit(exitCode);
