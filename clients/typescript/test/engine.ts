// The engine under test: the Release build of src/Api, embedded (API and one silo) on free loopback
// ports, with a throwaway SQLite data directory and the admin account from Admin__Username and
// Admin__Password (a random password when unset).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Engine {
  baseUrl: string;
  admin: { username: string; password: string };
  stop(): Promise<void>;
}

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const assembly = path.join(repository, 'src/Api/bin/Release/net10.0/Reservations.Api.dll');
const readyWithin = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export async function startEngine(): Promise<Engine> {
  if (!existsSync(assembly)) {
    throw new Error(`${assembly} is missing: build the engine first (dotnet build src/Api -c Release).`);
  }
  const admin = {
    username: process.env.Admin__Username ?? 'admin',
    password: process.env.Admin__Password ?? randomBytes(18).toString('base64url'),
  };
  const [httpPort, siloPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const data = await mkdtemp(path.join(tmpdir(), 'reservations-ts-client-'));
  const child = spawn('dotnet', [assembly, '--urls', baseUrl], {
    cwd: data,
    env: {
      ...process.env,
      Admin__Username: admin.username,
      Admin__Password: admin.password,
      Orleans__SiloPort: String(siloPort),
      Logging__LogLevel__Default: 'Warning',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk; });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the test process end without stop(), the engine ends with it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);

  const stop = async () => {
    process.off('exit', orphaned);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(data, { recursive: true, force: true });
  };

  // Poll readiness, as tests/TestSupport/Eventually.cs does for real processes.
  const deadline = Date.now() + readyWithin;
  while (!(await isReady(`${baseUrl}/health/ready`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The engine did not become ready at ${baseUrl}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, admin, stop };
}
