// Lints Camunda Forms (forms/*.form) with @camunda/form-linting, the linter of Camunda Modeler;
// run by ModelLintTest as `node tools/modelcheck/formlint.mjs forms/<name>.form` from the repository
// root. Prints a table like bpmnlint's ("  <element>  <error|warning>  <message>") and its "✖"
// summary; exits 1 on any error or warning.
//
// Two gaps of @camunda/form-linting 0.25.0 are bridged here, nothing else:
// - its modules import each other without file extensions (written for bundlers): a resolve hook
//   adds ".js" for Node;
// - its table of form-js versions per Camunda 7 release ends at 7.22 (form-js 1.8.7). A form for a
//   later 7.x is linted as a 7.22 form: the rules only forbid what older form-js lacks, so this is
//   stricter than 7.24's own form-js, never more lenient.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (/^\\.\\.?\\//.test(specifier) && !/\\.(m?js|json)$/.test(specifier)
      && context.parentURL && context.parentURL.includes('/@camunda/form-linting/')) {
    return next(specifier + '.js', context);
  }
  return next(specifier, context);
}`));

const { FormLinter } = await import('@camunda/form-linting');
const NEWEST_KNOWN_7 = '7.22.0';

let problems = 0;
for (const file of process.argv.slice(2)) {
  const form = JSON.parse(readFileSync(file, 'utf8'));
  if (form.executionPlatform !== 'Camunda Platform' || !/^7\.(2[2-4])\./.test(form.executionPlatformVersion || '')) {
    console.log(`${file}\n  ${form.id || '-'}  error  executionPlatform must be "Camunda Platform" and`
      + ` executionPlatformVersion 7.24.0 (was ${form.executionPlatform} ${form.executionPlatformVersion})  platform`);
    problems++;
    continue;
  }
  const reports = new FormLinter().lint({ ...form, executionPlatformVersion: NEWEST_KNOWN_7 })
    .filter(report => report.category !== 'info');
  if (reports.length) {
    console.log(file);
    for (const r of reports) {
      console.log(`  ${r.id}  ${r.category === 'error' ? 'error' : 'warning'}  ${r.message.replace(/\s+/g, ' ')}`);
    }
  }
  problems += reports.length;
}
if (problems) {
  console.log(`\n✖ ${problems} problem${problems > 1 ? 's' : ''}`);
  process.exit(1);
}
