// The Tasklist journeys' browser: one Chromium for the whole test class, one logged-in context per user.
// The Java test (com.leadhandoff.feedback.Tasklist) writes one step per line on stdin, as JSON:
//   {"journey":"won","step":"1-accept","user":"rep","password":"...","taskId":"...","form":"accept-or-reject-lead",
//    "answers":{"decision":"accept"}}
// and reads one line per step on stdout: "@@result " + what the user saw (see runStep in tasklist-lib.mjs).
// Between steps the Java side runs the lead's due jobs and checks the lead. An empty line or end of input ends it.
// Usage: node tasklist-e2e.mjs <baseUrl> <formsDir> <screenshotDir>
import { createInterface } from 'node:readline';
import { launch, runStep, TasklistUser } from './tasklist-lib.mjs';

const [baseUrl, formsDir, shots] = process.argv.slice(2);
const browser = await launch();
const users = new Map();

async function userFor(step) {
  if (!users.has(step.user)) {
    users.set(step.user, await new TasklistUser(browser, baseUrl, step.user, step.password, shots).open());
  }
  return users.get(step.user);
}

// the app's first Tasklist page (its scripts served for the first time) before the first step's clock starts
const warmUp = await browser.newPage();
await warmUp.goto(`${baseUrl}/camunda/app/tasklist/default/`, { timeout: 120_000 });
await warmUp.getByPlaceholder('Username').waitFor({ timeout: 120_000 });
await warmUp.close();
console.log('@@ready');
try {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) break;
    const step = JSON.parse(line);
    let observation;
    try {
      observation = await runStep(await userFor(step), formsDir, step);
    } catch (error) { // the login itself failed
      observation = { journey: step.journey, step: step.step, driverError: `login as ${step.user}: ${error && error.stack || error}` };
    }
    console.log(`${step.journey} ${step.step} as ${step.user}: ${observation.outcome || 'no outcome'} in ${observation.millis} ms (${observation.phases})`);
    console.log(`@@result ${JSON.stringify(observation)}`);
  }
} finally {
  await browser.close();
}
