// `npm pack` gives a package that another project installs, imports as ESM and type-checks.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, test } from 'node:test';

const run = promisify(execFile);
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = path.join(packageDir, 'node_modules/typescript/bin/tsc');
let consumer = '';

after(() => (consumer ? rm(consumer, { recursive: true, force: true }) : undefined));

test('the packed package installs, type-checks and imports in another project', async () => {
  consumer = await mkdtemp(path.join(tmpdir(), 'reservations-client-consumer-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: packageDir });
  const tarball = path.join(consumer, stdout.trim().split('\n').pop()!);
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--silent', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: consumer });

  await writeFile(path.join(consumer, 'main.ts'), [
    "import { ReservationsError, TenantClient, type Answer } from '@reservations/client';",
    "const user = new TenantClient({ baseUrl: 'http://127.0.0.1:1', appId: 'APP-1', apiKey: 'pk_live_1' }).asUser('token');",
    "const hold: Promise<Answer<'/reserve-seat', 'post'>> = user.reserveSeat({ seatId: 'film-1:1' });",
    "hold.catch((error: unknown) => console.log(error instanceof ReservationsError ? error.code : 'other'));",
    '// @ts-expect-error the types come along: a hold names its seat by seatId',
    "user.reserveSeat({ seat: 'film-1:1' }).catch(() => undefined);",
  ].join('\n'));
  await run(process.execPath, [tsc, '--strict', '--module', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', 'main.ts'], { cwd: consumer });

  const { stdout: printed } = await run(process.execPath, ['main.js'], { cwd: consumer });
  assert.equal(printed.trim(), 'network_error');
});
