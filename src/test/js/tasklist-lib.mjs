// Drives Camunda Tasklist as a user would, in a real (headless) Chromium: logs in, opens a task by id, fills
// the Camunda Form (form-js) field by field from the answers given BY KEY, presses Complete and reports what
// the user saw. Labels and option labels are read from the deployed form files (processes/forms/<formId>.form)
// at run time, so the forms may change their wording without touching the tests.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A form's fields by key (nested groups flattened), each with its component (label, type, values). */
export function loadForm(formsDir, formId) {
  const schema = JSON.parse(readFileSync(path.join(formsDir, `${formId}.form`), 'utf8'));
  const fields = new Map();
  const walk = (components) => (components || []).forEach((component) => {
    if (component.key) fields.set(component.key, component);
    walk(component.components);
  });
  walk(schema.components);
  return { id: schema.id, fields };
}

const exactly = (text) => new RegExp(`^\\s*${String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);

/** The option label the user reads for an option value, from the form file (static values only). */
function optionLabel(component, value) {
  const option = (component.values || []).find((candidate) => String(candidate.value) === String(value));
  if (!option) {
    if (component.valuesKey) return null; // options filled from a variable at run time: matched on the page
    throw new Error(`${component.key}: no option with value ${JSON.stringify(value)} in the form (${(component.values || []).map((v) => v.value)})`);
  }
  return option.label;
}

/** One logged-in user: a browser context of their own, with what went wrong on its page recorded. */
export class TasklistUser {
  constructor(browser, baseUrl, user, password, shots) {
    Object.assign(this, { browser, baseUrl, user, password, shots });
    this.serverErrors = [];
    this.refusals = [];
    this.pageErrors = [];
    this.submitted = [];
    this.failedRequests = [];
  }

  async open() {
    this.context = await this.browser.newContext({ viewport: { width: 1400, height: 1800 }, timezoneId: 'Europe/Berlin', locale: 'en-US' });
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(20_000);
    this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
    this.page.on('request', (request) => {
      if (/\/task\/[^/]+\/(submit-form|complete)$/.test(request.url())) this.submitted.push(request.postData());
    });
    this.page.on('requestfailed', (request) => this.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
    this.page.on('response', async (response) => {
      if (response.status() >= 400) this.failedRequests.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
      if (response.status() >= 500) {
        this.serverErrors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}: ${await response.text().catch(() => '')}`.slice(0, 800));
      } else if (response.status() >= 400 && /\/task\/[^/]+\/(submit-form|complete)/.test(response.url())) {
        this.refusals.push(`HTTP ${response.status()} ${response.url()}: ${await response.text().catch(() => '')}`.slice(0, 800));
      }
    });
    try {
      await this.login();
    } catch (error) {
      // what the user saw, then one more try: the first page of a cold app on a busy machine may hang
      await this.screenshot(`login-${this.user}-failure`).catch(() => {});
      console.log(`login as ${this.user} failed (${String(error).split('\n')[0]}); page errors ${this.pageErrors}, server errors ${this.serverErrors}; trying once more`);
      await this.login();
    }
    return this;
  }

  async login() {
    const page = this.page;
    await page.goto(`${this.baseUrl}/camunda/app/tasklist/default/`, { timeout: 45_000 });
    const username = page.getByPlaceholder('Username');
    const password = page.locator('input[type="password"]');
    const tasks = page.locator('.tasks-list, .no-tasks, [cam-tasks]').first();
    await username.or(tasks).first().waitFor({ timeout: 45_000 });
    if (await tasks.isVisible()) return; // logged in already: a second try after a login whose page did not load
    // the login page may still be drawing (translations, autofocus): type only into a settled form, then check it
    await page.waitForLoadState('networkidle', { timeout: 45_000 }).catch(() => {});
    for (let attempt = 0; attempt < 3; attempt++) {
      await username.fill(this.user);
      await password.fill(this.password);
      if ((await username.inputValue()) === this.user && (await password.inputValue()) === this.password) break;
    }
    await page.getByRole('button', { name: /log in/i }).click();
    await tasks.waitFor({ timeout: 45_000 });
  }

  async screenshot(name) {
    mkdirSync(this.shots, { recursive: true });
    const file = path.join(this.shots, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /**
   * Opens the task (the form drawn afresh, no notification of an earlier step left) and claims it if needed.
   * After a completion the next task is opened from the address, as a user does; when a form is still shown (or
   * the same task is opened again) Tasklist is loaded afresh, so that no stale form is filled.
   */
  async openTask(taskId) {
    const page = this.page;
    const formLeft = page.url().includes('/camunda/app/tasklist/') && (await page.locator('.fjs-form').count()) > 0;
    if (this.lastTaskId === taskId || formLeft || !page.url().includes('/camunda/app/tasklist/')) {
      await page.goto('about:blank');
      await page.goto(`${this.baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    } else {
      for (const close of await page.locator('.notifications .alert .close').all()) await close.click().catch(() => {});
      await page.goto(`${this.baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    }
    this.lastTaskId = taskId;
    const claim = page.locator('.task-details, [cam-tasklist-task]').getByRole('button', { name: /^\s*Claim\s*$/ });
    try {
      await page.locator('.fjs-form').or(claim).first().waitFor();
    } catch (error) {
      if (!this.appDidNotStart()) throw error;
      // Tasklist itself did not start in this page load (its scripts refused or timed out, seen only on a machine
      // at several times its cores' load): the user reloads, once; anything else fails the step
      console.log(`Tasklist did not start for ${this.user} (${this.pageErrors} ${this.failedRequests}); reloading`);
      await page.goto('about:blank');
      await page.goto(`${this.baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
      await page.locator('.fjs-form').or(claim).first().waitFor();
    }
    if (await claim.isVisible()) {
      await claim.click();
      await page.locator('.fjs-form:not(.fjs-disabled)').waitFor();
    }
    await page.locator('.fjs-form').waitFor();
    // the form is drawn with the task's variables once they are loaded
    await page.locator('.fjs-form .fjs-form-field').first().waitFor();
  }

  /** Whether the page's Tasklist never started: a script of its own refused by the policy, or a module timed out. */
  appDidNotStart() {
    return this.pageErrors.some((error) => error.includes('Load timeout for modules'))
      || this.failedRequests.some((request) => request.includes('/camunda/') && request.endsWith(': csp'));
  }

  /** The field of a component as drawn: found by its component id, and shown with the form's label. */
  field(component) {
    const page = this.page;
    const byId = `[id$="-${component.id}"], [id*="-${component.id}-"]`;
    return page.locator('.fjs-form .fjs-form-field').filter({ has: page.locator(byId) }).first();
  }

  async fill(form, answers) {
    for (const [key, value] of Object.entries(answers)) {
      const component = form.fields.get(key);
      if (!component) throw new Error(`form ${form.id} has no field with key ${key} (keys: ${[...form.fields.keys()]})`);
      await this.fillField(component, value);
    }
  }

  async fillField(component, value) {
    const page = this.page;
    const field = this.field(component);
    try {
      await field.waitFor({ timeout: 5_000 });
    } catch (error) {
      throw new Error(`${component.key} (${component.type} "${component.label}") is not shown on the form`);
    }
    if (component.label && component.type !== 'datetime') {
      const shown = await field.locator('.fjs-form-field-label').first().innerText();
      if (!exactly(component.label).test(shown)) throw new Error(`${component.key}: label "${shown}", the form says "${component.label}"`);
    }
    switch (component.type) {
      case 'radio':
        await field.getByLabel(optionLabel(component, value), { exact: true }).check();
        break;
      case 'checklist':
        for (const one of [].concat(value)) await field.getByLabel(optionLabel(component, one), { exact: true }).check();
        break;
      case 'checkbox':
        await field.locator('input[type=checkbox]').setChecked(Boolean(value));
        break;
      case 'select': {
        await field.locator('.fjs-select-display').click();
        const label = optionLabel(component, value);
        const items = field.locator('.fjs-dropdownlist-item');
        const item = label !== null ? items.filter({ hasText: exactly(label) }) : items.filter({ hasText: String(value) });
        // a long list may run under the form's buttons: form-js picks an item on mouse down
        await item.first().click({ timeout: 5_000 }).catch(() => item.first().dispatchEvent('mousedown'));
        await field.locator('.fjs-dropdownlist').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
        break;
      }
      case 'datetime': {
        // value: { date: 'mm/dd/yyyy', time: 'hh:mm am' } as the rep types them (the context is in Europe/Berlin)
        const date = field.locator('input[id$="-date"]');
        await date.fill(value.date);
        await date.press('Enter');
        const time = field.locator('input[id$="-time"]');
        await time.fill(value.time);
        await time.press('Enter');
        await time.blur();
        break;
      }
      case 'number':
      case 'textfield':
      case 'textarea': {
        // form-js takes typed text after a debounce, or at once when the field loses the focus
        const input = field.locator('input, textarea').first();
        await input.fill(String(value));
        await input.blur();
        break;
      }
      default:
        throw new Error(`${component.key}: no way to fill a ${component.type}`);
    }
  }

  /** Presses Complete and waits (bounded) until the task is done or the user is told why not. */
  async complete(taskId) {
    const page = this.page;
    // an earlier notice may lie over the button; the button is what the user presses
    await page.getByRole('button', { name: /^\s*Complete\s*$/ }).dispatchEvent('click');
    const gone = page.locator('.fjs-form').waitFor({ state: 'detached', timeout: 30_000 }).then(() => 'gone');
    const alert = page.locator('.notifications .alert-danger').first().waitFor({ timeout: 30_000 }).then(() => 'alert');
    const fieldError = page.locator('.fjs-form-field-error').first().waitFor({ timeout: 30_000 }).then(() => 'field-error');
    const first = await Promise.any([gone, alert, fieldError]).catch(() => 'nothing');
    [gone, alert, fieldError].forEach((p) => p.catch(() => {}));
    let stillListed = null;
    if (first === 'gone') {
      // the list is reloaded after a completion: the task must not be in it
      const link = page.locator(`.tasks-list a[href="#/?task=${taskId}"]`);
      stillListed = await link.waitFor({ state: 'detached', timeout: 10_000 }).then(() => false, () => true);
      await page.waitForLoadState('networkidle').catch(() => {});
    }
    return { first, stillListed };
  }

  /** The form's text views as the user reads them, and how many links (other than mail links) and images they hold. */
  async formText() {
    const views = this.page.locator('.fjs-form .fjs-form-field-text');
    return {
      formText: (await views.evaluateAll((nodes) => nodes.map((node) => node.innerText).join('\n'))),
      formLinks: await views.locator('a:not([href^="mailto:"])').count(),
      formImages: await views.locator('img').count(),
    };
  }

  /** What the page tells the user now: notifications and the fields' error messages. */
  async shown() {
    const page = this.page;
    const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((node) => node.innerText.replace(/\s+/g, ' ').trim()));
    return {
      dangerNotifications: await texts(page.locator('.notifications .alert-danger')),
      otherNotifications: await texts(page.locator('.notifications .alert:not(.alert-danger)')),
      fieldErrors: await page.locator('.fjs-form .fjs-form-field').evaluateAll((fields) => fields
        .map((field) => ({ label: (field.querySelector('.fjs-form-field-label') || {}).innerText, error: (field.querySelector('.fjs-form-field-error') || {}).innerText }))
        .filter((field) => field.error)
        .map((field) => `${(field.label || '').replace(/\*$/, '').trim()}: ${field.error.trim()}`)),
      engineText: (await page.locator('body').innerText()).includes('ENGINE-'),
    };
  }

  async close() {
    await this.context?.close();
  }
}

/**
 * One step: the user opens the task, fills the answers, screenshots the form, presses Complete, screenshots
 * what follows and reports it. Never throws: a failure of the driver itself is reported as `driverError`.
 */
export async function runStep(user, formsDir, step) {
  const name = `${step.journey}-${step.step}`;
  const observation = { journey: step.journey, step: step.step, user: user.user, taskId: step.taskId, screenshots: [] };
  const started = Date.now();
  user.serverErrors.length = 0;
  user.refusals.length = 0;
  user.pageErrors.length = 0;
  user.submitted.length = 0;
  user.failedRequests.length = 0;
  const phases = [];
  const lap = (name) => phases.push(`${name} ${Date.now() - started - phases.reduce((sum, p) => sum + Number(p.split(' ')[1]), 0)}`);
  try {
    const form = loadForm(formsDir, step.form);
    await user.openTask(step.taskId);
    lap('open');
    await user.fill(form, step.answers || {});
    Object.assign(observation, await user.formText());
    lap('fill');
    observation.screenshots.push(await user.screenshot(`${name}-form`));
    lap('shot');
    const { first, stillListed } = await user.complete(step.taskId);
    lap('complete');
    observation.outcome = first;
    observation.formGone = first === 'gone';
    observation.stillListed = stillListed;
    Object.assign(observation, await user.shown());
    observation.screenshots.push(await user.screenshot(`${name}-after`));
    lap('shot');
  } catch (error) {
    observation.driverError = String(error && error.stack || error);
    observation.screenshots.push(await user.screenshot(`${name}-failure`).catch(() => null));
    Object.assign(observation, await user.shown().catch(() => ({})));
  }
  observation.serverErrors = [...user.serverErrors];
  observation.refusals = [...user.refusals];
  observation.pageErrors = [...user.pageErrors];
  observation.submitted = [...user.submitted];
  observation.failedRequests = [...user.failedRequests];
  observation.millis = Date.now() - started;
  observation.phases = phases.join(', ');
  return observation;
}
