// Writes schema/report.schema.json from the TypeBox definitions that type the report code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../src/report/json-schema.js';
import { packageRoot } from '../src/util/paths.js';

const path = join(packageRoot(), 'schema', 'report.schema.json');
writeFileSync(path, reportJsonSchema());
console.log(`wrote ${path}`);
