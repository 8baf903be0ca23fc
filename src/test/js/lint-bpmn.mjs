// Lints every processes/*.bpmn with bpmnlint (recommended rules + Camunda 7.24 compatibility),
// every rule at level error. Run by the Maven build; exits non-zero on any finding.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const processes = path.resolve(here, '../../../processes');
const files = readdirSync(processes).filter((f) => f.endsWith('.bpmn')).map((f) => path.join(processes, f));
if (files.length === 0) {
  console.error(`no BPMN file in ${processes}`);
  process.exit(1);
}
const cli = path.join(here, 'node_modules/bpmnlint/bin/bpmnlint.js');
const run = spawnSync(process.execPath, [cli, '--config', path.join(here, '.bpmnlintrc'), ...files], { stdio: 'inherit' });
if (run.status === 0) {
  console.log(`bpmnlint: ${files.length} model(s) clean`);
}
process.exit(run.status ?? 1);
