// The schema package bundled alone for the browser (everything it exports), min+gzip. Budget ≤ 10 kB.
import { browserSize } from './support/size.js';
import { report } from './support/report.js';

const all = await browserSize(`export * from '@memberpulse/integration-schema';`, 'schema-all');
const own = await browserSize(`export * from '@memberpulse/integration-schema';`, 'schema-own', { external: ['zod', 'zod/*'] });
const kB = all.gzip / 1024;
report('schema-size', [
  { metric: 'schema package, min+gzip', value: kB, unit: 'kB', budget: '≤ 10 kB', ok: kB <= 10 },
  { metric: 'schema package, minified', value: all.raw / 1024, unit: 'kB' },
  { metric: '  own code (catalog, rules, schemas; zod external), min+gzip', value: own.gzip / 1024, unit: 'kB' },
]);
